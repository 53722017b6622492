// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiraServiceManagement as jsm } from '../../lib/adapters/jira-service-management.ts';
import { adapters, findAdapter } from '../../lib/adapters/registry.ts';
import type { HelpdeskSource } from '../../lib/adapters/types.ts';
import { SchemaError } from '../../lib/schema-error.ts';
import type { Ticket } from '../../lib/ticket.ts';

const ORIGIN = 'https://acme-support.atlassian.net';
const text = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/jira-service-management', name), 'utf8');
const fixture = (name: string): Record<string, unknown> => JSON.parse(text(name)) as Record<string, unknown>;
const html = (name: string) => new DOMParser().parseFromString(text(name), 'text/html');

type Route = Record<string, unknown> | ((query: URLSearchParams) => unknown);
/** A `getJson` that serves fixtures by path (the query is passed to function routes) and records every request. */
function fakeSource(routes: Record<string, Route>) {
  const requests: string[] = [];
  const source: HelpdeskSource = {
    origin: ORIGIN,
    getJson(pathAndQuery) {
      requests.push(pathAndQuery);
      const url = new URL(pathAndQuery, ORIGIN);
      const route = routes[url.pathname];
      if (route === undefined) return Promise.reject(new Error(`404 ${url.pathname}`));
      return Promise.resolve(structuredClone(typeof route === 'function' ? route(url.searchParams) : route));
    },
  };
  return { source, requests };
}

const ticketRoutes = (): Record<string, Route> => ({
  '/rest/servicedeskapi/request/SUP-142': fixture('request-SUP-142.json'),
  '/rest/servicedeskapi/request/SUP-142/comment': fixture('request-SUP-142-comment.json'),
  '/rest/api/3/issue/SUP-142': fixture('issue-SUP-142.json'),
});

const PRIYA = 'priya.raman@acme-support.example';
const expectedTicket: Ticket = {
  id: 'SUP-142',
  helpdesk: 'jira-service-management',
  url: 'https://acme-support.atlassian.net/browse/SUP-142',
  subject: 'VPN drops every 10 minutes since the 2026.4 client update',
  requester: { email: 'dana.whitfield@northwind.example', name: 'Dana Whitfield' },
  organization: 'Northwind Traders',
  tags: ['vpn', 'enterprise-plan'],
  priority: 'High',
  status: 'solved',
  channel: 'portal',
  assignee: 'Priya Raman',
  group: 'Acme IT Support',
  createdAt: '2026-11-23T08:12:05.000Z',
  updatedAt: '2026-11-23T11:30:05.412Z',
  events: [
    { at: '2026-11-23T08:12:05.000Z', type: 'customer_message', author: 'dana.whitfield@northwind.example' },
    // Marco's account hides its email address: the display name stands in.
    { at: '2026-11-23T08:40:00.000Z', type: 'internal_note', author: 'Marco Bianchi' },
    { at: '2026-11-23T09:05:30.000Z', type: 'agent_reply', author: PRIYA },
    { at: '2026-11-23T09:05:31.000Z', type: 'status_change', status: 'pending' },
    { at: '2026-11-23T09:20:00.000Z', type: 'priority_change', priority: 'High', author: PRIYA },
    // Lee is a request participant with a portal-only (`qm:`) account.
    { at: '2026-11-23T10:02:11.000Z', type: 'customer_message', author: 'lee.park@northwind.example' },
    { at: '2026-11-23T10:02:12.000Z', type: 'status_change', status: 'open' },
    // Dana is the reporter, with a full Atlassian account.
    { at: '2026-11-23T10:15:00.000Z', type: 'customer_message', author: 'dana.whitfield@northwind.example' },
    { at: '2026-11-23T11:30:00.000Z', type: 'agent_reply', author: PRIYA },
    { at: '2026-11-23T11:30:05.000Z', type: 'status_change', status: 'solved' },
  ],
  complete: true,
  fields: { Organizations: 'Northwind Traders', 'Support tier': 'Gold', 'Contract number': 'NW-7731', 'Affected users': '250', 'Request type': 'Get IT help' },
  timeSpentMinutes: 75,
};

