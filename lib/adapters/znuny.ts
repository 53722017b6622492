import { z } from 'zod';
import { selectAllFirst, selectFirst, textOfFirst } from '../dom/select-first.ts';
import { parseOrThrow } from '../schema-error.ts';
import { parseTicket, type Ticket, type TicketChannel, type TicketEvent, type TicketStatus } from '../ticket.ts';
import { dateFormatsSchema, dateLocaleSchema, timezoneSchema } from './generic-settings.ts';
import { parseLocalTime, type LocalTimeSettings } from './local-time.ts';
import { NotRecognizedError, type HelpdeskAdapter, type HelpdeskSource, type ListRow } from './types.ts';

// Markup of Kernel/Output/HTML/Templates/Standard/: AgentTicketZoom.tt, AgentTicketZoom/TicketInformation.tt,
// AgentCustomerTableView.tt, AgentTicketOverviewSmall.tt (Znuny 6.5 and 7, OTRS 6 = Znuny 6).
const selectors = {
  headline: [
    '#ticketDetails h1.ticketHeaderTitleHeadline', // Znuny 7
    '.TicketZoom > .Headline h1', // Znuny 6, OTRS 6
  ],
  sidebar: [
    '#ticketDetails aside.sectionSidebar', // Znuny 7
    '.TicketZoom .SidebarColumn', // Znuny 6, OTRS 6
  ],
  articleRows: ['#ArticleTable > tbody > tr'], // "Article Overview" table: Znuny 6/7, OTRS 6
  partialArticles: [
    '.ArticlePages a[data-page="2"]', // Znuny 6/7, OTRS 6: the articles are split into pages
    '#ResetArticleFilter', // Znuny 6/7, OTRS 6: an article filter hides some
  ],
  listRows: [
    '#OverviewBody table.TableSmall > tbody > tr.MasterAction[id^="TicketID_"]', // "S" view (default): Znuny 6/7, OTRS 6
    '#TicketOverviewMedium > li.MasterAction[id^="TicketID_"]', // "M" view: Znuny 6/7, OTRS 6
  ],
  anchor: [
    '#ticketDetails .ticketHeaderActions', // Znuny 7: the action bar of the ticket header
    '.TicketZoom > .Headline', // Znuny 6, OTRS 6: the title bar
  ],
};

/** `site.options`: the agent's time zone (Znuny shows times without offset) and the agent language's date format. */
export const znunySiteOptionsSchema = z.object({
  timezone: timezoneSchema.default('UTC'),
  // "TimeShort" of the English (US) and German locales, then with seconds; en_GB (dd/MM) must be configured.
  dateFormats: dateFormatsSchema.default(['MM/dd/yyyy HH:mm', 'dd.MM.yyyy HH:mm', 'MM/dd/yyyy HH:mm:ss', 'dd.MM.yyyy HH:mm:ss']),
  locale: dateLocaleSchema,
});
export type ZnunySiteOptionsInput = z.input<typeof znunySiteOptionsSchema>;

const LIST_ACTIONS = ['AgentTicketQueue', 'AgentTicketStatusView', 'AgentTicketEscalationView', 'AgentTicketLockedView',
  'AgentTicketResponsibleView', 'AgentTicketWatchView', 'AgentTicketService'];
