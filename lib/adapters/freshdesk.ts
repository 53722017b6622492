import { MatchPattern } from '@webext-core/match-patterns';
import { z } from 'zod';
import { selectAllFirst, selectFirst, textOfFirst } from '../dom/select-first.ts';
import { parseOrThrow } from '../schema-error.ts';
import { parseTicket, TICKET_STATUSES, type Ticket, type TicketEvent, type TicketStatus } from '../ticket.ts';
import type { HelpdeskAdapter, HelpdeskSource } from './types.ts';
import * as api from './vendor-json/freshdesk.ts';

const matches = ['https://*.freshdesk.com/*'];
const include = 'include=requester,company,stats,conversations';
/** `include=conversations` gives the first ten; beyond, the list is read by pages of 100, up to 1,000 conversations. */
const limits = { includedConversations: 10, conversationPages: 10 };
const siteOptionsSchema = z.looseObject({
  /** What the account's custom statuses mean for the clocks, e.g. `{ "8": "pending" }`. */
  customStatuses: z.record(z.string().regex(/^\d+$/, 'expected a status number'), z.enum(TICKET_STATUSES)).optional(),
});
/** 6 and 7 are the custom statuses accounts start with, "Waiting on customer" and "Waiting on third party". */
const statuses = new Map<number, TicketStatus>([[2, 'open'], [3, 'pending'], [4, 'solved'], [5, 'closed'], [6, 'pending'], [7, 'on_hold']]);

const selectors = {
  listRow: [
    'tr[data-test-id^="ticket-row-"]', // table view of the ticket list
    'div.tickets__list', // card view of the ticket list ("mint" UI, 2018–)
  ],
  /** Where a row says which ticket it is: [selector, attribute]; the row itself counts. */
  rowTicketId: [
    ['tr[data-test-id^="ticket-row-"]', 'data-test-id'], // table row: "ticket-row-1042"
    ['[data-test-ticket-id]', 'data-test-ticket-id'], // card id label: "#1042"
    ['[data-test-ticket-content]', 'data-test-ticket-content'], // card body: "1042"
    ['input[data-test-checkbox^="ticket-"]', 'data-test-checkbox'], // bulk-select checkbox: "ticket-1042"
    ['a[href*="/tickets/"]', 'href'], // subject link
  ],
  ticketAnchor: [
    '.page-actions__left', // action bar of the ticket page ("mint" UI, 2018–)
    '#Pagearea h2.subject', // subject of the /helpdesk/tickets/{id} page (legacy UI)
  ],
  /** The ticket the page shows, checked so a strip never lands on the previous ticket during navigation. */
  shownTicketId: [
    '[data-test-id="breadcrumb-item"]', // breadcrumb "1042" (2020–)
    '.breadcrumb__item.active', // breadcrumb "#1042" ("mint" UI, 2018–2020)
    '#ticket-display-id', // "#1042" (legacy UI)
  ],
} as const;

/** Ids go into API paths, so anything but digits is refused. */
function numericId(id: string): string {
  if (!/^\d+$/.test(id)) throw new Error(`A Freshdesk ticket id is a number, not "${id}"`);
  return id;
}

/** Names, labels and time are extras: a plan without time tracking answers 403, and the ticket still reads. */
async function readOptional<T>(source: HelpdeskSource, path: string, schema: z.ZodType<T>, what: string): Promise<T | undefined> {
  const json: unknown = await source.getJson(path).catch(() => undefined);
  return json === undefined ? undefined : parseOrThrow(schema, json, what);
}

async function readLookups(source: HelpdeskSource, tickets: api.FreshdeskTicket[]) {
  const each = <T>(ids: (number | null)[], path: string, schema: z.ZodType<T>) => {
    const distinct = [...new Set(ids.filter((id) => id !== null))];
    return Promise.all(distinct.map((id) => readOptional(source, `${path}/${id}`, schema, `Freshdesk ${path}/${id}`)));
  };
  const [fields, agents, groups] = await Promise.all([
    readOptional(source, '/api/v2/ticket_fields', api.freshdeskTicketFieldsSchema, 'Freshdesk ticket fields'),
    each(tickets.map((ticket) => ticket.responder_id), '/api/v2/agents', api.freshdeskAgentSchema),
    each(tickets.map((ticket) => ticket.group_id), '/api/v2/groups', api.freshdeskGroupSchema),
  ]);
  return {
    origin: source.origin,
    options: parseOrThrow(siteOptionsSchema, source.site?.options ?? {}, 'Freshdesk site options'),
    labels: new Map(fields?.map((field) => [field.name, field.label])),
    agents: new Map(agents.flatMap((agent) => (agent ? [[agent.id, agent.contact] as const] : []))),
    groups: new Map(groups.flatMap((group) => (group ? [[group.id, group.name] as const] : []))),
  };
}
type Lookups = Awaited<ReturnType<typeof readLookups>>;
type History = { conversations: api.FreshdeskConversation[]; complete: boolean };

