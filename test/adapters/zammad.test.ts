// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters, findAdapter } from '../../lib/adapters/registry.ts';
import type { HelpdeskSource, SiteSettings } from '../../lib/adapters/types.ts';
import { zammad } from '../../lib/adapters/zammad.ts';
import { SchemaError } from '../../lib/schema-error.ts';
import type { Ticket } from '../../lib/ticket.ts';

const ORIGIN = 'https://helpdesk.example.org';
const SITE: SiteSettings = { origin: ORIGIN, helpdesk: 'zammad' };
const text = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/zammad', name), 'utf8');
const fixture = (name: string): unknown => JSON.parse(text(name));
const html = (name: string) => new DOMParser().parseFromString(text(name), 'text/html');

/** A `getJson` that serves fixtures by path (the query is ignored) and records every request. */
function fakeSource(routes: Record<string, unknown>, site: SiteSettings = SITE) {
  const requests: string[] = [];
  const source: HelpdeskSource = {
    origin: ORIGIN,
    site,
    getJson(pathAndQuery) {
      requests.push(pathAndQuery);
      const path = new URL(pathAndQuery, ORIGIN).pathname;
      return path in routes ? Promise.resolve(structuredClone(routes[path])) : Promise.reject(new Error(`404 ${path}`));
    },
  };
  return { source, requests };
}

const ticketRoutes = (): Record<string, unknown> => ({
  '/api/v1/tickets/2317': fixture('ticket-2317-all.json'),
  '/api/v1/ticket_articles/by_ticket/2317': fixture('ticket-articles-by-ticket-2317.json'),
  '/api/v1/ticket_history/2317': fixture('ticket-history-2317.json'),
  '/api/v1/tickets/2317/time_accountings': fixture('ticket-2317-time-accountings.json'),
});

const MARTINA = 'martina.vogel@kanzlei-berg.example';
const JONAS = 'jonas.weber@helpdesk.example.org';
const AYLIN = 'aylin.demir@helpdesk.example.org';
const expectedTicket: Ticket = {
  id: '2317',
  helpdesk: 'zammad',
  url: 'https://helpdesk.example.org/#ticket/zoom/2317',
  subject: 'Invoice export fails with timeout',
  requester: { email: MARTINA, name: 'Martina Vogel' },
  organization: 'Kanzlei Berg & Partner',
  tags: ['invoice', 'premium-support'],
  priority: '3 high',
  status: 'pending',
  channel: 'email',
  assignee: JONAS,
  group: '2nd Level',
  createdAt: '2026-11-23T07:58:12.345Z',
  updatedAt: '2026-11-23T14:05:00.650Z',
  events: [
    { at: '2026-11-23T07:58:12.345Z', type: 'customer_message', author: MARTINA },
    // 07:58:13 is the System auto-reply: nobody's message.
    { at: '2026-11-23T08:31:40.118Z', type: 'internal_note', author: AYLIN },
    { at: '2026-11-23T08:31:40.502Z', type: 'status_change', status: 'open', author: AYLIN },
    { at: '2026-11-23T08:31:40.502Z', type: 'priority_change', priority: '3 high', author: AYLIN },
    { at: '2026-11-23T09:12:09.774Z', type: 'agent_reply', author: JONAS },
    { at: '2026-11-23T09:12:10.031Z', type: 'status_change', status: 'pending', author: JONAS },
    { at: '2026-11-23T13:47:30.260Z', type: 'customer_message', author: MARTINA },
    { at: '2026-11-23T13:47:30.912Z', type: 'status_change', status: 'open', author: MARTINA },
    { at: '2026-11-23T14:05:00.000Z', type: 'agent_reply', author: JONAS }, // a phone article
    { at: '2026-11-23T14:05:00.650Z', type: 'status_change', status: 'pending', author: JONAS },
  ],
  complete: true,
  fields: { support_contract: 'SC-2025-118', product: 'DATEV Connector', vip: 'true' },
  timeSpentMinutes: 37.5,
};

