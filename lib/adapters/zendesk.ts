import { MatchPattern } from '@webext-core/match-patterns';
import { z } from 'zod/mini';
import { selectAllFirst, selectFirst, textOfFirst } from '../dom/select-first.ts';
import { parseOrThrow } from '../schema-error.ts';
import { isHelpdeskUrl } from './shared/helpdesk-url.ts';
import { rowsWithTicketIds } from './shared/list-rows.ts';
import { isNumericId, requireNumericId } from './shared/numeric-id.ts';
import { requestBatches } from './shared/request-batches.ts';
import type { HelpdeskAdapter, HelpdeskSource } from './types.ts';
import * as api from './vendor-json/zendesk.ts';
import { auditEvents, createLookups, messageEvent, toTicket } from './vendor-json/zendesk-ticket.ts';

const matches = ['https://*.zendesk.com/*'];
const hostPatterns = matches.map((pattern) => new MatchPattern(pattern)); // compiled once: detectPage runs on every navigation
const sideloads = 'include=users,groups,organizations';
/** `show_many` takes at most 100 ids; a ticket has at most 5,000 comments (50 pages of audits). */
const limits = { showManyIds: 100, auditPages: 50, viewPages: 10, fieldPages: 5 };
/** Title of the field the Zendesk Time Tracking app creates (support.zendesk.com/hc/en-us/articles/4408822487450). */
const timeTrackingFieldTitle = 'total time spent (sec)';
const siteOptionsSchema = z.looseObject({
  /** The ticket field holding the total time in seconds, when it is not titled like the Time Tracking app's. */
  timeSpentFieldId: z.optional(z.coerce.number().check(z.int(), z.positive())),
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
    if (!isHelpdeskUrl(url, hostPatterns, site)) return undefined;
    const ticketId = /^\/agent\/tickets\/(\d+)(?:\/|$)/.exec(url.pathname)?.[1];
    if (ticketId) return { kind: 'ticket', ticketId };
    // Views, the dashboard, search results, an organization's tickets; not /agent/filters/suspended (suspended emails).
    return /^\/agent\/(?:filters\/\d+|dashboard|search(?:\/\d+)?|organizations\/\d+\/tickets)\/?$/.test(url.pathname) ? { kind: 'list' } : undefined;
  },

  async readTicket(source, ticketId) {
    const id = requireNumericId(ticketId, 'Zendesk ticket');
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
    const ids = [...new Set(ticketIds)].map((id) => requireNumericId(id, 'Zendesk ticket'));
    const batches = requestBatches(ids, limits.showManyIds);
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
    return rowsWithTicketIds(selectAllFirst(document, selectors.listRow), (row) => {
      const href = selectFirst(row, selectors.rowTicketLink)?.getAttribute('href') ?? '';
      return /tickets\/(\d+)/.exec(href)?.[1] ?? /^#?(\d+)$/.exec(textOfFirst(row, selectors.rowIdCell) ?? '')?.[1];
    });
  },

  ticketAnchor(document, ticketId) {
    return isNumericId(ticketId) ? selectFirst(document, selectors.ticketAnchor(ticketId)) : undefined;
  },

  /** A view's ticket ids in the view's order; not `/execute`, which allows 5 requests a minute per view, the agent's UI included. */
  async listQueue(source, queueId) {
    const id = requireNumericId(queueId, 'Zendesk view');
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