/** Channel names of the article list ("Via"); "Internal" notes are no channel of the ticket. */
const CHANNELS: Readonly<Record<string, TicketChannel>> = { email: 'email', phone: 'phone', chat: 'chat' };
const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
const findEmail = (text: string | null | undefined) => /[^\s<>"':;,]+@[^\s<>"';,]+\.\w+/.exec(text ?? '')?.[0].toLowerCase();
/** Runs a synchronous reader as the interface's Promise, so that its errors reject instead of throwing. */
const settle = <T>(read: () => T): Promise<T> => new Promise((resolve) => resolve(read()));

/**
 * Znuny's states by state type. It has no solved stage: a follow-up reopens a closed ticket, as it reopens a
 * solved one elsewhere. Custom states are usually named after their type, so the prefix decides.
 */
function toStatus(state: string): TicketStatus {
  const name = state.toLowerCase();
  if (name === 'new') return 'new';
  if (name.startsWith('pending')) return 'pending';
  return name.startsWith('closed') || name === 'merged' || name === 'removed' ? 'closed' : 'open';
}

function requirePage(source: HelpdeskSource): { document: Document; settings: LocalTimeSettings } {
  if (!source.document) throw new Error('Znuny needs the page: it has no JSON API for agent sessions.');
  return { document: source.document, settings: parseOrThrow(znunySiteOptionsSchema, source.site?.options ?? {}, 'Znuny site settings') };
}

/** Label → value element of the sidebar's label/value lists (ticket and customer information widgets). */
function readLabels(sidebar: Element): Map<string, Element> {
  const values = new Map<string, Element>();
  for (const label of sidebar.querySelectorAll('fieldset.TableLike label')) {
    const name = collapse(label.textContent).replace(/:$/, '');
    // Znuny 6 puts the value right after its label; Znuny 7 wraps both in a <span>: the next sibling either way.
    if (label.nextElementSibling && !values.has(name)) values.set(name, label.nextElementSibling);
  }
  return values;
}

/** The article list, oldest first. System articles (auto-replies, notifications) are nobody's reply: no event. */
function readArticles(document: Document, settings: LocalTimeSettings) {
  const rows = selectAllFirst(document, selectors.articleRows);
  const articles = rows.map((row) => {
    const sender = row.querySelector('td.Sender div[title]'); // title: "Ana Lima <ana@example.org>", text: "Ana Lima"
    const type: TicketEvent['type'] | undefined = row.classList.contains('customer') ? 'customer_message'
      : !row.classList.contains('agent') ? undefined : row.classList.contains('NotVisibleForCustomer') ? 'internal_note' : 'agent_reply';
    const [name, email] = [collapse(sender?.textContent ?? '') || undefined, findEmail(sender?.getAttribute('title'))];
    const at = parseLocalTime(textOfFirst(row, ['td.Created']) ?? '', settings);
    return { at, type, name, email, channel: CHANNELS[textOfFirst(row, ['td.Channel'])?.toLowerCase() ?? ''] };
  }).sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  const events = articles.flatMap(({ at, type, name, email }): TicketEvent[] => (at && type ? [{ at, type, author: name ?? email }] : []));
  const complete = rows.length > 0 && articles.every(({ at }) => at) && !selectFirst(document, selectors.partialArticles);
  return { articles, events, complete };
}

function readZoom(source: HelpdeskSource, ticketId: string): Ticket {
  const { document, settings } = requirePage(source);
  const shown = source.url && znuny.detectPage(source.url);
  if (shown?.kind === 'ticket' && shown.ticketId !== ticketId) throw new Error(`This page shows Znuny ticket ${shown.ticketId}, not ${ticketId}.`);
  // "{Hook}{Divider}{TicketNumber} — {Title}"; the hook ("Ticket#") is configurable.
  const headline = /^.*?(\d+)\s*—\s*(.*)$/.exec(textOfFirst(document, selectors.headline) ?? '');
  const sidebar = selectFirst(document, selectors.sidebar);
  if (!headline || !sidebar) throw new NotRecognizedError('Znuny: this is not a ticket zoom page (AgentTicketZoom) I recognize.');
  const labels = readLabels(sidebar);
  const text = (label: string) => collapse(labels.get(label)?.textContent ?? '') || undefined;
  const time = (label: string) => parseLocalTime(text(label) ?? '', settings);
  const [state, createdAt] = [text('State'), time('Created')];
  if (!state || !createdAt) throw new NotRecognizedError('Znuny: no State or Created in the ticket information (agent language must be English).');
  const { articles, events, complete } = readArticles(document, settings);
  const firstCustomer = articles.find(({ type }) => type === 'customer_message');
  const customerId = labels.get('Customer ID');
  const fields = {
    TicketNumber: headline[1], Type: text('Type'), Service: text('Service'), SLA: text('Service Level Agreement'),
    FirstResponseTimeDestinationDate: time('First Response Time'), UpdateTimeDestinationDate: time('Update Time'),
    SolutionTimeDestinationDate: time('Solution Time'),
  };
  return parseTicket({
    id: ticketId, helpdesk: 'znuny', subject: headline[2], createdAt, events, complete, tags: [],
    url: source.url && `${source.url.origin}${source.url.pathname}?Action=AgentTicketZoom;TicketID=${ticketId}`,
    // The customer widget loads asynchronously; until it has, the first customer article names the requester.
    requester: { email: findEmail(labels.get('Email')?.getAttribute('title') ?? text('Email')) ?? firstCustomer?.email ?? '', name: firstCustomer?.name },
    organization: collapse(customerId?.querySelector('a')?.textContent ?? customerId?.textContent ?? '') || undefined,
    priority: text('Priority'), status: toStatus(state), channel: articles[0]?.channel, assignee: text('Owner'), group: text('Queue'),
    fields: Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  });
}

/** A row of the "S" view; each header cell has its column's name as a class (Kernel/Output/HTML/TicketOverview/Small.pm). */
function readRow({ ticketId, element }: ListRow, settings: LocalTimeSettings): Ticket[] {
  const headers = [...(element.closest('table')?.querySelectorAll('thead th') ?? [])];
  const cell = (column: string) => collapse(element.children[headers.findIndex((th) => th.classList.contains(column))]?.textContent ?? '') || undefined;
  const [state, createdAt] = [cell('State'), parseLocalTime(cell('Created') ?? '', settings)];
  // Without the Created column (Age would need the current time, which lib/ never reads) or State: no ticket.
  if (!state || !createdAt) return [];
  const link = element.querySelector('a.MasterActionLink');
  return [parseTicket({
    id: ticketId, helpdesk: 'znuny', subject: cell('Title') ?? link?.getAttribute('title') ?? '', requester: { email: '' },
    organization: cell('CustomerID'), tags: [], priority: cell('Priority'), status: toStatus(state), assignee: cell('Owner'),
    group: cell('Queue'), createdAt, events: [], complete: false, fields: { TicketNumber: collapse(link?.textContent ?? '') },
  })];
}

/**
 * Znuny 6/7 and OTRS 6, read from the server-rendered agent pages: there is no JSON API for agent sessions.
 * Labels and state names are read in English.
 *
 * @example
 * znuny.detectPage(new URL('https://support.example.com/otrs/index.pl?Action=AgentTicketZoom;TicketID=4711'))
 * // => { kind: 'ticket', ticketId: '4711' }
 */
export const znuny: HelpdeskAdapter = {
  id: 'znuny',
  label: 'Znuny / OTRS',
  hosting: 'self-hosted',
  matches: [],
  readsWithoutPage: false,
  recordsTimeSpent: false,
  testUrls: {
    ticket: [
      'https://support.example.com/otrs/index.pl?Action=AgentTicketZoom;TicketID=4711',
      'https://helpdesk.example.org/znuny/index.pl?Action=AgentTicketZoom&TicketID=88&ArticleID=301',
      'https://tickets.example.net/index.pl?Action=AgentTicketZoom;TicketID=12;ArticleID=40#Article40',
    ],
    list: [
      'https://support.example.com/otrs/index.pl?Action=AgentTicketQueue;QueueID=3;View=Small',
      'https://helpdesk.example.org/znuny/index.pl?Action=AgentTicketStatusView',
      'https://helpdesk.example.org/znuny/index.pl?Action=AgentTicketEscalationView;Filter=Today',
      'https://support.example.com/otrs/index.pl?Action=AgentTicketSearch;Subaction=Search;TakeLastSearch=1;StartHit=26',
    ],
  },

  detectPage(url) {
    if (!url.pathname.endsWith('/index.pl')) return undefined;
    // Znuny separates parameters with `;`, which URLSearchParams does not split on.
    const params = new URLSearchParams(url.search.replace(/;/g, '&'));
    const [action, ticketId] = [params.get('Action'), params.get('TicketID')];
    if (action === 'AgentTicketZoom') return ticketId && /^\d+$/.test(ticketId) ? { kind: 'ticket', ticketId } : undefined;
    // Without Subaction=Search, AgentTicketSearch is the search form, not results.
    const isList = LIST_ACTIONS.includes(action ?? '') || (action === 'AgentTicketSearch' && params.get('Subaction') === 'Search');
    return isList ? { kind: 'list' } : undefined;
  },

  readTicket: (source, ticketId) => settle(() => readZoom(source, ticketId)),

  readTickets: (source, ticketIds) =>
    settle(() => {
      const { document, settings } = requirePage(source);
      // Only what the visible rows show: each history is on its own zoom page, which this markup-only adapter
      // cannot fetch (the source reads JSON only). So these are estimates: `complete: false`, no events.
      const wanted = new Set(ticketIds);
      return znuny.listRows(document).flatMap((row) => (wanted.has(row.ticketId) ? readRow(row, settings) : []));
    }),

  listRows(document) {
    return selectAllFirst(document, selectors.listRows).map((element) => ({ ticketId: element.id.slice('TicketID_'.length), element }));
  },

  ticketAnchor(document) {
    return selectFirst(document, selectors.anchor);
  },
};
