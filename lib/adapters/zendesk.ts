import { MatchPattern } from '@webext-core/match-patterns';
import { z } from 'zod';
import { selectAllFirst, selectFirst, textOfFirst } from '../dom/select-first.ts';
import { parseOrThrow } from '../schema-error.ts';
import { parseTicket, type Ticket, type TicketEvent } from '../ticket.ts';
import type { HelpdeskAdapter, HelpdeskSource } from './types.ts';
import * as api from './vendor-json/zendesk.ts';

const matches = ['https://*.zendesk.com/*'];
const sideloads = 'include=users,groups,organizations';
/** `show_many` takes at most 100 ids; a ticket has at most 5,000 comments (50 pages of audits). */
const limits = { showManyIds: 100, auditPages: 50, viewPages: 10, fieldPages: 5 };
/** Title of the field the Zendesk Time Tracking app creates (support.zendesk.com/hc/en-us/articles/4408822487450). */
const timeTrackingFieldTitle = 'total time spent (sec)';
const siteOptionsSchema = z.looseObject({
  /** The ticket field holding the total time in seconds, when it is not titled like the Time Tracking app's. */
  timeSpentFieldId: z.coerce.number().int().positive().optional(),
});

const selectors = {
  listRow: [
    'table[data-test-id="generic-table"] tr[data-test-id="generic-table-row"]', // Agent Workspace views table (2023–)
    'table[data-onboarding-id="table_main"] tbody tr', // views table of 2021–2023
  ],
  rowTicketLink: [
    'td[data-test-id="ticket-table-cells-subject"] a[href*="tickets/"]', // subject cell (2023–)
    'a[href*="tickets/"]', // any ticket link in the row (older tables)
  ],
  rowIdCell: ['td[data-test-id="generic-table-cells-id"]'], // "#123" id column, when the view shows it (2023–)
  /** Scoped to this ticket's pane: the panes of other open ticket tabs stay in the DOM. */
  ticketAnchor: (ticketId: string) => [
    `[data-side-conversations-anchor-id="${ticketId}"] [data-test-id="omni-header-via-label"]`, // Agent Workspace header (2021–)
    `[data-side-conversations-anchor-id="${ticketId}"] .pane_header`, // ticket pane before Agent Workspace
  ],
};

/** Ids go into API paths and selectors, so anything but digits is refused. */
function numericId(id: string, what: string): string {
  if (!/^\d+$/.test(id)) throw new Error(`A Zendesk ${what} id is a number, not "${id}"`);
  return id;
}

/** Account-wide: custom field titles, and the field holding the time tracked on a ticket. */
async function readFields(source: HelpdeskSource) {
  const options = parseOrThrow(siteOptionsSchema, source.site?.options ?? {}, 'Zendesk site options');
  const path = '/api/v2/ticket_fields.json';
  const { pages } = await api.readZendeskPages(source, path, api.zendeskTicketFieldPageSchema, 'Zendesk ticket fields', limits.fieldPages);
  const fields = pages.flatMap((page) => page.ticket_fields);
  const titles = new Map(fields.map((field) => [field.id, field.title]));
  const choices = new Map(fields.map((field) => [field.id, new Map(field.custom_field_options?.map((option) => [option.value, option.name]))]));
  const titledTimeField = fields.find((field) => field.title.trim().toLowerCase() === timeTrackingFieldTitle)?.id;
  return { titles, choices, timeSpentFieldId: options.timeSpentFieldId ?? titledTimeField };
}

type Fields = Awaited<ReturnType<typeof readFields>>;
function createLookups(origin: string, fields: Fields, sideloaded: api.ZendeskSideloads, moreUsers: api.ZendeskUser[]) {
  const byId = <T extends { id: number }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
  const [users, groups, organizations] = [byId([...sideloaded.users, ...moreUsers]), byId(sideloaded.groups), byId(sideloaded.organizations)];
  return { ...fields, origin, users, groups, organizations };
}
type Lookups = ReturnType<typeof createLookups>;
const get = <T>(map: Map<number, T>, id: number | null) => (id === null ? undefined : map.get(id));

const authorName = (user: api.ZendeskUser | undefined) => user?.email?.toLowerCase() ?? user?.name;

