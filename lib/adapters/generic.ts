import { selectAllFirst, selectFirst, textOfFirst } from '../dom/select-first.ts';
import { parseTicket, type Ticket } from '../ticket.ts';
import { parseGenericSiteOptions, type GenericSiteOptions } from './generic-settings.ts';
import { rowsWithTicketIds } from './shared/list-rows.ts';
import { settle } from './shared/settle.ts';
import { NotRecognizedError, type HelpdeskAdapter, type HelpdeskSource, type SiteSettings } from './types.ts';
import { readEvents, readFields } from './vendor-markup/generic-ticket.ts';

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
    return rowsWithTicketIds(selectAllFirst(document, list.row), (row) =>
      list.idAttribute ? row.getAttribute(list.idAttribute)?.trim() : idFromLink(row, list, settings),
    );
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
