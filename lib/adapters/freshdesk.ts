import { MatchPattern } from '@webext-core/match-patterns';
import { selectAllFirst, selectFirst, textOfFirst } from '../dom/select-first.ts';
import { parseOrThrow } from '../schema-error.ts';
import { isHelpdeskUrl } from './shared/helpdesk-url.ts';
import { rowsWithTicketIds } from './shared/list-rows.ts';
import { requireNumericId } from './shared/numeric-id.ts';
import type { HelpdeskAdapter, HelpdeskSource } from './types.ts';
import * as api from './vendor-json/freshdesk.ts';
import { readLookups, readOptional } from './vendor-json/freshdesk-lookups.ts';
import { timeSpentMinutes, toTicket, type FreshdeskHistory } from './vendor-json/freshdesk-ticket.ts';

const matches = ['https://*.freshdesk.com/*'];
const hostPatterns = matches.map((pattern) => new MatchPattern(pattern)); // compiled once: detectPage runs on every navigation
const include = 'include=requester,company,stats,conversations';
/** `include=conversations` gives the first ten; beyond, the list is read by pages of 100, up to 1,000 conversations. */
const limits = { includedConversations: 10, conversationPages: 10 };

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

/** All conversations when the included ten may not be all; a failed page leaves the history incomplete. */
async function readConversations(source: HelpdeskSource, ticket: api.FreshdeskTicket): Promise<FreshdeskHistory> {
  const included = ticket.conversations ?? [];
  if (included.length < limits.includedConversations) return { conversations: included, complete: ticket.conversations !== undefined };
  const path = `/api/v2/tickets/${ticket.id}/conversations`;
  const what = `Freshdesk conversations of #${ticket.id}`;
  const { items, complete } = await api.readFreshdeskPages(source, path, api.freshdeskConversationSchema, what, limits.conversationPages);
  return { conversations: items.length > 0 ? items : included, complete };
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
    if (!isHelpdeskUrl(url, hostPatterns, site)) return undefined;
    const ticketId = /^\/(?:a|helpdesk)\/tickets\/(\d+)(?:\/|$)/.exec(url.pathname)?.[1];
    if (ticketId) return { kind: 'ticket', ticketId };
    // The ticket list with or without a filter, and its legacy page; not /support/… (the customer portal).
    return /^\/(?:a\/tickets(?:\/filters\/[\w-]+)?|helpdesk\/tickets)\/?$/.test(url.pathname) ? { kind: 'list' } : undefined;
  },

  async readTicket(source, ticketId) {
    const id = requireNumericId(ticketId, 'Freshdesk ticket');
    const [json, timeEntries] = await Promise.all([
      source.getJson(`/api/v2/tickets/${id}?${include}`),
      readOptional(source, `/api/v2/tickets/${id}/time_entries`, api.freshdeskTimeEntriesSchema, 'Freshdesk time entries'),
    ]);
    const ticket = parseOrThrow(api.freshdeskTicketSchema, json, `Freshdesk ticket #${id}`);
    const [lookups, history] = await Promise.all([readLookups(source, [ticket]), readConversations(source, ticket)]);
    return toTicket(ticket, lookups, history, timeSpentMinutes(timeEntries));
  },

  /** One request per ticket: the documented API reads no list of ids (search cannot filter by id). */
  async readTickets(source, ticketIds) {
    const ids = [...new Set(ticketIds)].map((id) => requireNumericId(id, 'Freshdesk ticket'));
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
    return rowsWithTicketIds(selectAllFirst(document, selectors.listRow), (row) =>
      selectors.rowTicketId
        .map(([selector, attribute]) => (row.matches(selector) ? row : row.querySelector(selector))?.getAttribute(attribute))
        .map((value) => /\d+/.exec(value ?? '')?.[0])
        .find((id) => id !== undefined),
    );
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
