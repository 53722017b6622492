// @vitest-environment happy-dom
// @vitest-environment-options { "settings": { "handleDisabledFileLoadingAsSuccess": true } }
/**
 * The Request Tracker adapter against REST2 JSON and pages captured from the seeded test RT
 * (test/e2e/request-tracker/capture-fixtures.ts; ticket names are seed.sh's). No live RT needed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters, findAdapter } from '../../lib/adapters/registry.ts';
import { requestTracker, testUrls } from '../../lib/adapters/request-tracker.ts';
import type { HelpdeskSource, SiteSettings } from '../../lib/adapters/types.ts';
import { SchemaError } from '../../lib/schema-error.ts';

const fixture = (path: string) => readFileSync(join(import.meta.dirname, '../fixtures/request-tracker', path), 'utf8');
const json = (path: string): unknown => JSON.parse(fixture(path));
const index = json('rest2/index.json') as Record<string, string>;
const ORIGIN = 'http://127.0.0.1:8080';
const site: SiteSettings = { origin: ORIGIN, helpdesk: 'request-tracker' };

interface FakeOptions {
  url?: string;
  site?: SiteSettings;
  /** Where RT is served in this test; fixtures were recorded under /rt. */
  webPath?: string;
  /** Changes a response before the adapter sees it (to feed it invalid JSON). */
  edit?: (path: string, body: Record<string, unknown>) => void;
}