/** All conversations when the included ten may not be all; a failed page leaves the history incomplete. */
async function readConversations(source: HelpdeskSource, ticket: api.FreshdeskTicket): Promise<History> {
  const included = ticket.conversations ?? [];
  if (included.length < limits.includedConversations) return { conversations: included, complete: ticket.conversations !== undefined };
  const path = `/api/v2/tickets/${ticket.id}/conversations`;
  const what = `Freshdesk conversations of #${ticket.id}`;
  const { items, complete } = await api.readFreshdeskPages(source, path, api.freshdeskConversationSchema, what, limits.conversationPages);
  return { conversations: items.length > 0 ? items : included, complete };
}

/** The description (the first message), then every conversation; authors by email when the ticket names them. */
function messageEvents(ticket: api.FreshdeskTicket, conversations: api.FreshdeskConversation[], agentName?: string): TicketEvent[] {
  const requesterEmail = ticket.requester?.email?.toLowerCase();
  const outbound = ticket.source === api.FRESHDESK_OUTBOUND_EMAIL; // an agent wrote first
  const description: TicketEvent = outbound
    ? { at: ticket.created_at, type: 'agent_reply', author: agentName }
    : { at: ticket.created_at, type: 'customer_message', author: requesterEmail };
  return [description].concat(
    conversations.map(({ user_id: userId, incoming, created_at: at, ...conversation }): TicketEvent => {
      const byAssignee = userId !== null && userId === ticket.responder_id;
      // A cc'd contact is known by the address it wrote from; agents all write from the support address.
      const fromContact = incoming ? conversation.from_email?.toLowerCase() : undefined;
      const author = userId === ticket.requester_id ? requesterEmail : byAssignee ? agentName : fromContact;
      const toCustomer = !conversation.private && (incoming || conversation.source !== api.FRESHDESK_FORWARD);
      // Public notes count as responses, as Freshdesk counts them.
      return { at, type: !toCustomer ? 'internal_note' : incoming ? 'customer_message' : 'agent_reply', author };
    }),
  );
}

