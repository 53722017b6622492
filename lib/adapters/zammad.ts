import type { z } from 'zod/mini';
import { selectAllFirst, selectFirst } from '../dom/select-first.ts';
import { parseOrThrow } from '../schema-error.ts';
import { parseTicket, type Ticket } from '../ticket.ts';
import { rowsWithTicketIds } from './shared/list-rows.ts';
import { isNumericId } from './shared/numeric-id.ts';
import { requestBatches } from './shared/request-batches.ts';
import type { HelpdeskAdapter, HelpdeskSource, PageMatch } from './types.ts';
import * as vendor from './vendor-json/zammad.ts';
import { fromSearch, fromTicket, type ZammadSite } from './vendor-json/zammad-ticket.ts';

const SEARCH_PAGE = 50;
const ZOOM_ROUTE = /^#\/?ticket\/zoom\/(\d+)(?:\/.*)?$/; // classic UI, optionally with an article id
const VIEW_ROUTE = /^#\/?ticket\/view(?:\/[\w-]+)?\/?$/;
const NEW_UI_TICKET = /^\/(?:desktop|mobile)\/tickets\/(\d+)\/?$/; // new tech stack: data only, no DOM hooks yet
const NEW_UI_VIEW = /^\/desktop\/tickets\/view(?:\/[\w-]+)?\/?$/;

const selectors = {
  rows: [
    '.content.active .table-overview tr.item[data-id]', // classic UI overview, in the visible task
    '.table-overview tr.item[data-id]', // classic UI overview, task container not marked active
  ],
  // The classic UI keeps other opened tickets' tasks in the DOM, so the anchor is looked up inside this ticket's task.
  anchor: (ticketId: string) => [
    `#content_permanent_Ticket-${ticketId} .ticketZoom-controls`, // classic UI zoom, the controls bar
    `#content_permanent_Ticket-${ticketId} .ticketZoom-header`, // classic UI zoom, before the controls are rendered
  ],
};

const getParsed = <S extends z.ZodMiniType>(source: HelpdeskSource, path: string, schema: S, what: string) =>
  source.getJson(path).then((json) => parseOrThrow(schema, json, what));

/** The origin, and time units in minutes: minutes unless the admin set another unit (agents cannot read the `time_accounting_unit` setting). */
function siteOf(source: HelpdeskSource): ZammadSite {
  const configured = source.site?.options?.['timeUnitMinutes'];
  return { origin: source.origin, minutesPerUnit: typeof configured === 'number' && configured > 0 ? configured : 1 };
}

async function readTicket(source: HelpdeskSource, ticketId: string): Promise<Ticket> {
  if (!isNumericId(ticketId)) throw new Error(`Zammad ticket ids are numbers, got "${ticketId}"`);
  const [all, articles, { history }, accountings] = await Promise.all([
    getParsed(source, `/api/v1/tickets/${ticketId}?all=true`, vendor.zammadTicketAllSchema, `Zammad ticket ${ticketId}`),
    getParsed(source, `/api/v1/ticket_articles/by_ticket/${ticketId}?expand=true`, vendor.zammadArticlesSchema, `Zammad articles of ${ticketId}`),
    getParsed(source, `/api/v1/ticket_history/${ticketId}`, vendor.zammadHistorySchema, `Zammad history of ${ticketId}`),
    getParsed(source, `/api/v1/tickets/${ticketId}/time_accountings`, vendor.zammadTimeAccountingsSchema, `Zammad time of ${ticketId}`),
  ]);
  return fromTicket(ticketId, { all, articles, history, accountings }, siteOf(source));
}

/**
 * Zammad (self-hosted), classic desktop UI: JSON from the REST API with the agent's session, the DOM only for placement.
 *
 * @example
 * zammad.detectPage(new URL('https://helpdesk.example.org/#ticket/zoom/2317')) // => { kind: 'ticket', ticketId: '2317' }
 */
export const zammad: HelpdeskAdapter = {
  id: 'zammad', label: 'Zammad', hosting: 'self-hosted', matches: [], readsWithoutPage: true, recordsTimeSpent: true,
  testUrls: {
    ticket: [
      'https://helpdesk.example.org/#ticket/zoom/2317',
      'https://helpdesk.example.org/#ticket/zoom/2317/10482',
      'https://helpdesk.example.org/desktop/tickets/2317',
    ],
    list: [
      'https://helpdesk.example.org/#ticket/view/all_open',
      'https://helpdesk.example.org/#ticket/view/my_assigned',
      'https://helpdesk.example.org/desktop/tickets/view/all_unassigned',
    ],
  },

  detectPage(url, site): PageMatch | undefined {
    if (site && site.origin !== url.origin) return undefined;
    const ticketId = ZOOM_ROUTE.exec(url.hash)?.[1] ?? NEW_UI_TICKET.exec(url.pathname)?.[1];
    if (ticketId) return { kind: 'ticket', ticketId };
    return VIEW_ROUTE.test(url.hash) || NEW_UI_VIEW.test(url.pathname) ? { kind: 'list' } : undefined;
  },

  readTicket,

  async readTickets(source, ticketIds) {
    const ids = ticketIds.filter(isNumericId); // checked before they go into the query
    const tickets: Ticket[] = [];
    for (const page of requestBatches(ids, SEARCH_PAGE)) {
      const path = `/api/v1/tickets/search?query=${encodeURIComponent(`id:(${page.join(' OR ')})`)}&limit=${page.length}&expand=true`;
      const found = await getParsed(source, path, vendor.zammadSearchSchema, 'Zammad ticket search');
      tickets.push(...found.map((ticket) => parseTicket(fromSearch(ticket, siteOf(source)))));
    }
    return tickets;
  },

  listRows(document) {
    return rowsWithTicketIds(selectAllFirst(document, selectors.rows), (row) => {
      const ticketId = row.getAttribute('data-id') ?? '';
      return isNumericId(ticketId) ? ticketId : undefined;
    });
  },

  ticketAnchor(document, ticketId) {
    return isNumericId(ticketId) ? selectFirst(document, selectors.anchor(ticketId)) : undefined;
  },

  async listQueue(source, overviewLink) {
    if (!/^[\w-]+$/.test(overviewLink)) throw new Error(`Zammad overview links are like "all_open", got "${overviewLink}"`);
    const path = `/api/v1/ticket_overviews?view=${overviewLink}`;
    const overview = await getParsed(source, path, vendor.zammadOverviewSchema, `Zammad overview ${overviewLink}`);
    return overview.index.tickets.map((ticket) => String(ticket.id));
  },
};

// ## Test URLs
// https://helpdesk.example.org/#ticket/zoom/2317
// https://helpdesk.example.org/#ticket/zoom/2317/10482
// https://helpdesk.example.org/desktop/tickets/2317
// https://helpdesk.example.org/#ticket/view/all_open
// https://helpdesk.example.org/#ticket/view/my_assigned
// https://helpdesk.example.org/desktop/tickets/view/all_unassigned