describe('jiraServiceManagement.detectPage', () => {
  it.each(jsm.testUrls.ticket)('its own ticket URL %s is the ticket SUP-142', (url) => {
    expect(jsm.detectPage(new URL(url))).toEqual({ kind: 'ticket', ticketId: 'SUP-142' });
  });
  it.each(jsm.testUrls.list)('its own queue URL %s is a list', (url) => {
    expect(jsm.detectPage(new URL(url))).toEqual({ kind: 'list' });
  });
  it.each([
    ['https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/7/SUP-142/', 'SUP-142'],
    ['https://acme-support.atlassian.net/jira/servicedesk/projects/IT_OPS/queues/issue/IT_OPS-7', 'IT_OPS-7'],
    ['https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/section/service-requests/custom/12/SUP-9', 'SUP-9'],
  ])('reads the key from %s', (url, ticketId) => {
    expect(jsm.detectPage(new URL(url))).toEqual({ kind: 'ticket', ticketId });
  });
  it.each([
    'https://acme.zendesk.com/agent/tickets/42',
    'https://acme.freshdesk.com/a/tickets/42',
    'https://helpdesk.example.org/#ticket/zoom/2317',
    'https://helpdesk.example.org/otrs/index.pl?Action=AgentTicketZoom;TicketID=42',
    'https://rt.example.org/Ticket/Display.html?id=42',
    'https://acme-support.atlassian.net/servicedesk/customer/portal/4/SUP-142', // the customer portal
    'https://acme-support.atlassian.net/jira/software/projects/WEB/boards/3',
    'https://acme-support.atlassian.net/jira/your-work',
    'https://acme-support.atlassian.net/wiki/spaces/IT/pages/1234/VPN',
    'https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/settings/request-types',
    'https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/queues',
    'https://acme-support.atlassian.net/browse/sup-142',
    'https://acme-support.atlassian.net.evil.example/browse/SUP-142',
    'http://acme-support.atlassian.net/browse/SUP-142',
  ])('%s is neither a ticket nor a JSM list', (url) => {
    expect(jsm.detectPage(new URL(url))).toBeUndefined();
  });
  it.each(adapters.filter((adapter) => adapter !== jsm).flatMap((adapter) => [...adapter.testUrls.ticket, ...adapter.testUrls.list]))(
    "another registered adapter's test URL %s is not a JSM page",
    (url) => expect(jsm.detectPage(new URL(url))).toBeUndefined(),
  );
  it('treats a queue with a malformed selectedIssue as the queue', () => {
    expect(jsm.detectPage(new URL(`${jsm.testUrls.list[0]!}?selectedIssue=1%20OR%201=1`))).toEqual({ kind: 'list' });
  });
  it('is found by the registry for Atlassian hosts only', () => {
    expect(findAdapter(new URL(jsm.testUrls.ticket[0]!), [])?.adapter.id).toBe('jira-service-management');
    expect(findAdapter(new URL('https://acme-support.atlassian.net/jira/your-work'), [])?.page).toBeUndefined();
  });
});