function toTicket(ticket: api.FreshdeskTicket, lookups: Lookups, history: History, timeSpentMinutes?: number): Ticket {
  // An unmapped custom status counts as on hold: custom statuses usually stop the SLA timer.
  const status = lookups.options.customStatuses?.[ticket.status] ?? statuses.get(ticket.status) ?? 'on_hold';
  const agent = ticket.responder_id === null ? undefined : lookups.agents.get(ticket.responder_id);
  const events = messageEvents(ticket, history.conversations, agent?.email?.toLowerCase() ?? agent?.name);
  // The API keeps no status history, only since when the current status holds: history is whole only if it never changed.
  const statusSince = ticket.stats?.status_updated_at;
  const statusUnchanged = ticket.stats !== undefined && (!statusSince || Date.parse(statusSince) <= Date.parse(ticket.created_at));
  if (statusSince && !statusUnchanged) events.push({ at: statusSince, type: 'status_change', status });
  const filled = Object.entries(ticket.custom_fields).filter(([, value]) => value !== null && value !== '');
  return parseTicket({
    id: String(ticket.id),
    helpdesk: 'freshdesk',
    url: `${lookups.origin}/a/tickets/${ticket.id}`,
    subject: ticket.subject ?? '',
    requester: { email: ticket.requester?.email ?? '', name: ticket.requester?.name ?? undefined },
    organization: ticket.company?.name,
    tags: ticket.tags,
    priority: ticket.priority,
    status,
    channel: api.freshdeskChannelOf(ticket.source),
    assignee: agent?.name,
    group: ticket.group_id === null ? undefined : lookups.groups.get(ticket.group_id),
    createdAt: ticket.created_at,
    updatedAt: ticket.updated_at,
    events: events.toSorted((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    complete: history.complete && statusUnchanged,
    fields: Object.fromEntries(filled.map(([name, value]) => [lookups.labels.get(name) ?? name, String(value)])),
    timeSpentMinutes,
  });
}

/**
 * Freshdesk (the "mint" agent UI and the legacy /helpdesk pages): reads API v2 with the agent's session.
 *
 * @example
 * freshdesk.detectPage(new URL('https://acme.freshdesk.com/a/tickets/1042')) // => { kind: 'ticket', ticketId: '1042' }
 * (await freshdesk.readTicket(source, '1042')).status // => 'pending'
 */
export const freshdesk: HelpdeskAdapter = {
  id: 'freshdesk',
  label: 'Freshdesk',
  hosting: 'saas',
  matches,
  readsWithoutPage: true,
  recordsTimeSpent: true,
  testUrls: {
    ticket: ['https://acme.freshdesk.com/a/tickets/1042', 'https://acme.freshdesk.com/helpdesk/tickets/1042'],
    list: [
      'https://acme.freshdesk.com/a/tickets/filters/all_tickets',
      'https://acme.freshdesk.com/a/tickets/filters/43000876543',
      'https://acme.freshdesk.com/a/tickets?orderBy=updated_at&orderType=desc',
    ],
  },

  detectPage(url, site) {
    if (site ? url.origin !== site.origin : !matches.some((pattern) => new MatchPattern(pattern).includes(url))) return undefined;
    const ticketId = /^\/(?:a|helpdesk)\/tickets\/(\d+)(?:\/|$)/.exec(url.pathname)?.[1];
    if (ticketId) return { kind: 'ticket', ticketId };
    // The ticket list with or without a filter, and its legacy page; not /support/… (the customer portal).
    return /^\/(?:a\/tickets(?:\/filters\/[\w-]+)?|helpdesk\/tickets)\/?$/.test(url.pathname) ? { kind: 'list' } : undefined;
  },

  async readTicket(source, ticketId) {
    const id = numericId(ticketId);
    const [json, timeEntries] = await Promise.all([
      source.getJson(`/api/v2/tickets/${id}?${include}`),
      readOptional(source, `/api/v2/tickets/${id}/time_entries`, api.freshdeskTimeEntriesSchema, 'Freshdesk time entries'),
    ]);
    const ticket = parseOrThrow(api.freshdeskTicketSchema, json, `Freshdesk ticket #${id}`);
    const [lookups, history] = await Promise.all([readLookups(source, [ticket]), readConversations(source, ticket)]);
    const minutesById = new Map(timeEntries?.map((entry) => [entry.id, entry.time_spent]));
    return toTicket(ticket, lookups, history, timeEntries && [...minutesById.values()].reduce((sum, minutes) => sum + minutes, 0));
  },

  /** One request per ticket: the documented API reads no list of ids (search cannot filter by id). */
  async readTickets(source, ticketIds) {
    const ids = [...new Set(ticketIds)].map(numericId);
    if (ids.length === 0) return [];
    const tickets = await Promise.all(
      ids.map(async (id) => {
        const json = await source.getJson(`/api/v2/tickets/${id}?${include}`);
        return parseOrThrow(api.freshdeskTicketSchema, json, `Freshdesk ticket #${id}`);
      }),
    );
    const lookups = await readLookups(source, tickets);
    // Only the first ten conversations and no time entries: the caller upgrades these with readTicket.
    return tickets.map((ticket) => toTicket(ticket, lookups, { conversations: ticket.conversations ?? [], complete: false }));
  },

  listRows(document) {
    return selectAllFirst(document, selectors.listRow).flatMap((element) => {
      const ticketId = selectors.rowTicketId
        .map(([selector, attribute]) => (element.matches(selector) ? element : element.querySelector(selector))?.getAttribute(attribute))
        .map((value) => /\d+/.exec(value ?? '')?.[0])
        .find((id) => id !== undefined);
      return ticketId ? [{ ticketId, element }] : [];
    });
  },

  ticketAnchor(document, ticketId) {
    const shown = /\d+/.exec(textOfFirst(document, selectors.shownTicketId) ?? '')?.[0];
    return shown === ticketId ? selectFirst(document, selectors.ticketAnchor) : undefined;
  },
};

/*
## Test URLs

https://acme.freshdesk.com/a/tickets/1042
https://acme.freshdesk.com/helpdesk/tickets/1042
https://acme.freshdesk.com/a/tickets/filters/all_tickets
https://acme.freshdesk.com/a/tickets/filters/43000876543
https://acme.freshdesk.com/a/tickets?orderBy=updated_at&orderType=desc
*/
