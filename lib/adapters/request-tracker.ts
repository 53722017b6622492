/**
 * Request Tracker 5 (self-hosted). Reads REST2, which accepts the agent's session cookie; the page only gives the
 * rows and the place for the strip. Research: research/helpdesk-e2e.md §6–7. A live RT for tests: test/e2e/request-tracker.
 */
import type { z } from 'zod/mini';
import { selectAllFirst, selectFirst, textOfFirst } from '../dom/select-first.ts';
import { parseOrThrow } from '../schema-error.ts';
import type { Ticket, TicketChannel } from '../ticket.ts';
import { isNumericId } from './shared/numeric-id.ts';
import { requestBatches } from './shared/request-batches.ts';
import type { HelpdeskAdapter, HelpdeskSource, ListRow, PageMatch, SiteSettings } from './types.ts';
import * as rt from './vendor-json/request-tracker.ts';
import { channelOf, derivedEvents, toEvent, toTicket, type RtSite } from './vendor-json/request-tracker-ticket.ts';

const selectors = {
  rows: [
    'table.ticket-list tbody.list-item[data-record-id]', // RT 5 search results and home-page ticket portlets
    'table[data-class="RT::Ticket"] tbody.list-item[data-record-id]', // RT 5 ticket tables without the ticket-list class
  ],
  ticketId: ['.ticket-info-basics .inline-edit-display .id .value'], // RT 5 "The Basics" (a hidden edit form repeats each panel)
  anchor: [
    '.ticket-info-dates .inline-edit-display', // RT 5 "Dates" panel, next to Due and Last Contact
    '.ticket-info-basics .inline-edit-display', // RT 5 "The Basics", when an admin hid the dates panel
  ],
};

const PAGE_SIZE = 100; // REST2's maximum
const BATCH_SIZE = 50;
/** Of a longer history, the first page (creation, first reply) and the newest are read; `complete` is then false. */
const MAX_HISTORY_PAGES = 3;
/** Read through the search endpoint: `/ticket/:id` cannot expand Requestor (RT 5.0.3). */
const TICKET_FIELDS = 'fields=Subject,Status,Priority,Queue,Owner,Requestor,Creator,Created,LastUpdated,Told,Resolved,TimeWorked,CustomFields'
  + '&fields[Queue]=Name&fields[Owner]=Name&fields[Creator]=EmailAddress,RealName&fields[Requestor]=EmailAddress,RealName,Organization';
const HISTORY_FIELDS = 'fields=Type,Field,OldValue,NewValue,Created,Creator&fields[Creator]=EmailAddress,RealName';

const options = (site?: SiteSettings) => parseOrThrow(rt.rtSiteOptionsSchema, site?.options, 'Request Tracker site options');
/** The site option `webPath`, else `/rt` as Debian and Ubuntu install it (RT's own default is the root: `webPath: ''`). */
const configuredWebPath = (site?: SiteSettings) => options(site).webPath ?? '/rt';

/** RT's `$WebPath` and the page kind: `/rt/Ticket/Display.html` → `/rt`, ticket. */
function parsePath(url: URL, site?: SiteSettings): { webPath: string; kind: 'ticket' | 'list' } | undefined {
  const page = /^(.*)\/(?:Ticket\/(Display|History|Update)|Search\/Results)\.html$/.exec(url.pathname);
  if (page) return { webPath: page[1] ?? '', kind: page[2] ? 'ticket' : 'list' };
  // The home page lists tickets too, but "/" is every site's root: only at the configured (or default) web path.
  const home = /^(.*)\/(?:index\.html)?$/.exec(url.pathname)?.[1];
  return home !== undefined && home === configuredWebPath(site) ? { webPath: home, kind: 'list' } : undefined;
}

/** From the page URL, else from the site (reading without a page). */
const webPathOf = (source: HelpdeskSource) => (source.url && parsePath(source.url, source.site)?.webPath) ?? configuredWebPath(source.site);

async function get<T extends z.ZodMiniType>(source: HelpdeskSource, path: string, schema: T, what: string): Promise<z.output<T>> {
  return parseOrThrow(schema, await source.getJson(`${webPathOf(source)}/REST/2.0/${path}`), `Request Tracker ${what}`);
}

/** What the mapping to Ticket needs of the site: where ticket links point, and the priority labels. */
const siteOf = (source: HelpdeskSource): RtSite => ({
  baseUrl: `${source.origin}${webPathOf(source)}`,
  priorityAsString: options(source.site).priorityAsString,
});

async function searchTickets(source: HelpdeskSource, ticketIds: readonly string[]): Promise<rt.RtTicket[]> {
  const ids = ticketIds.filter(isNumericId); // never let a page's text into TicketSQL
  if (ids.length === 0) return [];
  const query = encodeURIComponent(ids.map((id) => `id = ${id}`).join(' OR '));
  return (await get(source, `tickets?query=${query}&per_page=${BATCH_SIZE}&${TICKET_FIELDS}`, rt.rtPageSchema(rt.rtTicketSchema), 'tickets')).items;
}

/** The channel of the creation, from the `X-RT-Interface` header of its first attachment. */
async function readChannel(source: HelpdeskSource, ticket: rt.RtTicket, create?: rt.RtTransaction): Promise<TicketChannel | undefined> {
  if (!create) return undefined;
  const page = await get(source, `transaction/${create.id}/attachments?per_page=1&fields=Headers`, rt.rtPageSchema(rt.rtAttachmentSchema), 'attachments');
  return channelOf(page.items[0]?.Headers ?? '', ticket, create.Creator);
}