function messageEvent(at: string, isPublic: boolean, authorId: number, ticket: api.ZendeskTicket, lookups: Lookups): TicketEvent {
  const author = lookups.users.get(authorId);
  if (!isPublic) return { at, type: 'internal_note', author: authorName(author) };
  // An unknown author (a deleted user) counts as the customer: a missing reply clock is worse than a spurious one.
  const byAgent = author !== undefined && authorId !== ticket.requester_id && (author.role === 'agent' || author.role === 'admin');
  return { at, type: byAgent ? 'agent_reply' : 'customer_message', author: authorName(author) };
}

function auditEvents({ created_at: at, author_id, events }: api.ZendeskAudit, ticket: api.ZendeskTicket, lookups: Lookups): TicketEvent[] {
  const author = authorName(lookups.users.get(author_id));
  return events.flatMap((event): TicketEvent[] => {
    if (api.ZENDESK_COMMENT_EVENT_TYPES.includes(event.type)) {
      return [messageEvent(at, event.public === true, event.author_id ?? author_id, ticket, lookups)];
    }
    if (!api.ZENDESK_FIELD_EVENT_TYPES.includes(event.type)) return [];
    const status = api.zendeskStatusSchema.safeParse(event.value);
    if (event.field_name === 'status' && status.success) return [{ at, type: 'status_change', status: status.data, author }];
    const priority = typeof event.value === 'string' ? event.value : undefined; // null when the priority was cleared
    return event.field_name === 'priority' ? [{ at, type: 'priority_change', priority, author }] : [];
  });
}

/** A field value as agents see it (a drop-down holds a tag, e.g. `plan_gold` for "Gold"), as a plan's match rules name it. */
const shownValue = (id: number, value: string | number | boolean | string[] | null, lookups: Lookups) =>
  [value].flat().map((item) => lookups.choices.get(id)?.get(String(item)) ?? String(item)).join(', ');

function toTicket(ticket: api.ZendeskTicket, lookups: Lookups, events: TicketEvent[], complete: boolean): Ticket {
  const requester = lookups.users.get(ticket.requester_id);
  const customFields = ticket.custom_fields.filter((field) => field.value !== null && field.value !== '');
  const timeSpentSeconds = Number(customFields.find((field) => field.id === lookups.timeSpentFieldId)?.value ?? Number.NaN);
  return parseTicket({
    id: String(ticket.id),
    helpdesk: 'zendesk',
    url: `${lookups.origin}/agent/tickets/${ticket.id}`,
    subject: ticket.subject ?? '',
    requester: { email: requester?.email ?? '', name: requester?.name },
    organization: get(lookups.organizations, ticket.organization_id)?.name,
    tags: ticket.tags,
    priority: ticket.priority ?? undefined,
    status: ticket.status,
    channel: ticket.via?.channel,
    assignee: get(lookups.users, ticket.assignee_id)?.name,
    group: get(lookups.groups, ticket.group_id)?.name,
    createdAt: ticket.created_at,
    updatedAt: ticket.updated_at,
    events: events.toSorted((a, b) => Date.parse(a.at) - Date.parse(b.at)), // audits come oldest first; this keeps it so
    complete,
    fields: Object.fromEntries(customFields.map(({ id, value }) => [lookups.titles.get(id) ?? String(id), shownValue(id, value, lookups)])),
    timeSpentMinutes: timeSpentSeconds >= 0 ? timeSpentSeconds / 60 : undefined,
  });
}

/**
 * Zendesk Support (Agent Workspace): reads the JSON API with the agent's session; the page only places badges.
 *
 * @example
 * zendesk.detectPage(new URL('https://acme.zendesk.com/agent/tickets/4821')) // => { kind: 'ticket', ticketId: '4821' }
 * (await zendesk.readTicket(source, '4821')).events[0] // => { at: '2026-11-23T08:12:04Z', type: 'customer_message', … }
 */