/** A `getJson` serving captured files by exact request path, recording every request. Unknown paths reject like a 404. */
function fakeSource({ url = `${ORIGIN}/rt/Ticket/Display.html?id=1`, webPath = '/rt', edit, ...rest }: FakeOptions = {}) {
  const requests: string[] = [];
  const source: HelpdeskSource = {
    origin: ORIGIN,
    url: url ? new URL(url) : undefined,
    site,
    ...rest,
    getJson: (path) => {
      requests.push(path);
      const file = path.startsWith(`${webPath}/REST/2.0/`) ? index[`/rt${path.slice(webPath.length)}`] : undefined;
      if (!file) return Promise.reject(new Error(`404 ${path}`));
      const body = json(`rest2/${file}`) as Record<string, unknown>;
      edit?.(path, body);
      return Promise.resolve(body);
    },
  };
  return { source, requests };
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const page = (name: string) => parse(fixture(`pages/${name}.html`));

describe('detectPage', () => {
  it.each([
    ...testUrls.ticket.map((url) => [url, 'ticket'] as const),
    ...testUrls.list.map((url) => [url, 'list'] as const),
  ])('recognizes its own test URL %s as a %s page', (url, kind) => {
    expect(requestTracker.detectPage(new URL(url))?.kind).toBe(kind);
  });

  it.each([
    ['http://127.0.0.1:8080/rt/Ticket/Display.html?id=1', '1'],
    ['https://rt.example.com/Ticket/Display.html?id=42', '42'],
    ['https://example.com/helpdesk/rt/Ticket/History.html?id=7', '7'],
    ['https://rt.example.com/rt/Ticket/Update.html?Action=Comment&id=3&QuoteTransaction=12', '3'],
    ['https://rt.example.com/Ticket/Display.html?id=9#txn-120', '9'],
  ])('%s is ticket %s', (url, ticketId) => {
    expect(requestTracker.detectPage(new URL(url), site)).toEqual({ kind: 'ticket', ticketId });
  });

  it.each([
    'http://127.0.0.1:8080/rt/Search/Results.html?Query=id%3E0',
    'https://rt.example.com/Search/Results.html?Format=&Query=Owner%20%3D%20%27__CurrentUser__%27',
    'http://127.0.0.1:8080/rt/',
    'http://127.0.0.1:8080/rt/index.html',
  ])('%s is a list', (url) => {
    expect(requestTracker.detectPage(new URL(url))).toEqual({ kind: 'list' });
  });

  it.each(adapters.filter((adapter) => adapter !== requestTracker).flatMap((adapter) => [...adapter.testUrls.ticket, ...adapter.testUrls.list]))(
    'does not claim another adapter’s test URL %s',
    (url) => expect(requestTracker.detectPage(new URL(url), site)).toBeUndefined(),
  );

  it('takes the home page at the configured web path only', () => {
    const atRoot: SiteSettings = { ...site, options: { webPath: '' } };
    expect(requestTracker.detectPage(new URL('https://rt.example.com/'), atRoot)).toEqual({ kind: 'list' });
    expect(requestTracker.detectPage(new URL('https://rt.example.com/rt/'), atRoot)).toBeUndefined();
    expect(requestTracker.detectPage(new URL('https://rt.example.com/'), site)).toBeUndefined();
  });

  it.each([
    'http://127.0.0.1:8080/rt/Ticket/Display.html',
    'http://127.0.0.1:8080/rt/Ticket/Display.html?id=new',
    'http://127.0.0.1:8080/rt/Ticket/Create.html?Queue=3',
    'http://127.0.0.1:8080/rt/SelfService/Display.html?id=1',
    'http://127.0.0.1:8080/rt/Search/Build.html?SavedSearchLoad=RT::System-1-SavedSearch-12',
    'http://127.0.0.1:8080/rt/Admin/Queues/',
    'http://127.0.0.1:8080/rt/REST/2.0/ticket/1',
    'https://acme.zendesk.com/agent/tickets/42',
    'https://acme.zendesk.com/agent/filters/360001',
    'https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1/SUP-12',
    'https://acme.atlassian.net/browse/SUP-12',
    'https://acme.freshdesk.com/a/tickets/42',
    'https://zammad.example.com/#ticket/zoom/42',
    'https://otrs.example.com/otrs/index.pl?Action=AgentTicketZoom;TicketID=42',
  ])('%s is not an RT ticket or list page', (url) => {
    expect(requestTracker.detectPage(new URL(url), site)).toBeUndefined();
  });
});

describe('registry', () => {
  it('finds the adapter for a configured RT site, and not for an unconfigured origin (self-hosted: no match patterns)', () => {
    expect(findAdapter(new URL('http://127.0.0.1:8080/rt/Ticket/Display.html?id=1'), [site])).toMatchObject({ adapter: requestTracker, page: { kind: 'ticket', ticketId: '1' } });
    expect(findAdapter(new URL('https://rt.other.example/rt/Ticket/Display.html?id=1'), [site])).toBeUndefined();
  });
});

describe('readTicket', () => {
  it('maps the mailed-in "login" ticket: replies, note, status and priority changes, time worked', async () => {
    const { source, requests } = fakeSource();
    expect(await requestTracker.readTicket(source, '1')).toStrictEqual({
      id: '1',
      helpdesk: 'request-tracker',
      url: 'http://127.0.0.1:8080/rt/Ticket/Display.html?id=1',
      subject: 'Cannot log in to customer portal',
      // RT keeps the address as the customer wrote it (Alice@Acme.example)
      requester: { email: 'alice@acme.example', name: 'Alice Anders' },
      organization: 'Acme Corp',
      tags: [],
      priority: 'High',
      status: 'on_hold',
      channel: 'email',
      assignee: 'sam',
      group: 'E2E Support',
      createdAt: '2026-11-22T04:57:12Z',
      updatedAt: '2026-11-22T04:57:16Z',
      events: [
        { at: '2026-11-22T04:57:12Z', type: 'customer_message', author: 'alice@acme.example' },
        { at: '2026-11-22T04:57:13Z', type: 'agent_reply', author: 'sam@e2e.test' },
        { at: '2026-11-22T04:57:14Z', type: 'status_change', status: 'open', author: 'The RT System itself' },
        { at: '2026-11-22T04:57:14Z', type: 'internal_note', author: 'root@localhost' },
        { at: '2026-11-22T04:57:15Z', type: 'customer_message', author: 'alice@acme.example' },
        { at: '2026-11-22T04:57:15Z', type: 'priority_change', priority: 'High', author: 'root@localhost' },
        { at: '2026-11-22T04:57:16Z', type: 'agent_reply', author: 'sam@e2e.test' },
        { at: '2026-11-22T04:57:16Z', type: 'status_change', status: 'on_hold', author: 'sam@e2e.test' },
      ],
      complete: true,
      fields: { 'Customer Tier': 'Gold' },
      timeSpentMinutes: 35,
    });
    expect(requests.map((path) => path.replace(/\?.*/, ''))).toEqual([
      '/rt/REST/2.0/tickets',
      '/rt/REST/2.0/ticket/1/history',
      '/rt/REST/2.0/transaction/45/attachments',
    ]);
  });

  it('reads a resolved ticket: staff reply and note, solved, time worked set directly', async () => {
    const ticket = await requestTracker.readTicket(fakeSource().source, '4');
    expect(ticket).toMatchObject({ status: 'solved', channel: 'email', priority: 'Low', timeSpentMinutes: 45, complete: true });
    expect(ticket).not.toHaveProperty('assignee');
    expect(ticket.events.map((event) => event.status ?? event.type)).toEqual(['customer_message', 'agent_reply', 'open', 'internal_note', 'solved']);
  });

  it('treats a ticket staff created for two requestors as staff-started, through the API', async () => {
    const ticket = await requestTracker.readTicket(fakeSource().source, '2');
    expect(ticket).toMatchObject({
      requester: { email: 'bob@globex.example' },
      organization: 'Globex Inc',
      priority: 'Medium',
      channel: 'api',
      fields: { 'Customer Tier': 'Silver' },
      timeSpentMinutes: 0,
    });
    expect(ticket.events.map((event) => [event.type, event.author])).toEqual([
      ['agent_reply', 'root@localhost'],
      ['agent_reply', 'sam@e2e.test'],
      ['status_change', 'The RT System itself'],
    ]);
  });

  it('maps rejected to closed', async () => {
    const ticket = await requestTracker.readTicket(fakeSource().source, '8');
    expect(ticket.status).toBe('closed');
    expect(ticket.events.at(-1)).toMatchObject({ type: 'status_change', status: 'closed' });
  });

  it('reads the first and the newest history pages of a long ticket and marks it incomplete', async () => {
    const { source, requests } = fakeSource();
    const ticket = await requestTracker.readTicket(source, '10');
    expect(requests.filter((path) => path.includes('/history')).map((path) => new URL(path, ORIGIN).searchParams.get('page'))).toEqual(['1', '3', '4']);
    expect(ticket.complete).toBe(false);
    // first page: the mail and the first reply; last page: the customer's chase-up and the answer (310 estimate changes are skipped)
    expect(ticket.events.map((event) => event.status ?? event.type)).toEqual(['customer_message', 'agent_reply', 'open', 'customer_message', 'agent_reply']);
  });

  it('derives the REST2 base from where RT is served: root, a deeper path, or the site when there is no page', async () => {
    for (const [url, webPath] of [[`${ORIGIN}/Ticket/Display.html?id=1`, ''], [`${ORIGIN}/tools/rt/Search/Results.html`, '/tools/rt']] as const) {
      const { source, requests } = fakeSource({ url, webPath });
      expect((await requestTracker.readTicket(source, '1')).url).toBe(`${ORIGIN}${webPath}/Ticket/Display.html?id=1`);
      expect(requests.every((path) => path.startsWith(`${webPath}/REST/2.0/`))).toBe(true);
    }
    const background = fakeSource({ url: '', webPath: '/desk', site: { ...site, options: { webPath: '/desk/' } } });
    expect((await requestTracker.readTicket(background.source, '4')).status).toBe('solved');
  });

  it('uses the site’s priority labels like RT’s %PriorityAsString, per queue', async () => {
    const options = { priorityAsString: { Default: { Normal: 0, Urgent: 90 }, 'E2E Support': { P3: 0, P2: 40, P1: 100 } } };
    const ticket = await requestTracker.readTicket(fakeSource({ site: { ...site, options } }).source, '2');
    expect(ticket.priority).toBe('P2');
    const numbers = await requestTracker.readTicket(fakeSource({ site: { ...site, options: { priorityAsString: { Default: 0 } } } }).source, '1');
    expect([numbers.priority, numbers.events.find((event) => event.type === 'priority_change')?.priority]).toEqual(['100', '100']);
  });

  it('rejects a ticket it cannot see', async () => {
    await expect(requestTracker.readTicket(fakeSource().source, '9999')).rejects.toThrow('ticket 9999 not found');
  });

  it('never puts anything but numeric ids into TicketSQL', async () => {
    const { source, requests } = fakeSource();
    await expect(requestTracker.readTicket(source, "1' OR id > '0")).rejects.toThrow('not found');
    expect(requests).toEqual([]);
  });

  it.each([
    ['tickets?', (body: Record<string, unknown>) => delete firstItem(body)['Created'], /Invalid Request Tracker tickets: items\[0\]\.Created: /],
    ['tickets?', (body: Record<string, unknown>) => (firstItem(body)['Priority'] = 'High'), /items\[0\]\.Priority: expected an integer/],
    ['tickets?', (body: Record<string, unknown>) => (firstItem(body)['Requestor'] = 'alice'), /items\[0\]\.Requestor: /],
    ['/history', (body: Record<string, unknown>) => (firstItem(body)['Created'] = '2026-11-22 04:40:57'), /Invalid Request Tracker history: items\[0\]\.Created: expected an ISO-8601 date/],
    ['/history', (body: Record<string, unknown>) => delete body['items'], /Invalid Request Tracker history: items: /],
  ])('rejects invalid JSON from %s naming the field', async (where, edit, message) => {
    const { source } = fakeSource({ edit: (path, body) => path.includes(where) && edit(body) });
    const error: unknown = await requestTracker.readTicket(source, '1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as Error).message).toMatch(message);
  });
});

function firstItem(body: Record<string, unknown>): Record<string, unknown> {
  return (body['items'] as Record<string, unknown>[])[0] ?? {};
}

describe('readTickets', () => {
  const all = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

  it('reads ten tickets with one request, without history', async () => {
    const { source, requests } = fakeSource();
    const tickets = await requestTracker.readTickets(source, all);
    expect(requests).toHaveLength(1);
    expect(tickets.map((ticket) => [ticket.id, ticket.status, ticket.priority, ticket.complete])).toEqual([
      ['1', 'on_hold', 'High', false],
      ['2', 'open', 'Medium', false],
      ['3', 'on_hold', 'Low', false],
      ['4', 'solved', 'Low', false],
      ['5', 'open', 'High', false],
      ['6', 'new', 'Medium', false],
      ['7', 'new', 'Low', false],
      ['8', 'closed', 'Low', false],
      ['9', 'new', 'Medium', false],
      ['10', 'open', 'Low', false],
    ]);
    expect(tickets.map((ticket) => ticket.requester.email.split('@')[1])).toEqual([
      'acme.example', 'globex.example', 'initech.example', 'acme.example', 'globex.example',
      'initech.example', 'initech.example', 'spam.example', 'acme.example', 'globex.example',
    ]);
    expect(tickets.every((ticket) => ticket.channel === undefined)).toBe(true);
  });

  it('derives creation, last contact (Told) and closing from the ticket fields', async () => {
    const tickets = await requestTracker.readTickets(fakeSource().source, all);
    const byId = new Map(tickets.map((ticket) => [ticket.id, ticket.events]));
    expect(byId.get('1')).toEqual([
      { at: '2026-11-22T04:57:12Z', type: 'customer_message', author: 'alice@acme.example' },
      { at: '2026-11-22T04:57:16Z', type: 'agent_reply' },
    ]);
    expect(byId.get('4')?.map((event) => event.status ?? event.type)).toEqual(['customer_message', 'agent_reply', 'solved']);
    expect(byId.get('5')).toEqual([{ at: '2026-11-22T04:57:21Z', type: 'agent_reply', author: 'root@localhost' }]);
  });

  it('asks for at most 50 ids per request, and returns tickets in the order asked, once each', async () => {
    const requests: string[] = [];
    const page = json('rest2/tickets-ids-1-to-10-n10.json');
    const source: HelpdeskSource = { origin: ORIGIN, url: new URL(`${ORIGIN}/rt/Search/Results.html`), getJson: (path) => (requests.push(path), Promise.resolve(page)) };
    const ids = Array.from({ length: 120 }, (_, index) => String(120 - index));
    const tickets = await requestTracker.readTickets(source, [...ids, '3']);
    expect(requests.map((path) => (decodeURIComponent(path).match(/id = \d+/g) ?? []).length)).toEqual([50, 50, 20]);
    expect(tickets.map((ticket) => ticket.id)).toEqual(['10', '9', '8', '7', '6', '5', '4', '3', '2', '1']);
  });

  it('makes no request for no ids', async () => {
    const { source, requests } = fakeSource();
    expect(await requestTracker.readTickets(source, [])).toEqual([]);
    expect(requests).toEqual([]);
  });
});

describe('listQueue', () => {
  it('lists a saved search by id, in its order (soonest Due first)', async () => {
    expect(await requestTracker.listQueue(fakeSource().source, '12')).toEqual(['5', '1', '2', '9', '10', '3']);
  });
  it('lists a TicketSQL query', async () => {
    expect(await requestTracker.listQueue(fakeSource().source, "Queue = 'E2E Manual Due'")).toEqual(['6', '7']);
  });
});

describe('listRows', () => {
  it.each([
    ['search-results', ['1', '2', '3', '4', '5', '8', '9', '10']],
    ['search-results-saved', ['5', '1', '2', '9', '10', '3']],
    ['home', ['9', '10', '6', '7', '3', '2']], // not the dashboards portlet (table[data-class="RT::Dashboard"], record 8)
  ])('finds the ticket rows of %s and their subject cells', (name, ids) => {
    const document = page(name);
    const subjects = new Map((json('rest2/tickets-ids-1-to-10-n10.json') as { items: { id: string; Subject: string }[] }).items.map((item) => [item.id, item.Subject]));
    const rows = requestTracker.listRows(document);
    expect(rows.map((row) => row.ticketId)).toEqual(ids);
    for (const row of rows) {
      expect(row.element.tagName).toBe('TD');
      expect(row.element.closest('tbody')?.getAttribute('data-record-id')).toBe(row.ticketId);
      // the cell also holds the hidden inline editor, so compare the link text
      expect([...row.element.querySelectorAll('a')].map((link) => link.textContent.trim())).toContain(subjects.get(row.ticketId));
    }
  });
});

describe('ticketAnchor', () => {
  it.each(['ticket-display-initial', 'ticket-display'])('is the Dates panel of %s', (name) => {
    const anchor = requestTracker.ticketAnchor(page(name), '1');
    expect(anchor?.matches('.ticket-info-dates .inline-edit-display')).toBe(true);
    expect(anchor?.querySelector('.due .value')?.textContent.trim()).toMatch(/^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} \d{4}$/);
  });
  it('is undefined on another ticket’s page', () => {
    expect(requestTracker.ticketAnchor(page('ticket-display'), '2')).toBeUndefined();
  });
});

describe('unknown markup', () => {
  it.each([
    ['an empty page', '<html><body></body></html>'],
    ['a Zendesk-like page', '<div id="main"><div data-test-id="ticket-pane"><table><tbody class="row" data-id="42"><tr><td>Hi</td></tr></tbody></table></div></div>'],
    ['RT markup with renamed classes', fixture('pages/search-results.html').replaceAll('list-item', 'list-entry').replaceAll('ticket-info-', 'ticket-panel-').replaceAll('data-class="RT::Ticket"', '')],
  ])('leaves %s untouched: no rows, no anchor, no throw', (_, html) => {
    const document = parse(html);
    const before = document.documentElement.outerHTML;
    expect(requestTracker.listRows(document)).toEqual([]);
    expect(requestTracker.ticketAnchor(document, '1')).toBeUndefined();
    expect(document.documentElement.outerHTML).toBe(before);
  });
  it('does not change the pages it reads', () => {
    for (const name of ['search-results', 'ticket-display']) {
      const document = page(name);
      const before = document.documentElement.outerHTML;
      requestTracker.listRows(document);
      requestTracker.ticketAnchor(document, '1');
      expect(document.documentElement.outerHTML).toBe(before);
    }
  });
});
