import { z } from 'zod/mini';
import { selectAllFirst, selectFirst, textOfFirst } from '../dom/select-first.ts';
import { parseOrThrow } from '../schema-error.ts';
import type { Ticket, TicketEvent } from '../ticket.ts';
import { dateFormatsSchema, dateLocaleSchema, timezoneSchema } from './generic-settings.ts';
import type { LocalTimeSettings } from './local-time.ts';
import { settle } from './shared/settle.ts';
import { NotRecognizedError, type HelpdeskAdapter, type HelpdeskSource } from './types.ts';
import { overviewRowTicket, readArticleRow, readLabels, zoomTicket } from './vendor-markup/znuny-ticket.ts';

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
  timezone: z._default(timezoneSchema, 'UTC'),
  // "TimeShort" of the English (US) and German locales, then with seconds; en_GB (dd/MM) must be configured.
  dateFormats: z._default(dateFormatsSchema, ['MM/dd/yyyy HH:mm', 'dd.MM.yyyy HH:mm', 'MM/dd/yyyy HH:mm:ss', 'dd.MM.yyyy HH:mm:ss']),
  locale: dateLocaleSchema,
});
export type ZnunySiteOptionsInput = z.input<typeof znunySiteOptionsSchema>;

const LIST_ACTIONS = ['AgentTicketQueue', 'AgentTicketStatusView', 'AgentTicketEscalationView', 'AgentTicketLockedView',
  'AgentTicketResponsibleView', 'AgentTicketWatchView', 'AgentTicketService'];

function requirePage(source: HelpdeskSource): { document: Document; settings: LocalTimeSettings } {
  if (!source.document) throw new Error('Znuny needs the page: it has no JSON API for agent sessions.');
  return { document: source.document, settings: parseOrThrow(znunySiteOptionsSchema, source.site?.options ?? {}, 'Znuny site settings') };
}

/** The article list, oldest first. System articles (auto-replies, notifications) are nobody's reply: no event. */
function readArticles(document: Document, settings: LocalTimeSettings) {
  const rows = selectAllFirst(document, selectors.articleRows);
  const articles = rows.map((row) => readArticleRow(row, settings)).sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
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
  const url = source.url && `${source.url.origin}${source.url.pathname}?Action=AgentTicketZoom;TicketID=${ticketId}`;
  const zoom = { ticketId, url, number: headline[1], subject: headline[2], labels: readLabels(sidebar), ...readArticles(document, settings) };
  return zoomTicket(zoom, settings);
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
      return znuny.listRows(document).flatMap((row) => (wanted.has(row.ticketId) ? overviewRowTicket(row, settings) : []));
    }),

  listRows(document) {
    return selectAllFirst(document, selectors.listRows).map((element) => ({ ticketId: element.id.slice('TicketID_'.length), element }));
  },

  ticketAnchor(document) {
    return selectFirst(document, selectors.anchor);
  },
};