describe('zammad.detectPage', () => {
  it.each(zammad.testUrls.ticket)('its own ticket URL %s is the ticket 2317', (url) => {
    expect(zammad.detectPage(new URL(url), SITE)).toEqual({ kind: 'ticket', ticketId: '2317' });
  });
  it.each(zammad.testUrls.list)('its own overview URL %s is a list', (url) => {
    expect(zammad.detectPage(new URL(url), SITE)).toEqual({ kind: 'list' });
  });
  it.each([
    ['https://support.stadtwerke-lindau.example/#ticket/zoom/88', '88'],
    ['https://support.stadtwerke-lindau.example/#/ticket/zoom/88/nav/true', '88'],
    ['https://support.stadtwerke-lindau.example/mobile/tickets/88', '88'],
  ])('works on any origin the admin configured: %s', (url, ticketId) => {
    const site: SiteSettings = { origin: new URL(url).origin, helpdesk: 'zammad' };
    expect(zammad.detectPage(new URL(url), site)).toEqual({ kind: 'ticket', ticketId });
  });
  it.each([
    'https://helpdesk.example.org/#dashboard',
    'https://helpdesk.example.org/#ticket/create',
    'https://helpdesk.example.org/#ticket/zoom/number/31042', // by ticket number, not id
    'https://helpdesk.example.org/#search/invoice',
    'https://helpdesk.example.org/#manage/overviews',
    'https://helpdesk.example.org/desktop/tickets/create',
    'https://helpdesk.example.org/help/en-us/1-faq',
    'https://acme.zendesk.com/agent/tickets/42',
    'https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/7/SUP-142',
    'https://helpdesk.example.org/otrs/index.pl?Action=AgentTicketZoom;TicketID=42',
    'https://rt.example.org/Ticket/Display.html?id=42',
  ])('%s is neither a ticket nor an overview', (url) => {
    expect(zammad.detectPage(new URL(url), SITE)).toBeUndefined();
  });
  it.each(adapters.filter((adapter) => adapter !== zammad).flatMap((adapter) => [...adapter.testUrls.ticket, ...adapter.testUrls.list]))(
    "another registered adapter's test URL %s is not a Zammad page, even without an origin check",
    (url) => expect(zammad.detectPage(new URL(url))).toBeUndefined(),
  );
  it('ignores pages outside the configured origin', () => {
    expect(zammad.detectPage(new URL('https://other.example.org/#ticket/zoom/2317'), SITE)).toBeUndefined();
  });
  it('is found by the registry on configured origins only', () => {
    expect(findAdapter(new URL(zammad.testUrls.ticket[0]!), [SITE])).toMatchObject({ adapter: zammad, page: { kind: 'ticket', ticketId: '2317' } });
    expect(findAdapter(new URL(zammad.testUrls.ticket[0]!), [])).toBeUndefined();
  });
});

