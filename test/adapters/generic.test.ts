// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Settings } from 'luxon';
import { describe, expect, it } from 'vitest';
import { generic } from '../../lib/adapters/generic.ts';
import { parseGenericSiteOptions, type GenericSiteOptionsInput } from '../../lib/adapters/generic-settings.ts';
import { parseLocalTime } from '../../lib/adapters/local-time.ts';
import { adapters } from '../../lib/adapters/registry.ts';
import { NotRecognizedError, type HelpdeskSource, type SiteSettings } from '../../lib/adapters/types.ts';
import { SchemaError } from '../../lib/schema-error.ts';

function loadFixture(name: string): Document {
  // Not `new URL(…, import.meta.url)`: happy-dom's URL resolves against its page, not the file system.
  return new DOMParser().parseFromString(readFileSync(join(import.meta.dirname, '../fixtures/generic', name), 'utf8'), 'text/html');
}

const options: GenericSiteOptionsInput = {
  ticketUrlPattern: '^/tickets/(\\d+)',
  listUrlPattern: '^/queues/',
  timezone: 'America/Sao_Paulo',
  dateFormats: ['dd.MM.yyyy HH:mm', 'dd LLL yyyy, HH:mm'],
  fields: {
    subject: ['h1.ticket-subject'],
    status: ['.status'],
    createdAt: ['time.created'],
    requesterEmail: ['.requester a.email'],
    requesterName: ['.requester .name'],
    organization: ['.org'],
    priority: ['.priority'],
    tags: ['ul.tags li'],
    assignee: ['.assignee'],
    group: ['.team'],
    channel: ['.channel'],
  },
  statusMap: { escalated: 'open' },
  events: {
    item: ['ol.conversation > li.message'],
    time: ['time'],
    author: ['.who'],
    // The badge is inside the item, and the note's text also starts like an agent reply: internal must win.
    internal: { selector: ['.internal-badge'] },
    customer: { selector: ['.from-customer'] },
    agent: { text: '^Kai Novak' },
  },
  list: {
    row: ['table.queue tr.row'],
    fields: { subject: ['a.subject'], status: ['td.status'], priority: ['td.priority'], createdAt: ['td.created time'] },
  },
};
const site: SiteSettings = { origin: 'https://desk.example.com', helpdesk: 'generic', options };
const withOptions = (changes: Partial<GenericSiteOptionsInput>): SiteSettings => ({ ...site, options: { ...options, ...changes } });

function pageSource(document: Document, url: string, settings: SiteSettings | undefined = site): HelpdeskSource {
  return { origin: 'https://desk.example.com', getJson: () => Promise.reject(new Error('no JSON reads')), document, url: new URL(url), site: settings };
}

describe('generic adapter: URLs', () => {
  it('matches its test URLs with the right kind and id, only with settings', () => {
    expect(generic.testUrls.ticket.map((url) => generic.detectPage(new URL(url), site))).toEqual([
      { kind: 'ticket', ticketId: '1042' },
      { kind: 'ticket', ticketId: '77' },
    ]);
    expect(generic.testUrls.list.map((url) => generic.detectPage(new URL(url), site))).toEqual([{ kind: 'list' }]);
    for (const url of [...generic.testUrls.ticket, ...generic.testUrls.list]) expect(generic.detectPage(new URL(url))).toBeUndefined();
  });

  it('does not match other pages or other helpdesks', () => {
    const others = [
      'https://desk.example.com/settings/profile',
      'https://acme.zendesk.com/agent/tickets/42',
      'https://support.example.com/otrs/index.pl?Action=AgentTicketZoom;TicketID=123',
      'https://rt.example.com/Ticket/Display.html?id=5',
      'https://zammad.example.com/#ticket/zoom/123',
      ...adapters.filter((adapter) => adapter.id !== 'generic').flatMap((adapter) => [...adapter.testUrls.ticket, ...adapter.testUrls.list]),
    ];
    for (const url of others) expect(generic.detectPage(new URL(url), site), url).toBeUndefined();
  });

  it('is in the registry', () => {
    expect(adapters).toContain(generic);
  });
});

