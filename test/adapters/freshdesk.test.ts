// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshdesk } from '../../lib/adapters/freshdesk.ts';
import { adapters, findAdapter } from '../../lib/adapters/registry.ts';
import type { HelpdeskSource, SiteSettings } from '../../lib/adapters/types.ts';
import { SchemaError } from '../../lib/schema-error.ts';
import type { Ticket } from '../../lib/ticket.ts';

const origin = 'https://acme.freshdesk.com';
const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/freshdesk', name), 'utf8');
const json = (name: string): unknown => JSON.parse(fixture(name));
const page = (name: string) => new DOMParser().parseFromString(fixture(name), 'text/html');
const markup = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Answers each path from `table` (an Error or a missing path rejects, like a non-2xx) and records every request. */
function fakeSource(table: Record<string, unknown>, site?: SiteSettings) {
  const calls: string[] = [];
  const source: HelpdeskSource = {
    origin,
    site,
    getJson: (path) => {
      calls.push(path);
      const answer = path in table ? table[path] : new Error(`404 Not Found: ${path}`);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
  return { source, calls };
}

const paths = {
  ticket: (id: number) => `/api/v2/tickets/${id}?include=requester,company,stats,conversations`,
  timeEntries: (id: number) => `/api/v2/tickets/${id}/time_entries`,
  conversations: '/api/v2/tickets/1042/conversations?per_page=100&page=1',
  fields: '/api/v2/ticket_fields',
  agent: '/api/v2/agents/43000982214',
  group: '/api/v2/groups/43000623702',
};
const accountRoutes = () => ({
  [paths.fields]: json('ticket-fields.json'),
  [paths.agent]: json('agent-43000982214.json'),
  [paths.group]: json('group-43000623702.json'),
});
const ticketRoutes = () => ({
  ...accountRoutes(),
  [paths.ticket(1042)]: json('ticket-1042.json'),
  [paths.timeEntries(1042)]: json('time-entries-1042.json'),
  [paths.conversations]: json('conversations-1042-page-1.json'),
});

const jonas = 'jonas.weber@initrode.example';
const noor = 'noor.haddad@acme-support.example';

describe('freshdesk URL matching', () => {
  it.each(freshdesk.testUrls.ticket)('%s is ticket 1042', (url) => {
    expect(freshdesk.detectPage(new URL(url))).toEqual({ kind: 'ticket', ticketId: '1042' });
    expect(findAdapter(new URL(url), [])?.adapter).toBe(freshdesk);
  });

  it.each(freshdesk.testUrls.list)('%s is a list', (url) => {
    expect(freshdesk.detectPage(new URL(url))).toEqual({ kind: 'list' });
  });

  it.each([
    'https://acme.zendesk.com/agent/tickets/1042',
    'https://acme.zendesk.com/agent/filters/360001234567',
    'https://acme.freshservice.com/a/tickets/1042',
    'https://acme.atlassian.net/browse/SUP-1042',
    'https://freshdesk.com.evil.example/a/tickets/1042',
    'http://acme.freshdesk.com/a/tickets/1042',
  ])('%s (another helpdesk or host) is not a Freshdesk page', (url) => {
    expect(freshdesk.detectPage(new URL(url))).toBeUndefined();
  });

  it.each(adapters.filter((adapter) => adapter !== freshdesk).flatMap((adapter) => [...adapter.testUrls.ticket, ...adapter.testUrls.list]))(
    "another registered adapter's test URL %s is not a Freshdesk page",
    (url) => expect(freshdesk.detectPage(new URL(url))).toBeUndefined(),
  );

  it.each([
    'https://acme.freshdesk.com/a/dashboard/default',
    'https://acme.freshdesk.com/a/tickets/new',
    'https://acme.freshdesk.com/a/contacts/43021458876',
    'https://acme.freshdesk.com/support/tickets/1042',
    'https://acme.freshdesk.com/helpdesk/tickets/1042.json',
    'https://acme.freshdesk.com/a/solutions',
  ])('%s (same host, not a ticket or list) is recognized as neither', (url) => {
    expect(freshdesk.detectPage(new URL(url))).toBeUndefined();
  });

  it('matches a custom domain configured as a site, and only that origin', () => {
    const site: SiteSettings = { origin: 'https://support.initrode.example', helpdesk: 'freshdesk' };
    expect(freshdesk.detectPage(new URL('https://support.initrode.example/a/tickets/7'), site)).toEqual({ kind: 'ticket', ticketId: '7' });
    expect(findAdapter(new URL('https://support.initrode.example/a/tickets/7'), [site])?.adapter).toBe(freshdesk);
    expect(freshdesk.detectPage(new URL('https://acme.freshdesk.com/a/tickets/7'), site)).toBeUndefined();
  });
});

describe('freshdesk readTicket', () => {
  const expected1042: Ticket = {
    id: '1042',
    helpdesk: 'freshdesk',
    url: 'https://acme.freshdesk.com/a/tickets/1042',
    subject: 'SAML login fails for users in the EU region',
    requester: { email: jonas, name: 'Jonas Weber' },
    organization: 'Initrode GmbH',
    tags: ['sso', 'saml'],
    priority: 'high',
    status: 'pending',
    channel: 'email',
    assignee: 'Noor Haddad',
    group: 'L2 Identity',
    createdAt: '2026-11-23T07:30:12Z',
    updatedAt: '2026-11-24T12:05:40Z',
    events: [
      { at: '2026-11-23T07:30:12Z', type: 'customer_message', author: jonas }, // the description
      { at: '2026-11-23T08:02:44Z', type: 'agent_reply', author: noor },
      { at: '2026-11-23T08:45:10Z', type: 'customer_message', author: jonas },
      { at: '2026-11-23T09:10:00Z', type: 'internal_note', author: noor },
      { at: '2026-11-23T09:12:30Z', type: 'internal_note', author: noor }, // a forward to the IdP vendor
      { at: '2026-11-23T11:20:05Z', type: 'internal_note', author: 'escalations@idp-vendor.example' }, // the vendor's answer
      { at: '2026-11-23T11:31:00Z', type: 'agent_reply' }, // a public note by another agent
      { at: '2026-11-23T14:02:19Z', type: 'customer_message', author: 'mira.klein@initrode.example' }, // a cc'd colleague
      { at: '2026-11-23T15:40:00Z', type: 'agent_reply', author: noor },
      { at: '2026-11-24T08:15:33Z', type: 'customer_message', author: jonas },
      { at: '2026-11-24T09:00:00Z', type: 'internal_note', author: noor },
      { at: '2026-11-24T12:05:40Z', type: 'agent_reply', author: noor }, // the eleventh conversation, past the included ten
      { at: '2026-11-24T12:05:40Z', type: 'status_change', status: 'pending' },
    ],
    // Every conversation was read, but the status changed and Freshdesk keeps no status history.
    complete: false,
    fields: { Plan: 'Gold', Region: 'EU', 'Escalated to L3': 'true', Seats: '250' },
    timeSpentMinutes: 135,
  };

  it('normalizes the ticket, all its conversations and its time entries', async () => {
    const { source, calls } = fakeSource(ticketRoutes());
    expect(await freshdesk.readTicket(source, '1042')).toEqual(expected1042);
    const expectedCalls = [paths.ticket(1042), paths.timeEntries(1042), paths.conversations, paths.fields, paths.agent, paths.group];
    expect(calls.toSorted()).toEqual(expectedCalls.toSorted());
  });

  it('is complete when every conversation was read and the status never changed', async () => {
    const ticket = json('ticket-1042.json') as { stats: { status_updated_at: string } };
    ticket.stats.status_updated_at = '2026-11-23T07:30:12Z';
    const read = await freshdesk.readTicket(fakeSource({ ...ticketRoutes(), [paths.ticket(1042)]: ticket }).source, '1042');
    expect(read.complete).toBe(true);
    expect(read.events.filter((event) => event.type === 'status_change')).toEqual([]);
  });

  it('keeps the included ten conversations, marked incomplete, when the full list cannot be read', async () => {
    const ticket = json('ticket-1042.json') as { stats: { status_updated_at: string } };
    ticket.stats.status_updated_at = '2026-11-23T07:30:12Z';
    const table = { ...ticketRoutes(), [paths.ticket(1042)]: ticket, [paths.conversations]: new Error('429 Too Many Requests') };
    const read = await freshdesk.readTicket(fakeSource(table).source, '1042');
    expect(read.complete).toBe(false);
    expect(read.events.map((event) => event.at)).toEqual(expected1042.events.slice(0, 11).map((event) => event.at));
  });

  it('reads a short ticket in one ticket request, and goes without the time a plan does not track', async () => {
    const { source, calls } = fakeSource({ ...accountRoutes(), [paths.ticket(1043)]: json('ticket-1043.json') });
    const ines = 'ines@vandelay.example';
    const expected: Ticket = {
      id: '1043',
      helpdesk: 'freshdesk',
      url: 'https://acme.freshdesk.com/a/tickets/1043',
      subject: 'Invoice shows the wrong VAT number',
      requester: { email: ines, name: 'Inês Duarte' },
      tags: [],
      priority: 'low',
      status: 'open',
      channel: 'portal',
      createdAt: '2026-11-24T10:00:00Z',
      updatedAt: '2026-11-24T10:30:41Z',
      events: [
        { at: '2026-11-24T10:00:00Z', type: 'customer_message', author: ines },
        { at: '2026-11-24T10:30:41Z', type: 'customer_message', author: ines },
      ],
      complete: true,
      fields: { Plan: 'Silver', 'Escalated to L3': 'false' },
    };
    expect(await freshdesk.readTicket(source, '1043')).toEqual(expected);
    expect(calls.toSorted()).toEqual([paths.ticket(1043), paths.timeEntries(1043), paths.fields].toSorted());
  });

  it('keys custom fields by name when their labels cannot be read', async () => {
    const table = { ...ticketRoutes(), [paths.fields]: new Error('403 Forbidden') };
    expect((await freshdesk.readTicket(fakeSource(table).source, '1042')).fields).toEqual({ cf_plan: 'Gold', cf_region: 'EU', cf_escalated: 'true', cf_seats: '250' });
  });

  it.each([
    [2, 'open'],
    [3, 'pending'],
    [4, 'solved'],
    [5, 'closed'],
    [6, 'pending'], // "Waiting on customer", a custom status every account starts with
    [7, 'on_hold'], // "Waiting on third party", likewise
    [8, 'on_hold'], // any other custom status
  ])('maps status %i to %s', async (code, status) => {
    const ticket = json('ticket-1042.json') as { status: number };
    ticket.status = code;
    expect((await freshdesk.readTicket(fakeSource({ ...ticketRoutes(), [paths.ticket(1042)]: ticket }).source, '1042')).status).toBe(status);
  });

  it('maps custom statuses as the site options say', async () => {
    const ticket = json('ticket-1042.json') as { status: number };
    ticket.status = 8;
    const site: SiteSettings = { origin, helpdesk: 'freshdesk', options: { customStatuses: { '8': 'pending' } } };
    expect((await freshdesk.readTicket(fakeSource({ ...ticketRoutes(), [paths.ticket(1042)]: ticket }, site).source, '1042')).status).toBe('pending');
  });

  it('names a site option that is not a ticket status', async () => {
    const site: SiteSettings = { origin, helpdesk: 'freshdesk', options: { customStatuses: { '8': 'waiting' } } };
    await expect(freshdesk.readTicket(fakeSource(ticketRoutes(), site).source, '1042')).rejects.toThrow(/Freshdesk site options: customStatuses\.8/);
  });

  it('refuses ids that are not numbers without requesting anything', async () => {
    const { source, calls } = fakeSource(ticketRoutes());
    await expect(freshdesk.readTicket(source, '../contacts/1')).rejects.toThrow('id is a number');
    expect(calls).toEqual([]);
  });
});

describe('freshdesk readTickets', () => {
  it('reads each ticket once with its first conversations, and each agent, group and the field list once', async () => {
    const table = {
      ...accountRoutes(),
      [paths.ticket(1042)]: json('ticket-1042.json'),
      [paths.ticket(1043)]: json('ticket-1043.json'),
      [paths.ticket(1044)]: json('ticket-1044.json'),
    };
    const { source, calls } = fakeSource(table);
    const tickets = await freshdesk.readTickets(source, ['1042', '1043', '1044', '1042']);
    expect(calls.toSorted()).toEqual([paths.ticket(1042), paths.ticket(1043), paths.ticket(1044), paths.fields, paths.agent, paths.group].toSorted());
    expect(tickets.map((ticket) => [ticket.id, ticket.complete, ticket.events.length, ticket.timeSpentMinutes])).toEqual([
      ['1042', false, 12, undefined], // the description, the included ten conversations, the status
      ['1043', false, 2, undefined],
      ['1044', false, 2, undefined],
    ]);
    const expected1044: Ticket = {
      id: '1044',
      helpdesk: 'freshdesk',
      url: 'https://acme.freshdesk.com/a/tickets/1044',
      subject: 'Your SSO certificate expires on 1 December',
      requester: { email: jonas, name: 'Jonas Weber' },
      organization: 'Initrode GmbH',
      tags: ['certificate'],
      priority: 'medium',
      status: 'on_hold',
      channel: 'email',
      assignee: 'Noor Haddad',
      group: 'L2 Identity',
      createdAt: '2026-11-24T13:00:00Z',
      updatedAt: '2026-11-24T13:00:02Z',
      events: [
        // An outbound email: the agent wrote first.
        { at: '2026-11-24T13:00:00Z', type: 'agent_reply', author: noor },
        { at: '2026-11-24T13:00:02Z', type: 'status_change', status: 'on_hold' },
      ],
      complete: false,
      fields: { Plan: 'Gold', Region: 'EU', 'Contract ID': 'C-2024-118', 'Escalated to L3': 'false', Seats: '250' },
    };
    expect(tickets[2]).toEqual(expected1044);
  });

  it('makes no request for no ids', async () => {
    const { source, calls } = fakeSource({});
    expect(await freshdesk.readTickets(source, [])).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('freshdesk JSON validation', () => {
  const readWith = (patch: (table: Record<string, unknown>) => void) => {
    const table: Record<string, unknown> = ticketRoutes();
    patch(table);
    return freshdesk.readTicket(fakeSource(table).source, '1042');
  };

  it('names a ticket field of the wrong type', async () => {
    const error = await readWith((table) => {
      (table[paths.ticket(1042)] as { status: unknown }).status = 'Pending';
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SchemaError);
    expect(String(error)).toMatch(/Freshdesk ticket #1042: status: .*expected number/);
  });

  it('names a conversation that does not say where it came from', async () => {
    const read = readWith((table) => {
      delete (table[paths.conversations] as Record<string, unknown>[])[3]?.incoming;
    });
    await expect(read).rejects.toThrow(/Freshdesk conversations of #1042 \(page 1\).*\[3\]\.incoming/);
  });

  it('names a time entry that is not "hh:mm"', async () => {
    const read = readWith((table) => {
      (table[paths.timeEntries(1042)] as { time_spent: string }[])[1]!.time_spent = '45';
    });
    await expect(read).rejects.toThrow(/Freshdesk time entries: \[1\]\.time_spent: expected "hh:mm"/);
  });
});

describe('freshdesk DOM hooks', () => {
  it('finds the rows of the table view', () => {
    const rows = freshdesk.listRows(page('list-page-table.html'));
    expect(rows.map((row) => row.ticketId)).toEqual(['1044', '1043', '1042']);
    expect(rows.every((row) => row.element.tagName === 'TR')).toBe(true);
  });

  it('finds the cards of the card view by whichever id hook a card has, skipping cards that are not tickets', () => {
    const rows = freshdesk.listRows(page('list-page-cards.html'));
    expect(rows.map((row) => row.ticketId)).toEqual(['1042', '1039']);
    expect(rows.every((row) => row.element.classList.contains('tickets__list'))).toBe(true);
  });

  it('anchors the strip in the action bar of the ticket the page shows, and nowhere else', () => {
    const document = page('ticket-page.html');
    expect(freshdesk.ticketAnchor(document, '1042')?.className).toBe('page-actions__left');
    expect(freshdesk.ticketAnchor(document, '1043')).toBeUndefined();
    expect(freshdesk.ticketAnchor(page('list-page-table.html'), '1042')).toBeUndefined();
  });

  it('anchors on the legacy /helpdesk ticket page', () => {
    const legacy = markup('<div id="Pagearea"><span id="ticket-display-id">#77</span><h2 class="subject">Printer on fire</h2></div>');
    expect(freshdesk.ticketAnchor(legacy, '77')?.tagName).toBe('H2');
  });

  it('yields nothing on unknown markup, without throwing or touching the page', () => {
    const unknown = markup('<main class="portal"><h1>#1042 SAML login fails</h1><a href="/support/tickets/1042">View</a></main>');
    for (const document of [unknown, page('ticket-page.html')]) {
      const before = document.documentElement.outerHTML;
      expect(freshdesk.listRows(document)).toEqual([]);
      expect(freshdesk.ticketAnchor(document, '1041')).toBeUndefined();
      expect(document.documentElement.outerHTML).toBe(before);
    }
  });
});