describe('zammad.readTicket', () => {
  it('reads the whole history from the ticket, articles, history and time accounting JSON', async () => {
    const { source, requests } = fakeSource(ticketRoutes());
    expect(await zammad.readTicket(source, '2317')).toEqual(expectedTicket);
    expect(requests).toEqual([
      '/api/v1/tickets/2317?all=true',
      '/api/v1/ticket_articles/by_ticket/2317?expand=true',
      '/api/v1/ticket_history/2317',
      '/api/v1/tickets/2317/time_accountings',
    ]);
  });

  it('converts time units with the unit the admin configured', async () => {
    const { source } = fakeSource(ticketRoutes(), { ...SITE, options: { timeUnitMinutes: 60 } });
    expect((await zammad.readTicket(source, '2317')).timeSpentMinutes).toBe(37.5 * 60);
  });

  it('has no assignee when Zammad\'s system user "-" (id 1) owns the ticket', async () => {
    const routes = ticketRoutes();
    const all = fixture('ticket-2317-all.json') as { assets: Record<string, Record<string, Record<string, unknown>>> };
    all.assets['Ticket']!['2317']!['owner_id'] = 1;
    routes['/api/v1/tickets/2317'] = all;
    expect((await zammad.readTicket(fakeSource(routes).source, '2317')).assignee).toBeUndefined();
  });

  it('is incomplete when fewer articles came back than the ticket counts', async () => {
    const routes = ticketRoutes();
    routes['/api/v1/ticket_articles/by_ticket/2317'] = (fixture('ticket-articles-by-ticket-2317.json') as unknown[]).slice(0, 4);
    const ticket = await zammad.readTicket(fakeSource(routes).source, '2317');
    expect(ticket.complete).toBe(false);
    expect(ticket.events.filter((event) => event.type === 'agent_reply')).toHaveLength(1);
  });

  it('names the state from the history when the assets lack it (e.g. merged)', async () => {
    const routes = ticketRoutes();
    const all = fixture('ticket-2317-all.json') as { assets: Record<string, Record<string, Record<string, unknown>>> };
    all.assets['Ticket']!['2317']!['state_id'] = 5;
    routes['/api/v1/tickets/2317'] = all;
    const history = fixture('ticket-history-2317.json') as { history: unknown[] };
    history.history.push({ id: 90510, o_id: 2317, object: 'Ticket', type: 'updated', attribute: 'state', value_from: 'pending reminder', value_to: 'merged', created_by_id: 12, created_at: '2026-11-24T08:00:00.000Z' });
    routes['/api/v1/ticket_history/2317'] = history;
    const ticket = await zammad.readTicket(fakeSource(routes).source, '2317');
    expect(ticket.status).toBe('closed');
    expect(ticket.events.at(-1)).toEqual({ at: '2026-11-24T08:00:00.000Z', type: 'status_change', status: 'closed', author: JONAS });
  });

  it.each([
    ['/api/v1/tickets/2317', 'ticket-2317-all.json', (json: { assets: { Ticket: Record<string, Record<string, unknown>> } }) => {
      json.assets.Ticket['2317']!['created_at'] = '2026-11-23 07:58:12';
    }, 'assets.Ticket.2317.created_at'],
    ['/api/v1/ticket_articles/by_ticket/2317', 'ticket-articles-by-ticket-2317.json', (json: Record<string, unknown>[]) => {
      delete json[2]!['internal'];
    }, '[2].internal'],
    ['/api/v1/tickets/2317/time_accountings', 'ticket-2317-time-accountings.json', (json: Record<string, unknown>[]) => {
      json[1]!['time_unit'] = 'half an hour';
    }, '[1].time_unit'],
  ] as const)('rejects invalid JSON from %s with an error naming the field', async (path, name, spoil, field) => {
    const routes = ticketRoutes();
    const json = fixture(name);
    (spoil as (json: unknown) => void)(json);
    routes[path] = json;
    const read = zammad.readTicket(fakeSource(routes).source, '2317');
    await expect(read).rejects.toBeInstanceOf(SchemaError);
    await expect(read).rejects.toThrow(field);
  });

  it('refuses a ticket id that is not a number before making any request', async () => {
    const { source, requests } = fakeSource(ticketRoutes());
    await expect(zammad.readTicket(source, '2317/../../users')).rejects.toThrow('numbers');
    expect(requests).toEqual([]);
  });
});