describe('generic adapter: reading a ticket page', () => {
  it('reads the configured fields and events, with times in the configured zone', async () => {
    // The setup makes Luxon's default zone Asia/Kathmandu (+05:45): a parse without the configured zone shows here.
    expect(Settings.defaultZone.name).toBe('Asia/Kathmandu');
    const ticket = await generic.readTicket(pageSource(loadFixture('ticket.html'), 'https://desk.example.com/tickets/1042'), '1042');
    expect(ticket).toEqual({
      id: '1042',
      helpdesk: 'generic',
      url: 'https://desk.example.com/tickets/1042',
      subject: 'VPN drops every 20 minutes',
      requester: { email: 'ana.lima@example.org', name: 'Ana Lima' },
      organization: 'Example Org',
      tags: ['vpn', 'enterprise'],
      priority: 'High',
      status: 'open',
      channel: 'email',
      assignee: 'Kai Novak',
      group: 'Network',
      // 09:15 in São Paulo (UTC-3); the month name parses in the configured locale, not the host's.
      createdAt: '2026-11-23T12:15:00.000Z',
      events: [
        { at: '2026-11-23T12:15:00.000Z', type: 'customer_message', author: 'Ana Lima' },
        { at: '2026-11-23T13:02:00.000Z', type: 'agent_reply', author: 'Kai Novak' },
        { at: '2026-11-23T13:05:00.000Z', type: 'internal_note', author: 'Kai Novak' },
        { at: '2026-11-24T11:30:00.000Z', type: 'customer_message', author: 'Ana Lima' },
      ],
      complete: true,
    });
  });

  it('follows the configured zone: the same page in Tokyo is 12 hours earlier', async () => {
    const source = pageSource(loadFixture('ticket.html'), 'https://desk.example.com/tickets/1042', withOptions({ timezone: 'Asia/Tokyo' }));
    expect((await generic.readTicket(source, '1042')).createdAt).toBe('2026-11-23T00:15:00.000Z');
  });

  it('marks the history incomplete without event selectors', async () => {
    const source = pageSource(loadFixture('ticket.html'), 'https://desk.example.com/tickets/1042', withOptions({ events: undefined }));
    const ticket = await generic.readTicket(source, '1042');
    expect([ticket.events, ticket.complete]).toEqual([[], false]);
  });

  it('rejects a status the map does not know, naming it', async () => {
    const source = pageSource(loadFixture('ticket.html'), 'https://desk.example.com/tickets/1042', withOptions({ statusMap: {} }));
    await expect(generic.readTicket(source, '1042')).rejects.toThrow(/status "Escalated"/);
  });

  it('needs the page', async () => {
    await expect(generic.readTicket({ origin: site.origin, getJson: () => Promise.resolve({}), site }, '1042')).rejects.toThrow(/needs the page/);
  });
});

describe('generic adapter: list pages', () => {
  it('finds rows by the link and the ticket URL pattern', () => {
    const document = loadFixture('list.html');
    const rows = generic.listRows(document, site);
    expect(rows.map((row) => row.ticketId)).toEqual(['1042', '77']);
    expect(rows[0]?.element).toBe(document.querySelector('tr[data-ticket-id="1042"]'));
  });

  it('finds rows by an id attribute or a href pattern', () => {
    const document = loadFixture('list.html');
    const byAttribute = withOptions({ list: { row: ['table.queue tr.row'], idAttribute: 'data-ticket-id' } });
    const byHref = withOptions({ list: { row: ['table.queue tr.row'], hrefPattern: '/tickets/(\\d+)' } });
    expect(generic.listRows(document, byAttribute).map((row) => row.ticketId)).toEqual(['1042', '77']);
    expect(generic.listRows(document, byHref).map((row) => row.ticketId)).toEqual(['1042', '77']);
  });

  it('reads the visible rows as estimates without history', async () => {
    const tickets = await generic.readTickets(pageSource(loadFixture('list.html'), 'https://desk.example.com/queues/support'), ['77', '1042', '5']);
    expect(tickets).toEqual([
      {
        id: '1042', helpdesk: 'generic', subject: 'VPN drops every 20 minutes', requester: { email: '' }, tags: [],
        priority: 'High', status: 'open', createdAt: '2026-11-23T12:15:00.000Z', events: [], complete: false,
      },
      {
        id: '77', helpdesk: 'generic', subject: 'Invoice copy', requester: { email: '' }, tags: [],
        priority: 'Low', status: 'solved', createdAt: '2026-11-01T20:40:00.000Z', events: [], complete: false,
      },
    ]);
  });

  it('puts the anchor on the configured element, or the subject', () => {
    const document = loadFixture('ticket.html');
    expect(generic.ticketAnchor(document, '1042', site)).toBe(document.querySelector('h1.ticket-subject'));
    expect(generic.ticketAnchor(document, '1042', withOptions({ ticketAnchor: ['.ticket-header'] }))).toBe(document.querySelector('.ticket-header'));
    expect(generic.ticketAnchor(document, '1042')).toBeUndefined();
  });
});