describe('jiraServiceManagement.readTicket', () => {
  it('reads the whole history from the request, comments and platform issue JSON', async () => {
    const { source, requests } = fakeSource(ticketRoutes());
    expect(await jsm.readTicket(source, 'SUP-142')).toEqual(expectedTicket);
    expect(requests).toEqual([
      '/rest/servicedeskapi/request/SUP-142?expand=participant,status,requestType,serviceDesk',
      '/rest/servicedeskapi/request/SUP-142/comment?public=true&internal=true&start=0&limit=50',
      '/rest/api/3/issue/SUP-142?fields=*all,-comment,-attachment,-description&properties=request.channel.type&expand=names,schema,changelog',
    ]);
  });

  it('follows comment pages and the status history endpoint when the expanded page is not the last', async () => {
    const routes = ticketRoutes();
    const comments = fixture('request-SUP-142-comment.json') as { values: unknown[]; isLastPage: boolean };
    routes['/rest/servicedeskapi/request/SUP-142/comment'] = (query: URLSearchParams) =>
      query.get('start') === '0' ? { ...comments, values: comments.values.slice(0, 2), isLastPage: false } : { ...comments, values: comments.values.slice(2) };
    const request = fixture('request-SUP-142.json');
    const statusPage = request['status'] as { values: unknown[] };
    routes['/rest/servicedeskapi/request/SUP-142'] = { ...request, status: { ...statusPage, values: statusPage.values.slice(0, 1), isLastPage: false } };
    routes['/rest/servicedeskapi/request/SUP-142/status'] = statusPage;
    const { source, requests } = fakeSource(routes);
    expect(await jsm.readTicket(source, 'SUP-142')).toEqual(expectedTicket);
    expect(requests).toContain('/rest/servicedeskapi/request/SUP-142/comment?public=true&internal=true&start=2&limit=50');
    expect(requests).toContain('/rest/servicedeskapi/request/SUP-142/status?start=0&limit=50');
  });

  it('is incomplete when the changelog is cut off', async () => {
    const routes = ticketRoutes();
    const issue = fixture('issue-SUP-142.json');
    routes['/rest/api/3/issue/SUP-142'] = { ...issue, changelog: { ...(issue['changelog'] as object), total: 140 } };
    expect((await jsm.readTicket(fakeSource(routes).source, 'SUP-142')).complete).toBe(false);
  });

  it('is incomplete when comments never end (stops after 10 pages)', async () => {
    const routes = ticketRoutes();
    routes['/rest/servicedeskapi/request/SUP-142/comment'] = { ...fixture('request-SUP-142-comment.json'), isLastPage: false };
    const { source, requests } = fakeSource(routes);
    expect((await jsm.readTicket(source, 'SUP-142')).complete).toBe(false);
    expect(requests.filter((request) => request.includes('/comment?'))).toHaveLength(10);
  });

  it.each([
    ['request-SUP-142.json', '/rest/servicedeskapi/request/SUP-142', (json: Record<string, unknown>) => ({ ...json, createdDate: { iso8601: '2026-11-23T19:12:05+1100', epochMillis: 'yesterday' } }), 'createdDate.epochMillis'],
    ['request-SUP-142-comment.json', '/rest/servicedeskapi/request/SUP-142/comment', (json: Record<string, unknown>) => ({ ...json, values: (json['values'] as object[]).map((c, i) => (i === 1 ? { ...c, public: 'yes' } : c)) }), 'values[1].public'],
    ['issue-SUP-142.json', '/rest/api/3/issue/SUP-142', (json: Record<string, unknown>) => ({ ...json, fields: { ...(json['fields'] as object), created: '23/11/2026 19:12' } }), 'fields.created'],
  ])('rejects invalid %s with an error naming the field', async (name, path, spoil, field) => {
    const routes = ticketRoutes();
    routes[path] = spoil(fixture(name));
    const read = jsm.readTicket(fakeSource(routes).source, 'SUP-142');
    await expect(read).rejects.toBeInstanceOf(SchemaError);
    await expect(read).rejects.toThrow(field);
  });
});

describe('jiraServiceManagement.readTickets', () => {
  it('reads a page of keys with one search/jql request, without comments (incomplete)', async () => {
    const { source, requests } = fakeSource({ '/rest/api/3/search/jql': fixture('search-jql.json') });
    const [sup142, sup145] = await jsm.readTickets(source, ['SUP-142', 'SUP-145']);
    expect(requests).toHaveLength(1);
    expect(new URL(requests[0]!, ORIGIN).searchParams.get('jql')).toBe('key in (SUP-142,SUP-145)');
    expect(sup142).toEqual({
      ...expectedTicket,
      group: undefined, // the service desk name comes with the JSM request only
      events: [expectedTicket.events[0]],
      fields: { Organizations: 'Northwind Traders', 'Support tier': 'Gold', 'Contract number': 'NW-7731', 'Affected users': '250' },
      complete: false,
    });
    expect(sup145).toEqual({
      id: 'SUP-145',
      helpdesk: 'jira-service-management',
      url: 'https://acme-support.atlassian.net/browse/SUP-145',
      subject: 'Shared mailbox not syncing on iPhone',
      requester: { email: 'erik.lund@fjordline-logistics.example', name: 'Erik Lund' },
      tags: [],
      priority: 'Medium',
      status: 'pending',
      channel: 'email',
      createdAt: '2026-11-23T13:02:44.000Z',
      updatedAt: '2026-11-23T14:10:09.077Z',
      events: [{ at: '2026-11-23T13:02:44.000Z', type: 'customer_message', author: 'erik.lund@fjordline-logistics.example' }],
      complete: false,
      fields: { 'Support tier': 'Silver' },
    });
  });

  it('makes one request per 50 keys and never puts a malformed key into JQL', async () => {
    const { source, requests } = fakeSource({ '/rest/api/3/search/jql': { issues: [] } });
    const keys = [...Array.from({ length: 120 }, (_, i) => `SUP-${i + 1}`), 'SUP-1) OR project = HR OR key in (SUP-2'];
    await jsm.readTickets(source, keys);
    const queries = requests.map((request) => new URL(request, ORIGIN).searchParams);
    expect(queries.map((query) => query.get('maxResults'))).toEqual(['50', '50', '20']);
    expect(queries.map((query) => query.get('jql')?.split(',').length)).toEqual([50, 50, 20]);
    expect(queries.every((query) => !query.get('jql')?.includes('project'))).toBe(true);
  });

  it('makes no request for no keys', async () => {
    const { source, requests } = fakeSource({});
    expect(await jsm.readTickets(source, [])).toEqual([]);
    expect(requests).toEqual([]);
  });
});