describe('zammad.readTickets', () => {
  it('reads a page of ids with one expanded search, without articles (incomplete)', async () => {
    const { source, requests } = fakeSource({ '/api/v1/tickets/search': fixture('tickets-search.json') });
    const [t2317, t2320] = await zammad.readTickets(source, ['2317', '2320']);
    expect(requests).toEqual([`/api/v1/tickets/search?query=${encodeURIComponent('id:(2317 OR 2320)')}&limit=2&expand=true`]);
    expect(t2317).toEqual({
      ...expectedTicket,
      requester: { email: MARTINA }, // search names the customer by login only
      tags: [],
      events: [
        { at: '2026-11-23T07:58:12.345Z', type: 'customer_message' },
        { at: '2026-11-23T09:12:09.774Z', type: 'agent_reply' }, // first_response_at
      ],
      complete: false,
    });
    expect(t2320).toEqual({
      id: '2320',
      helpdesk: 'zammad',
      url: 'https://helpdesk.example.org/#ticket/zoom/2320',
      subject: 'Meter reading upload rejected',
      requester: { email: 'karl.hofer@stadtwerke-lindau.example' },
      organization: 'Stadtwerke Lindau',
      tags: [],
      priority: '2 normal',
      status: 'new',
      channel: 'web',
      group: 'Users',
      createdAt: '2026-11-23T14:20:51.466Z',
      updatedAt: '2026-11-23T14:20:51.530Z',
      events: [{ at: '2026-11-23T14:20:51.466Z', type: 'customer_message' }],
      complete: false,
      fields: { support_contract: 'SC-2024-031', product: 'Smart Meter Portal', vip: 'false' },
    });
  });

  it('makes one request per 50 ids and never puts a non-numeric id into the query', async () => {
    const { source, requests } = fakeSource({ '/api/v1/tickets/search': [] });
    await zammad.readTickets(source, [...Array.from({ length: 101 }, (_, i) => String(3000 + i)), '1 OR title:*']);
    const queries = requests.map((request) => new URL(request, ORIGIN).searchParams);
    expect(queries.map((query) => query.get('limit'))).toEqual(['50', '50', '1']);
    expect(queries.map((query) => query.get('query')?.split(' OR ').length)).toEqual([50, 50, 1]);
    expect(queries.some((query) => query.get('query')?.includes('title'))).toBe(false);
  });
});

describe('zammad.listQueue', () => {
  it('lists the ticket ids of an overview by its link', async () => {
    const { source, requests } = fakeSource({ '/api/v1/ticket_overviews': fixture('ticket-overviews-all-open.json') });
    expect(await zammad.listQueue?.(source, 'all_open')).toEqual(['2317', '2320', '2309']);
    expect(requests).toEqual(['/api/v1/ticket_overviews?view=all_open']);
  });
  it('names the field when the overview does not exist (Zammad answers an empty index)', async () => {
    await expect(zammad.listQueue?.(fakeSource({ '/api/v1/ticket_overviews': { assets: {}, index: {} } }).source, 'gone')).rejects.toThrow('index.tickets');
  });
});

describe('zammad DOM hooks', () => {
  it('finds the ticket rows of the overview table, not other tables with data-id rows', () => {
    const rows = zammad.listRows(html('overview.html'));
    expect(rows.map((row) => row.ticketId)).toEqual(['2317', '2320', '2309']);
    expect(rows.every((row) => row.element.matches('.table-overview tr.item'))).toBe(true);
  });

  it("anchors on this ticket's zoom controls, not on a hidden task of another ticket", () => {
    const document = html('ticket-zoom.html');
    const anchor = zammad.ticketAnchor(document, '2317');
    expect(anchor?.classList.contains('ticketZoom-controls')).toBe(true);
    expect(anchor?.closest('.content')?.id).toBe('content_permanent_Ticket-2317');
    expect(zammad.ticketAnchor(document, '2290')?.closest('.content')?.id).toBe('content_permanent_Ticket-2290');
    expect(zammad.ticketAnchor(document, '2309')).toBeUndefined();
  });

  it('anchors on the zoom header while the controls are not rendered yet', () => {
    const document = new DOMParser().parseFromString(
      '<div id="content_permanent_Ticket-2317" class="content active"><div class="ticketZoom"><div class="ticketZoom-header"></div></div></div>',
      'text/html',
    );
    expect(zammad.ticketAnchor(document, '2317')?.className).toBe('ticketZoom-header');
  });

  it.each([
    ['another helpdesk', '<div class="ticket-pane"><table><tr class="item" data-id="42"><td>#42</td></tr></table></div>'],
    ['the new Zammad desktop view', '<main><section aria-label="Ticket"><h1>Invoice export fails with timeout</h1></section></main>'],
    ['an empty page', ''],
  ])('finds nothing in %s, without throwing or touching the document', (_name, markup) => {
    const document = new DOMParser().parseFromString(markup, 'text/html');
    const before = document.documentElement.outerHTML;
    expect(zammad.listRows(document)).toEqual([]);
    expect(zammad.ticketAnchor(document, '42')).toBeUndefined();
    expect(zammad.ticketAnchor(document, '"]*')).toBeUndefined();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
