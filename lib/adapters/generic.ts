import { selectAllFirst, selectFirst, textOfFirst } from '../dom/select-first.ts';
import { parseTicket, TICKET_CHANNELS, type Ticket, type TicketChannel, type TicketEvent, type TicketStatus } from '../ticket.ts';
import { DEFAULT_STATUS_MAP, parseGenericSiteOptions, type GenericFieldSelectors, type GenericSiteOptions } from './generic-settings.ts';
import { parseLocalTime } from './local-time.ts';
import { NotRecognizedError, type HelpdeskAdapter, type HelpdeskSource, type ListRow, type SiteSettings } from './types.ts';

type EventSettings = NonNullable<GenericSiteOptions['events']>;

const parsedSettings = new WeakMap<object, GenericSiteOptions | undefined>();
/**
 * The site's settings, or `undefined` when they are missing or invalid: page hooks must never throw into the
 * helpdesk page, and the options page already reports invalid settings field by field. Parsed once per object.
 */
function findSettings(site: SiteSettings | undefined): GenericSiteOptions | undefined {
  const options = site?.options;
  if (options && !parsedSettings.has(options)) parsedSettings.set(options, tryParse(() => parseGenericSiteOptions(options)));
  return options && parsedSettings.get(options);
}

function tryParse<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}