describe('jiraServiceManagement.listQueue', () => {
  it('lists the issue keys of a queue given as serviceDeskId/queueId', async () => {
    const { source, requests } = fakeSource({ '/rest/servicedeskapi/servicedesk/4/queue/7/issue': fixture('queue-4-7-issue.json') });
    expect(await jsm.listQueue?.(source, '4/7')).toEqual(['SUP-145', 'SUP-142', 'SUP-139']);
    expect(requests).toEqual(['/rest/servicedeskapi/servicedesk/4/queue/7/issue?start=0&limit=50']);
  });
  it('rejects a queue id without the service desk', async () => {
    await expect(jsm.listQueue?.(fakeSource({}).source, '7')).rejects.toThrow('{serviceDeskId}/{queueId}');
  });
});

describe('jiraServiceManagement DOM hooks', () => {
  it('finds the queue rows of the native issue table, skipping rows without a key', () => {
    const document = html('queue.html');
    const rows = jsm.listRows(document);
    expect(rows.map((row) => row.ticketId)).toEqual(['SUP-145', 'SUP-142', 'SUP-139']);
    expect(rows.every((row) => row.element.tagName === 'TR' && row.element.getAttribute('data-testid') === 'native-issue-table.ui.issue-row')).toBe(true);
  });

  it('finds rows of the older virtual queue table by their issue links', () => {
    const document = new DOMParser().parseFromString(
      `<div data-testid="servicedesk-queues-agent-view.layout.table.container">
        <div role="row"><div role="cell"><a href="/browse/SUP-7">VPN certificate renewal</a></div></div>
        <div role="row"><div role="columnheader">Summary</div></div>
      </div>`,
      'text/html',
    );
    expect(jsm.listRows(document).map((row) => [row.ticketId, row.element.getAttribute('role')])).toEqual([['SUP-7', 'row']]);
  });

  it('anchors on the breadcrumb of the issue view showing this key, not another open one', () => {
    const document = html('issue-view.html');
    const anchor = jsm.ticketAnchor(document, 'SUP-142');
    expect(anchor?.getAttribute('data-testid')).toBe('issue.views.issue-base.foundation.breadcrumbs.breadcrumb-current-issue-container');
    expect(anchor?.closest('[role="dialog"]')).toBeNull();
    expect(jsm.ticketAnchor(document, 'SUP-14')?.closest('[role="dialog"]')).not.toBeNull();
    expect(jsm.ticketAnchor(document, 'SUP-999')).toBeUndefined();
  });

  it('anchors on the older data-test-id spelling', () => {
    const document = new DOMParser().parseFromString(
      '<div data-test-id="issue.views.issue-base.foundation.breadcrumbs.breadcrumb-current-issue-container"><a href="/browse/SUP-142">SUP-142</a></div>',
      'text/html',
    );
    expect(jsm.ticketAnchor(document, 'SUP-142')?.getAttribute('data-test-id')).toContain('breadcrumb-current-issue-container');
  });

  it.each([
    ['another helpdesk', '<div id="ember123" class="ticket-pane"><table><tr class="item" data-id="42"><td>#42</td></tr></table></div>'],
    ['a Jira board', '<div data-testid="software-board.board"><div data-testid="platform-card.ui.card"><a href="/browse/WEB-1">WEB-1</a></div></div>'],
    ['an empty page', ''],
  ])('finds nothing in %s, without throwing or touching the document', (_name, markup) => {
    const document = new DOMParser().parseFromString(markup, 'text/html');
    const before = document.documentElement.outerHTML;
    expect(jsm.listRows(document)).toEqual([]);
    expect(jsm.ticketAnchor(document, 'WEB-1')).toBeUndefined();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