describe('generic adapter: unknown markup', () => {
  it('leaves a page it does not recognize untouched', async () => {
    const document = new DOMParser().parseFromString('<main><h2>Welcome</h2><ul><li><a href="/tickets/1">x</a></li></ul></main>', 'text/html');
    const before = document.documentElement.outerHTML;
    expect(generic.listRows(document, site)).toEqual([]);
    expect(generic.ticketAnchor(document, '1', site)).toBeUndefined();
    await expect(generic.readTicket(pageSource(document, 'https://desk.example.com/tickets/1'), '1')).rejects.toThrow(NotRecognizedError);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('generic adapter: settings', () => {
  const invalid: [string, Partial<GenericSiteOptionsInput> | Record<string, unknown>, RegExp][] = [
    ['an invalid regex', { ticketUrlPattern: '^/tickets/(\\d+' }, /ticketUrlPattern: invalid regular expression/],
    ['a pattern without the id group', { ticketUrlPattern: '^/tickets/\\d+' }, /ticketUrlPattern: expected 1 capture group, found 0/],
    ['an unknown zone', { timezone: 'Mars/Olympus_Mons' }, /timezone: expected an IANA time zone/],
    ['an invalid selector', { fields: { ...options.fields, subject: ['h1.ticket-subject', 'h1['] } }, /fields\.subject\[1\]: invalid CSS selector "h1\["/],
    ['a missing required selector', { fields: { subject: ['h1'], createdAt: ['time'] } }, /fields\.status: /],
    ['an invalid event text pattern', { events: { item: ['li'], time: ['time'], customer: { text: '(' } } }, /events\.customer\.text: invalid regular expression/],
    ['an empty event matcher', { events: { item: ['li'], time: ['time'], customer: {} } }, /events\.customer: expected a selector or a text pattern/],
    ['an unknown status', { statusMap: { Escalated: 'urgent' } }, /statusMap\.Escalated: /],
    ['a date format without the year', { dateFormats: ['dd.MM.yyyy HH:mm', "dd LLL 'at' HH:mm"] }, /dateFormats\[1\]: a date format must include the year/],
    ['an invalid list selector', { list: { row: ['tr..row'] } }, /list\.row\[0\]: invalid CSS selector/],
    ['a misspelled key', { ticketUrlPatern: 'x' }, /ticketUrlPatern/],
  ];
  it.each(invalid)('rejects %s, naming the field', (_what, changes, message) => {
    expect(() => parseGenericSiteOptions({ ...options, ...changes })).toThrow(SchemaError);
    expect(() => parseGenericSiteOptions({ ...options, ...changes })).toThrow(message);
  });

  it('accepts groups in patterns other than the ticket id', () => {
    expect(() => parseGenericSiteOptions({ ...options, listUrlPattern: '^/queues/(support|billing)' })).not.toThrow();
    expect(generic.detectPage(new URL('https://desk.example.com/queues/billing'), withOptions({ listUrlPattern: '^/queues/(support|billing)' }))).toEqual({ kind: 'list' });
  });

  it('accepts the test settings and fills the defaults', () => {
    const parsed = parseGenericSiteOptions({ ...options, dateFormats: undefined, locale: undefined });
    expect([parsed.dateFormats, parsed.locale, parsed.list?.link]).toEqual([[], 'en-US', ['a[href]']]);
  });

  it('reports invalid settings when reading, and stays quiet in page hooks', async () => {
    const broken = withOptions({ fields: { ...options.fields, status: ['[data-x='] } });
    const document = loadFixture('ticket.html');
    await expect(generic.readTicket(pageSource(document, 'https://desk.example.com/tickets/1042', broken), '1042')).rejects.toThrow(SchemaError);
    expect(generic.detectPage(new URL('https://desk.example.com/tickets/1042'), broken)).toBeUndefined();
    expect(generic.listRows(document, broken)).toEqual([]);
    expect(generic.ticketAnchor(document, '1042', broken)).toBeUndefined();
  });
});

describe('parseLocalTime', () => {
  const berlin = { timezone: 'Europe/Berlin', dateFormats: ['MM/dd/yyyy HH:mm'] };
  it('parses in the given zone, skipping leading words', () => {
    expect(parseLocalTime('11/23/2026 09:15', berlin)).toBe('2026-11-23T08:15:00.000Z');
    expect(parseLocalTime('in 2 h 30 m 11/23/2026 11:15', berlin)).toBe('2026-11-23T10:15:00.000Z');
  });
  it('lets a trailing zone name override the configured zone', () => {
    expect(parseLocalTime('11/23/2026 09:15 (America/New_York)', berlin)).toBe('2026-11-23T14:15:00.000Z');
  });
  it('accepts ISO and SQL forms, and keeps an explicit offset', () => {
    expect(parseLocalTime('2026-11-23 09:15:00', berlin)).toBe('2026-11-23T08:15:00.000Z');
    expect(parseLocalTime('2026-11-23T09:15:00+02:00', berlin)).toBe('2026-11-23T07:15:00.000Z');
  });
  it('returns undefined for text that is not a time, and never completes a bare time with today', () => {
    expect(parseLocalTime('yesterday', berlin)).toBeUndefined();
    expect(parseLocalTime('23/11/2026 09:12', berlin)).toBeUndefined();
    expect(parseLocalTime('at 09:12:30', berlin)).toBeUndefined();
    expect(parseLocalTime('', berlin)).toBeUndefined();
  });
});