function ticketIdOf(url: URL, settings: GenericSiteOptions): string | undefined {
  return new RegExp(settings.ticketUrlPattern).exec(url.pathname + url.search + url.hash)?.[1];
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

function readTime(root: ParentNode, selectors: readonly string[], settings: GenericSiteOptions): string | undefined {
  const element = selectFirst(root, selectors);
  // A <time datetime> is exact; the visible text and a `title` tooltip are the usual fallbacks.
  return [element?.getAttribute('datetime'), element?.textContent, element?.getAttribute('title')]
    .map((candidate) => (candidate ? parseLocalTime(collapse(candidate), settings) : undefined))
    .find(Boolean);
}

/** An address in the text or in a `mailto:` link. */
function readEmail(root: ParentNode, selectors: readonly string[]): string | undefined {
  const element = selectFirst(root, selectors);
  const text = `${element?.textContent ?? ''} ${element?.getAttribute('href') ?? ''}`;
  return /[^\s<>"':,;]+@[^\s<>"',;]+\.[^\s<>"',;]+/.exec(text)?.[0];
}

const CHANNEL_ALIASES: Readonly<Record<string, TicketChannel>> = { 'e-mail': 'email', mail: 'email', form: 'web', call: 'phone', voice: 'phone', messaging: 'chat' };
function toChannel(text: string): TicketChannel {
  const key = text.toLowerCase();
  return TICKET_CHANNELS.find((channel) => channel === key) ?? CHANNEL_ALIASES[key] ?? 'other';
}

function toStatus(text: string, settings: GenericSiteOptions): TicketStatus | undefined {
  const shown = text.toLowerCase();
  return Object.entries(settings.statusMap).find(([key]) => key.trim().toLowerCase() === shown)?.[1] ?? DEFAULT_STATUS_MAP[shown];
}

/** Reads the configured fields inside `root` (the page, or one list row). */
function readFields(root: ParentNode, selectors: Partial<GenericFieldSelectors>, settings: GenericSiteOptions) {
  const text = (alternatives: readonly string[] | undefined) => (alternatives ? textOfFirst(root, alternatives) : undefined);
  const [statusText, channelText] = [text(selectors.status), text(selectors.channel)];
  return {
    subject: text(selectors.subject),
    status: statusText === undefined ? undefined : toStatus(statusText, settings),
    createdAt: selectors.createdAt && readTime(root, selectors.createdAt, settings),
    requester: { email: (selectors.requesterEmail && readEmail(root, selectors.requesterEmail)) ?? '', name: text(selectors.requesterName) },
    organization: text(selectors.organization),
    priority: text(selectors.priority),
    tags: selectors.tags ? selectAllFirst(root, selectors.tags).map((tag) => collapse(tag.textContent)).filter(Boolean) : [],
    assignee: text(selectors.assignee),
    group: text(selectors.group),
    channel: channelText === undefined ? undefined : toChannel(channelText),
  };
}

function matches(item: Element, matcher: EventSettings['customer']): boolean {
  if (!matcher) return false;
  const bySelector = matcher.selector?.some((selector) => item.matches(selector) || item.querySelector(selector) !== null) ?? false;
  return bySelector || (matcher.text !== undefined && new RegExp(matcher.text).test(collapse(item.textContent)));
}

/** The events, and whether every item could be read (an item without a readable time makes the history partial). */
function readEvents(document: Document, events: EventSettings, settings: GenericSiteOptions) {
  const items = selectAllFirst(document, events.item);
  let unreadable = 0;
  const read = items.flatMap((item): TicketEvent[] => {
    // Internal notes are written by agents too, so they are recognized first.
    const type = matches(item, events.internal) ? 'internal_note' : matches(item, events.customer) ? 'customer_message'
      : !events.agent || matches(item, events.agent) ? 'agent_reply' : undefined;
    if (!type) return [];
    const at = readTime(item, events.time, settings);
    if (!at) unreadable++;
    return at ? [{ at, type, author: events.author && textOfFirst(item, events.author) }] : [];
  });
  return { events: read.sort((a, b) => a.at.localeCompare(b.at)), complete: items.length > 0 && unreadable === 0 };
}

/** Runs a synchronous reader as the interface's Promise, so that its errors reject instead of throwing. */
const settle = <T>(read: () => T): Promise<T> => new Promise((resolve) => resolve(read()));

function requirePage(source: HelpdeskSource): { document: Document; settings: GenericSiteOptions } {
  if (!source.document) throw new Error('The generic adapter needs the page: it reads the markup described in the options page.');
  // Parsed (not looked up) so that invalid settings reject with the SchemaError naming the field.
  return { document: source.document, settings: parseGenericSiteOptions(source.site?.options) };
}

/**
 * Any other helpdesk, read with the selectors an admin configured in `site.options` (see generic-settings.ts).
 *
 * @example
 * generic.detectPage(new URL('https://desk.example.com/tickets/1042'), site) // => { kind: 'ticket', ticketId: '1042' }
 */
export const generic: HelpdeskAdapter = {
  id: 'generic',
  label: 'Other helpdesk (configured selectors)',
  hosting: 'self-hosted',
  matches: [],
  readsWithoutPage: false,
  recordsTimeSpent: false,
  // The generic adapter matches only what an admin configured; these follow the settings used in the tests.
  testUrls: {
    ticket: ['https://desk.example.com/tickets/1042', 'https://desk.example.com/tickets/77?tab=history'],
    list: ['https://desk.example.com/queues/support'],
  },

  detectPage(url, site) {
    const settings = findSettings(site);
    if (!settings) return undefined;
    const ticketId = ticketIdOf(url, settings);
    if (ticketId) return { kind: 'ticket', ticketId };
    const listPattern = settings.listUrlPattern;
    return listPattern !== undefined && new RegExp(listPattern).test(url.pathname + url.search + url.hash) ? { kind: 'list' } : undefined;
  },

  readTicket: (source, ticketId) => settle(() => {
    const { document, settings } = requirePage(source);
    const fields = readFields(document, settings.fields, settings);
    if (!fields.subject || !fields.createdAt || !fields.status) {
      const status = `status "${textOfFirst(document, settings.fields.status) ?? ''}" (map it in statusMap)`;
      const what = !fields.subject ? 'subject' : !fields.createdAt ? 'created time' : status;
      throw new NotRecognizedError(`generic adapter: no ${what} on this page; check the selectors in the options page`);
    }
    const history = settings.events ? readEvents(document, settings.events, settings) : { events: [], complete: false };
    const url = source.url && ticketIdOf(source.url, settings) === ticketId ? source.url.href : undefined;
    return parseTicket({ ...fields, id: ticketId, helpdesk: 'generic', url, ...history });
  }),

  readTickets: (source, ticketIds) => settle(() => {
    const { document, settings } = requirePage(source);
    // A row shows a few fields and no history, and this markup-only adapter cannot fetch each ticket's
    // page (the source reads JSON only): row tickets are estimates (`complete: false`, no events).
    const rowSelectors = settings.list?.fields;
    if (!rowSelectors) return [];
    const wanted = new Set(ticketIds);
    return generic.listRows(document, source.site).flatMap((row): Ticket[] => {
      const fields = readFields(row.element, rowSelectors, settings);
      if (!wanted.has(row.ticketId) || !fields.subject || !fields.createdAt || !fields.status) return [];
      return [parseTicket({ ...fields, id: row.ticketId, helpdesk: 'generic', events: [], complete: false })];
    });
  }),

  listRows(document, site) {
    const settings = findSettings(site);
    const list = settings?.list;
    if (!settings || !list) return [];
    return selectAllFirst(document, list.row).flatMap((element): ListRow[] => {
      const ticketId = list.idAttribute ? element.getAttribute(list.idAttribute)?.trim() : idFromLink(element, list, settings);
      return ticketId ? [{ ticketId, element }] : [];
    });
  },

  ticketAnchor(document, _ticketId, site) {
    const settings = findSettings(site);
    return settings && selectFirst(document, settings.ticketAnchor ?? settings.fields.subject);
  },
};

function idFromLink(row: Element, list: NonNullable<GenericSiteOptions['list']>, settings: GenericSiteOptions): string | undefined {
  const href = selectFirst(row, list.link)?.getAttribute('href');
  if (!href) return undefined;
  if (list.hrefPattern !== undefined) return new RegExp(list.hrefPattern).exec(href)?.[1];
  // Only pathname + search + hash are matched, so any base resolves a relative href correctly.
  const url = tryParse(() => new URL(href, 'https://relative.invalid'));
  return url && ticketIdOf(url, settings);
}