export const zendesk: HelpdeskAdapter = {
  id: 'zendesk',
  label: 'Zendesk',
  hosting: 'saas',
  matches,
  readsWithoutPage: true,
  recordsTimeSpent: true,
  testUrls: {
    ticket: ['https://acme.zendesk.com/agent/tickets/4821', 'https://acme.zendesk.com/agent/tickets/4821/events'],
    list: [
      'https://acme.zendesk.com/agent/filters/360001234567',
      'https://acme.zendesk.com/agent/dashboard',
      'https://acme.zendesk.com/agent/search/1?copy=&q=printer',
      'https://acme.zendesk.com/agent/organizations/360009876543/tickets',
    ],
  },

  detectPage(url, site) {
    if (site ? url.origin !== site.origin : !matches.some((pattern) => new MatchPattern(pattern).includes(url))) return undefined;
    const ticketId = /^\/agent\/tickets\/(\d+)(?:\/|$)/.exec(url.pathname)?.[1];
    if (ticketId) return { kind: 'ticket', ticketId };
    // Views, the dashboard, search results, an organization's tickets; not /agent/filters/suspended (suspended emails).
    return /^\/agent\/(?:filters\/\d+|dashboard|search(?:\/\d+)?|organizations\/\d+\/tickets)\/?$/.test(url.pathname) ? { kind: 'list' } : undefined;
  },

  async readTicket(source, ticketId) {
    const id = numericId(ticketId, 'ticket');
    const auditsPath = `/api/v2/tickets/${id}/audits.json?include=users`;
    const [shown, audits, fields] = await Promise.all([
      source.getJson(`/api/v2/tickets/${id}.json?${sideloads}`),
      api.readZendeskPages(source, auditsPath, api.zendeskAuditPageSchema, 'Zendesk audits', limits.auditPages),
      readFields(source),
    ]);
    const { ticket, ...sideloaded } = parseOrThrow(api.zendeskTicketShowSchema, shown, `Zendesk ticket #${id}`);
    const lookups = createLookups(source.origin, fields, sideloaded, audits.pages.flatMap((page) => page.users));
    const events = audits.pages.flatMap((page) => page.audits.flatMap((audit) => auditEvents(audit, ticket, lookups)));
    return toTicket(ticket, lookups, events, audits.complete);
  },

  async readTickets(source, ticketIds) {
    const ids = [...new Set(ticketIds)].map((id) => numericId(id, 'ticket'));
    const size = limits.showManyIds;
    const batches = Array.from({ length: Math.ceil(ids.length / size) }, (_, index) => ids.slice(index * size, (index + 1) * size));
    if (batches.length === 0) return [];
    const [fields, ...responses] = await Promise.all([
      readFields(source),
      ...batches.map((batch) => source.getJson(`/api/v2/tickets/show_many.json?ids=${batch.join(',')}&${sideloads}`)),
    ]);
    return responses.flatMap((response) => {
      const { tickets, ...sideloaded } = parseOrThrow(api.zendeskTicketShowManySchema, response, 'Zendesk tickets');
      const lookups = createLookups(source.origin, fields, sideloaded, []);
      // show_many has no comments; the description (the first comment, by the submitter) is all that is known.
      const description = (ticket: api.ZendeskTicket) =>
        messageEvent(ticket.created_at, true, ticket.submitter_id ?? ticket.requester_id, ticket, lookups);
      return tickets.map((ticket) => toTicket(ticket, lookups, [description(ticket)], false));
    });
  },

  listRows(document) {
    return selectAllFirst(document, selectors.listRow).flatMap((element) => {
      const href = selectFirst(element, selectors.rowTicketLink)?.getAttribute('href') ?? '';
      const ticketId = /tickets\/(\d+)/.exec(href)?.[1] ?? /^#?(\d+)$/.exec(textOfFirst(element, selectors.rowIdCell) ?? '')?.[1];
      return ticketId ? [{ ticketId, element }] : [];
    });
  },

  ticketAnchor(document, ticketId) {
    return /^\d+$/.test(ticketId) ? selectFirst(document, selectors.ticketAnchor(ticketId)) : undefined;
  },

  /** A view's ticket ids in the view's order; not `/execute`, which allows 5 requests a minute per view, the agent's UI included. */
  async listQueue(source, queueId) {
    const id = numericId(queueId, 'view');
    const path = `/api/v2/views/${id}/tickets.json?page[size]=100`;
    const { pages } = await api.readZendeskPages(source, path, api.zendeskViewTicketsPageSchema, `Zendesk view ${id}`, limits.viewPages);
    return pages.flatMap((page) => page.tickets.map((ticket) => String(ticket.id)));
  },
};

/*
## Test URLs

https://acme.zendesk.com/agent/tickets/4821
https://acme.zendesk.com/agent/tickets/4821/events
https://acme.zendesk.com/agent/filters/360001234567
https://acme.zendesk.com/agent/dashboard
https://acme.zendesk.com/agent/search/1?copy=&q=printer
https://acme.zendesk.com/agent/organizations/360009876543/tickets
*/