/** Real URLs of the seeded test RT (under /rt) and of an RT served at the root; listed again under "Test URLs" below. */
export const testUrls = {
  ticket: ['http://127.0.0.1:8080/rt/Ticket/Display.html?id=1', 'http://127.0.0.1:8080/rt/Ticket/History.html?id=4', 'https://rt.example.com/Ticket/Update.html?Action=Respond&id=2'],
  list: ['http://127.0.0.1:8080/rt/Search/Results.html?Query=Queue%20%3D%20%27E2E%20Support%27', 'https://rt.example.com/Search/Results.html?Query=id%3E0', 'http://127.0.0.1:8080/rt/'],
};

/**
 * @example
 * requestTracker.detectPage(new URL('https://rt.example.com/rt/Ticket/Display.html?id=7')) // => { kind: 'ticket', ticketId: '7' }
 * (await requestTracker.readTicket(source, '1')).events[0]?.type // => 'customer_message' (mailed in by the requestor)
 * (await requestTracker.readTickets(source, ['1', '2'])).map((ticket) => ticket.complete) // => [false, false], one request
 * requestTracker.listRows(document).map((row) => row.ticketId) // => ['1', '2', '3'] on Search/Results.html
 * await requestTracker.listQueue(source, '12') // => ids of saved search 12, in its order
 */
export const requestTracker = {
  id: 'request-tracker',
  label: 'Request Tracker',
  hosting: 'self-hosted',
  matches: [],
  readsWithoutPage: true,
  recordsTimeSpent: true,
  testUrls,

  detectPage(url: URL, site?: SiteSettings): PageMatch | undefined {
    const page = parsePath(url, site);
    const ticketId = url.searchParams.get('id') ?? '';
    if (page?.kind === 'list') return { kind: 'list' };
    return page && isNumericId(ticketId) ? { kind: 'ticket', ticketId } : undefined;
  },

  async readTicket(source: HelpdeskSource, ticketId: string): Promise<Ticket> {
    const [ticket] = await searchTickets(source, [ticketId]);
    if (!ticket) throw new Error(`Request Tracker ticket ${ticketId} not found or not visible to this agent`);
    const history = (page: number) => get(source, `ticket/${ticket.id}/history?per_page=${PAGE_SIZE}&page=${page}&${HISTORY_FIELDS}`, rt.rtPageSchema(rt.rtTransactionSchema), 'history');
    const first = await history(1);
    const pages = Math.max(1, first.pages ?? 1);
    const newest = Array.from({ length: Math.min(pages, MAX_HISTORY_PAGES) - 1 }, (_, index) => pages - index).reverse();
    const [channel, ...later] = await Promise.all([readChannel(source, ticket, first.items.find((txn) => txn.Type === 'Create')), ...newest.map(history)]);
    const site = siteOf(source);
    const events = [first, ...later].flatMap((page) => page.items.flatMap((txn) => toEvent(txn, ticket, site)));
    return toTicket(ticket, { events, complete: pages <= MAX_HISTORY_PAGES, channel }, site);
  },

  async readTickets(source: HelpdeskSource, ticketIds: readonly string[]): Promise<Ticket[]> {
    const unique = [...new Set(ticketIds)];
    const batches = requestBatches(unique, BATCH_SIZE);
    const found = new Map((await Promise.all(batches.map((batch) => searchTickets(source, batch)))).flat().map((ticket) => [ticket.id, ticket]));
    return unique.flatMap((id) => found.get(id) ?? []).map((ticket) => toTicket(ticket, { events: derivedEvents(ticket), complete: false }, siteOf(source)));
  },

  listRows(document: Document): ListRow[] {
    return selectAllFirst<HTMLElement>(document, selectors.rows).flatMap((row) => {
      const ticketId = row.dataset['recordId'] ?? '';
      // The badge needs a cell. Cells have no column classes: of the first line's cells linking to the ticket, the last is the subject.
      const links = [...(row.querySelector('tr')?.children ?? [])].filter((cell) => cell.querySelector(`a[href*="Display.html?id=${ticketId}"]`));
      const element = links.at(-1) ?? row.querySelector('td');
      return isNumericId(ticketId) && element ? [{ ticketId, element }] : [];
    });
  },

  ticketAnchor(document: Document, ticketId: string): Element | undefined {
    return textOfFirst(document, selectors.ticketId) === ticketId ? selectFirst(document, selectors.anchor) : undefined;
  },

  /** A saved search by its numeric id (REST2 `/search/:id`, in the search's order), or else TicketSQL; the first 100 ids. */
  async listQueue(source: HelpdeskSource, queueId: string): Promise<string[]> {
    const search = isNumericId(queueId) ? `search=${queueId}` : `query=${encodeURIComponent(queueId)}`;
    return (await get(source, `tickets?${search}&per_page=${PAGE_SIZE}&fields=`, rt.rtIdPageSchema, 'search')).items.map((item) => item.id);
  },
} satisfies HelpdeskAdapter;

/*
## Test URLs

http://127.0.0.1:8080/rt/Ticket/Display.html?id=1 (seeded "login": mailed in, replies, note, priority raised, stalled)
http://127.0.0.1:8080/rt/Ticket/History.html?id=4 (seeded "reset": resolved, time worked)
http://127.0.0.1:8080/rt/Search/Results.html?Query=Queue%20%3D%20%27E2E%20Support%27
http://127.0.0.1:8080/rt/Search/Build.html?SavedSearchLoad=RT::System-1-SavedSearch-12 (then "Show Results")
http://127.0.0.1:8080/rt/
*/
