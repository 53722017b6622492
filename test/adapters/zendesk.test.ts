// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters, findAdapter } from '../../lib/adapters/registry.ts';
import type { HelpdeskSource, SiteSettings } from '../../lib/adapters/types.ts';
import { zendesk } from '../../lib/adapters/zendesk.ts';
import { SchemaError } from '../../lib/schema-error.ts';
import type { Ticket } from '../../lib/ticket.ts';

const origin = 'https://acme.zendesk.com';
const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/zendesk', name), 'utf8');
const json = (name: string): unknown => JSON.parse(fixture(name));
const page = (name: string) => new DOMParser().parseFromString(fixture(name), 'text/html');

/** Answers each path from `respond` (an Error rejects, like a non-2xx) and records every request. */
function fakeSource(respond: (path: string) => unknown, site?: SiteSettings) {
  const calls: string[] = [];
  const source: HelpdeskSource = {
    origin,
    site,
    getJson: (path) => {
      calls.push(path);
      const answer = respond(path);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
  return { source, calls };
}

/** Serves fixture JSON by exact path; any other path is a 404. */
const routes = (table: Record<string, unknown>) => (path: string) => (path in table ? table[path] : new Error(`404 Not Found: ${path}`));

const ticketPaths = {
  ticket: '/api/v2/tickets/4821.json?include=users,groups,organizations',
  audits1: '/api/v2/tickets/4821/audits.json?include=users',
  audits2: '/api/v2/tickets/4821/audits.json?include=users&page=2',
  fields: '/api/v2/ticket_fields.json',
};
const ticketRoutes = () => ({
  [ticketPaths.ticket]: json('ticket-4821.json'),
  [ticketPaths.audits1]: json('audits-4821-page-1.json'),
  [ticketPaths.audits2]: json('audits-4821-page-2.json'),
  [ticketPaths.fields]: json('ticket-fields.json'),
});

const dana = 'dana.whitfield@globex.example';
const priya = 'priya.raman@acme-support.example';

describe('zendesk URL matching', () => {
  it.each(zendesk.testUrls.ticket)('%s is ticket 4821', (url) => {
    expect(zendesk.detectPage(new URL(url))).toEqual({ kind: 'ticket', ticketId: '4821' });
    expect(findAdapter(new URL(url), [])?.adapter).toBe(zendesk);
  });

  it.each(zendesk.testUrls.list)('%s is a list', (url) => {
    expect(zendesk.detectPage(new URL(url))).toEqual({ kind: 'list' });
  });

  it.each([
    'https://acme.freshdesk.com/a/tickets/4821',
    'https://acme.freshdesk.com/a/tickets/filters/all_tickets',
    'https://acme.atlassian.net/browse/SUP-4821',
    'https://support.acme.example/#ticket/zoom/4821',
    'https://evil.example/agent/tickets/4821',
    'https://acme.zendesk.com.evil.example/agent/tickets/4821',
    'http://acme.zendesk.com/agent/tickets/4821',
  ])('%s (another helpdesk or host) is not a Zendesk page', (url) => {
    expect(zendesk.detectPage(new URL(url))).toBeUndefined();
  });

  it.each(adapters.filter((adapter) => adapter !== zendesk).flatMap((adapter) => [...adapter.testUrls.ticket, ...adapter.testUrls.list]))(
    "another registered adapter's test URL %s is not a Zendesk page",
    (url) => expect(zendesk.detectPage(new URL(url))).toBeUndefined(),
  );

  it.each([
    'https://acme.zendesk.com/',
    'https://acme.zendesk.com/agent/tickets/new/1',
    'https://acme.zendesk.com/agent/users/421398756012/requested_tickets/extra',
    'https://acme.zendesk.com/agent/filters/suspended',
    'https://acme.zendesk.com/agent/admin/ticket-fields',
    'https://acme.zendesk.com/hc/en-us/requests/4821',
    'https://acme.zendesk.com/agent/tickets4821',
  ])('%s (same host, not a ticket or list) is recognized as neither', (url) => {
    expect(zendesk.detectPage(new URL(url))).toBeUndefined();
  });

  it('with a configured site, matches that origin only', () => {
    const site: SiteSettings = { origin: 'https://help.acme.example', helpdesk: 'zendesk' };
    expect(zendesk.detectPage(new URL('https://help.acme.example/agent/tickets/7'), site)).toEqual({ kind: 'ticket', ticketId: '7' });
    expect(zendesk.detectPage(new URL('https://acme.zendesk.com/agent/tickets/7'), site)).toBeUndefined();
  });
});

describe('zendesk readTicket', () => {
  it('normalizes the ticket, its side-loads and the whole audit history', async () => {
    const { source, calls } = fakeSource(routes(ticketRoutes()));
    const expected: Ticket = {
      id: '4821',
      helpdesk: 'zendesk',
      url: 'https://acme.zendesk.com/agent/tickets/4821',
      subject: 'Export to CSV fails with HTTP 500 since v4.2',
      requester: { email: dana, name: 'Dana Whitfield' },
      organization: 'Globex Corporation',
      tags: ['csv_export', 'enterprise', 'plan_gold'],
      priority: 'urgent',
      status: 'pending',
      channel: 'email',
      assignee: 'Priya Raman',
      group: 'Tier 2 – Integrations',
      createdAt: '2026-11-23T08:12:04Z',
      updatedAt: '2026-11-24T16:40:51Z',
      events: [
        { at: '2026-11-23T08:12:04Z', type: 'customer_message', author: dana },
        { at: '2026-11-23T08:12:04Z', type: 'status_change', status: 'new', author: dana },
        { at: '2026-11-23T08:12:04Z', type: 'priority_change', priority: 'normal', author: dana },
        { at: '2026-11-23T09:47:30Z', type: 'internal_note', author: priya },
        { at: '2026-11-23T09:47:30Z', type: 'status_change', status: 'open', author: priya },
        { at: '2026-11-23T10:05:12Z', type: 'agent_reply', author: priya },
        { at: '2026-11-23T10:05:12Z', type: 'status_change', status: 'pending', author: priya },
        // A cc'd colleague of the requester is an end-user too: a customer message.
        { at: '2026-11-23T14:31:45Z', type: 'customer_message', author: 'lee.okafor@globex.example' },
        // Changed by a trigger (author -1, not a user).
        { at: '2026-11-23T14:31:47Z', type: 'status_change', status: 'open' },
        { at: '2026-11-23T15:02:10Z', type: 'agent_reply', author: 'marco.bianchi@acme-support.example' },
        { at: '2026-11-23T15:02:10Z', type: 'priority_change', priority: 'urgent', author: 'marco.bianchi@acme-support.example' },
        { at: '2026-11-24T16:40:51Z', type: 'agent_reply', author: priya },
        { at: '2026-11-24T16:40:51Z', type: 'status_change', status: 'pending', author: priya },
      ],
      complete: true,
      fields: {
        Plan: 'Gold', // the drop-down's tag is plan_gold
        Region: 'eu-west',
        'Total time spent (sec)': '5400',
        'Time spent last update (sec)': '1800',
        'Escalated to engineering': 'true',
        'Affected platforms': 'Windows, macOS',
      },
      timeSpentMinutes: 90,
    };
    expect(await zendesk.readTicket(source, '4821')).toEqual(expected);
    expect(calls.toSorted()).toEqual(Object.values(ticketPaths).toSorted());
  });

  it('marks the ticket incomplete when a later page of audits is missing', async () => {
    const table = { ...ticketRoutes(), [ticketPaths.audits2]: new Error('503 Service Unavailable') };
    const ticket = await zendesk.readTicket(fakeSource(routes(table)).source, '4821');
    expect(ticket.complete).toBe(false);
    expect(ticket.events.map((event) => event.type)).toEqual([
      ...['customer_message', 'status_change', 'priority_change', 'internal_note', 'status_change', 'agent_reply', 'status_change'],
    ]);
  });

  it('fails when the history cannot be read at all', async () => {
    const table = { ...ticketRoutes(), [ticketPaths.audits1]: new Error('429 Too Many Requests') };
    await expect(zendesk.readTicket(fakeSource(routes(table)).source, '4821')).rejects.toThrow('429');
  });

  it('reads time from the field configured in the site options instead of the Time Tracking title', async () => {
    const site: SiteSettings = { origin, helpdesk: 'zendesk', options: { timeSpentFieldId: '360028491235' } };
    expect((await zendesk.readTicket(fakeSource(routes(ticketRoutes()), site).source, '4821')).timeSpentMinutes).toBe(30);
  });

  it('leaves time spent out when no field records it', async () => {
    const fields = json('ticket-fields.json') as { ticket_fields: { title: string }[] };
    fields.ticket_fields = fields.ticket_fields.filter((field) => !field.title.startsWith('Total time'));
    const table = { ...ticketRoutes(), [ticketPaths.fields]: fields };
    const ticket = await zendesk.readTicket(fakeSource(routes(table)).source, '4821');
    expect(ticket.timeSpentMinutes).toBeUndefined();
    expect(ticket.fields?.['360028491234']).toBe('5400');
  });

  it('refuses ids that are not numbers without requesting anything', async () => {
    const { source, calls } = fakeSource(routes(ticketRoutes()));
    await expect(zendesk.readTicket(source, '4821?include=secrets')).rejects.toThrow('id is a number');
    expect(calls).toEqual([]);
  });
});

describe('zendesk readTickets', () => {
  it('reads a batch with show_many and derives what it can without comments', async () => {
    const showMany = '/api/v2/tickets/show_many.json?ids=4822,4823&include=users,groups,organizations';
    const { source, calls } = fakeSource(routes({ [showMany]: json('show-many-4822-4823.json'), [ticketPaths.fields]: json('ticket-fields.json') }));
    const expected: Ticket[] = [
      {
        id: '4822',
        helpdesk: 'zendesk',
        url: 'https://acme.zendesk.com/agent/tickets/4822',
        subject: 'How do I add a second billing contact?',
        requester: { email: 'ana.souza@initech.example', name: 'Ana Souza' },
        tags: ['billing'],
        status: 'new',
        channel: 'web',
        createdAt: '2026-11-23T11:58:20Z',
        updatedAt: '2026-11-23T11:58:21Z',
        events: [{ at: '2026-11-23T11:58:20Z', type: 'customer_message', author: 'ana.souza@initech.example' }],
        complete: false,
        fields: {},
      },
      {
        id: '4823',
        helpdesk: 'zendesk',
        url: 'https://acme.zendesk.com/agent/tickets/4823',
        subject: 'Renewal: confirm seat count for 2027',
        requester: { email: 'sam@umbrella.example', name: 'Sam Lindqvist' },
        organization: 'Umbrella Ltd',
        tags: ['renewal'],
        priority: 'low',
        status: 'on_hold',
        channel: 'api',
        assignee: 'Priya Raman',
        group: 'Account Management',
        createdAt: '2026-11-23T12:30:00Z',
        updatedAt: '2026-11-23T13:05:44Z',
        // Submitted by the agent (an outbound ticket), so the description is the agent's reply.
        events: [{ at: '2026-11-23T12:30:00Z', type: 'agent_reply', author: priya }],
        complete: false,
        fields: { Plan: 'Silver', 'Total time spent (sec)': '600' },
        timeSpentMinutes: 10,
      },
    ];
    expect(await zendesk.readTickets(source, ['4822', '4823', '4822'])).toEqual(expected);
    expect(calls.toSorted()).toEqual([showMany, ticketPaths.fields].toSorted());
  });

  it('asks for at most 100 ids per request', async () => {
    const ids = Array.from({ length: 250 }, (_, index) => String(5000 + index));
    const template = (json('show-many-4822-4823.json') as { tickets: object[] }).tickets[0];
    const { source, calls } = fakeSource((path) => {
      if (path === ticketPaths.fields) return json('ticket-fields.json');
      const requested = /^\/api\/v2\/tickets\/show_many\.json\?ids=([\d,]+)&include=users,groups,organizations$/.exec(path)?.[1];
      return requested ? { tickets: requested.split(',').map((id) => ({ ...template, id: Number(id) })) } : new Error(`404 ${path}`);
    });
    const tickets = await zendesk.readTickets(source, ids);
    const batches = calls.filter((path) => path.includes('show_many')).map((path) => /ids=([\d,]+)/.exec(path)?.[1]?.split(',') ?? []);
    expect(batches.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(ids);
    expect(tickets.map((ticket) => ticket.id)).toEqual(ids);
  });

  it('makes no request for no ids', async () => {
    const { source, calls } = fakeSource(routes({}));
    expect(await zendesk.readTickets(source, [])).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('zendesk JSON validation', () => {
  const readWith = (patch: (table: Record<string, unknown>) => void) => {
    const table: Record<string, unknown> = ticketRoutes();
    patch(table);
    return zendesk.readTicket(fakeSource(routes(table)).source, '4821');
  };

  it('names a ticket field with an unknown value', async () => {
    const error = await readWith((table) => {
      (table[ticketPaths.ticket] as { ticket: { status: string } }).ticket.status = 'archived';
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SchemaError);
    expect(String(error)).toMatch(/Zendesk ticket #4821.*ticket\.status/);
  });

  it('names a timestamp without an offset', async () => {
    const read = readWith((table) => {
      (table[ticketPaths.ticket] as { ticket: { created_at: string } }).ticket.created_at = '2026-11-23 08:12:04';
    });
    await expect(read).rejects.toThrow(/ticket\.created_at: expected an ISO-8601 instant/);
  });

  it('names a comment that does not say whether it is public', async () => {
    const read = readWith((table) => {
      const audits = table[ticketPaths.audits2] as { audits: { events: Record<string, unknown>[] }[] };
      delete audits.audits[0]?.events[0]?.public;
    });
    await expect(read).rejects.toThrow(/Zendesk audits \(page 2\).*audits\[0\]\.events\[0\]\.public/);
  });

  it('names a side-loaded user without a role', async () => {
    const read = readWith((table) => {
      delete (table[ticketPaths.audits1] as { users: Record<string, unknown>[] }).users[1]?.role;
    });
    await expect(read).rejects.toThrow(/users\[1\]\.role/);
  });
});

describe('zendesk listQueue', () => {
  it('follows the cursor pages of a view and returns its ticket ids in order', async () => {
    const first = '/api/v2/views/360001234567/tickets.json?page[size]=100';
    const second =
      '/api/v2/views/360001234567/tickets.json?page%5Bafter%5D=eyJvIjoibmljZV9pZCIsInYiOiJhUmNTQUFBQUFBQUEifQ%3D%3D&page%5Bsize%5D=100';
    const { source, calls } = fakeSource(routes({ [first]: json('view-360001234567-page-1.json'), [second]: json('view-360001234567-page-2.json') }));
    expect(await zendesk.listQueue?.(source, '360001234567')).toEqual(['4821', '4822', '4790']);
    // The last page still carries links.next; has_more: false is what ends the list.
    expect(calls).toEqual([first, second]);
  });

  it('refuses a view id that is not a number', async () => {
    await expect(zendesk.listQueue?.(fakeSource(routes({})).source, 'suspended')).rejects.toThrow('id is a number');
  });
});

describe('zendesk DOM hooks', () => {
  it('finds each ticket row of a view, by link or by id cell, skipping group headers', () => {
    const rows = zendesk.listRows(page('list-page.html'));
    expect(rows.map((row) => row.ticketId)).toEqual(['4821', '4790', '4802']);
    expect(rows.every((row) => row.element.matches('tr[data-test-id="generic-table-row"]'))).toBe(true);
  });

  it('finds rows in the views table of 2021–2023', () => {
    const legacy = new DOMParser().parseFromString(
      '<table data-onboarding-id="table_main"><tbody><tr><td><a href="/agent/tickets/311">Old</a></td></tr></tbody></table>',
      'text/html',
    );
    expect(zendesk.listRows(legacy).map((row) => row.ticketId)).toEqual(['311']);
  });

  it("anchors the strip in the header of the ticket's own pane, not in another open tab", () => {
    const document = page('ticket-page.html');
    const anchor = zendesk.ticketAnchor(document, '4821');
    expect(anchor?.textContent).toBe('Via email');
    expect(anchor?.closest('[data-side-conversations-anchor-id]')?.getAttribute('data-side-conversations-anchor-id')).toBe('4821');
    expect(zendesk.ticketAnchor(document, '4790')?.textContent).toBe('Via Web form');
    expect(zendesk.ticketAnchor(document, '9999')).toBeUndefined();
    expect(zendesk.ticketAnchor(document, '4821"], body, [x="')).toBeUndefined();
  });

  it('finds the header of the ticket pane from before Agent Workspace', () => {
    const legacy = new DOMParser().parseFromString(
      '<div data-side-conversations-anchor-id="77"><div class="pane_header"><span class="round-avatar"></span></div></div>',
      'text/html',
    );
    expect(zendesk.ticketAnchor(legacy, '77')?.className).toBe('pane_header');
  });

  it('yields nothing on unknown markup, without throwing or touching the page', () => {
    for (const document of [page('ticket-page.html'), new DOMParser().parseFromString('<main><table><tr><td>4821</td></tr></table></main>', 'text/html')]) {
      const before = document.documentElement.outerHTML;
      expect(zendesk.listRows(document)).toEqual([]);
      expect(zendesk.ticketAnchor(document, '1234')).toBeUndefined();
      expect(document.documentElement.outerHTML).toBe(before);
    }
    expect(zendesk.ticketAnchor(page('list-page.html'), '4821')).toBeUndefined();
  });
});
