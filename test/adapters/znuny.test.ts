// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Settings } from 'luxon';
import { describe, expect, it } from 'vitest';
import { adapters, findAdapter } from '../../lib/adapters/registry.ts';
import { NotRecognizedError, type HelpdeskSource, type SiteSettings } from '../../lib/adapters/types.ts';
import { znuny } from '../../lib/adapters/znuny.ts';
import { SchemaError } from '../../lib/schema-error.ts';

function loadFixture(name: string): Document {
  // Not `new URL(…, import.meta.url)`: happy-dom's URL resolves against its page, not the file system.
  return new DOMParser().parseFromString(readFileSync(join(import.meta.dirname, '../fixtures/znuny', name), 'utf8'), 'text/html');
}

const berlinSite: SiteSettings = { origin: 'https://support.example.com', helpdesk: 'znuny', options: { timezone: 'Europe/Berlin' } };

function pageSource(document: Document | undefined, url: string, site?: SiteSettings): HelpdeskSource {
  const page = new URL(url);
  return { origin: page.origin, getJson: () => Promise.reject(new Error('no JSON reads')), document, url: page, site };
}

describe('Znuny adapter: URLs', () => {
  it('matches its test URLs with the right kind and id, on any base path and with ; or & separators', () => {
    expect(znuny.testUrls.ticket.map((url) => znuny.detectPage(new URL(url)))).toEqual([
      { kind: 'ticket', ticketId: '4711' },
      { kind: 'ticket', ticketId: '88' },
      { kind: 'ticket', ticketId: '12' },
    ]);
    for (const url of znuny.testUrls.list) expect(znuny.detectPage(new URL(url)), url).toEqual({ kind: 'list' });
  });

  it('does not match other Znuny pages or other helpdesks', () => {
    const others = [
      'https://support.example.com/otrs/index.pl?Action=AgentDashboard',
      'https://support.example.com/otrs/index.pl?Action=AgentTicketSearch', // the search form, not results
      'https://support.example.com/otrs/index.pl?Action=AgentTicketZoom', // no ticket
      'https://support.example.com/otrs/index.pl?Action=AgentTicketZoom;TicketID=12abc',
      'https://support.example.com/otrs/customer.pl?Action=CustomerTicketZoom;TicketNumber=2026112310000071',
      'https://support.example.com/otrs/index.pl.bak?Action=AgentTicketZoom;TicketID=1',
      'https://acme.zendesk.com/agent/tickets/42',
      'https://acme.freshdesk.com/a/tickets/42',
      'https://acme.atlassian.net/jira/servicedesk/projects/IT/queues/custom/1/IT-42',
      'https://zammad.example.com/#ticket/zoom/123',
      'https://rt.example.com/Ticket/Display.html?id=5',
      ...adapters.filter((adapter) => adapter.id !== 'znuny').flatMap((adapter) => [...adapter.testUrls.ticket, ...adapter.testUrls.list]),
    ];
    for (const url of others) expect(znuny.detectPage(new URL(url)), url).toBeUndefined();
  });

  it('is found by the registry for a configured site', () => {
    const match = findAdapter(new URL('https://support.example.com/otrs/index.pl?Action=AgentTicketZoom;TicketID=4711'), [berlinSite]);
    expect([match?.adapter, match?.page]).toEqual([znuny, { kind: 'ticket', ticketId: '4711' }]);
    expect(znuny.hosting).toBe('self-hosted');
    expect([znuny.matches, znuny.readsWithoutPage]).toEqual([[], false]);
  });
});

describe('Znuny adapter: ticket zoom', () => {
  it('reads a Znuny 6 / OTRS 6 zoom page, with times in the configured zone', async () => {
    // The setup makes Luxon's default zone Asia/Kathmandu (+05:45): a parse without the configured zone shows here.
    expect(Settings.defaultZone.name).toBe('Asia/Kathmandu');
    const source = pageSource(loadFixture('ticket-zoom-znuny6.html'), 'https://support.example.com/otrs/index.pl?Action=AgentTicketZoom;TicketID=4711', berlinSite);
    expect(await znuny.readTicket(source, '4711')).toEqual({
      id: '4711',
      helpdesk: 'znuny',
      url: 'https://support.example.com/otrs/index.pl?Action=AgentTicketZoom;TicketID=4711',
      subject: 'Printer on floor 3 prints blank pages — again',
      requester: { email: 'ana.lima@northwind.example', name: 'Ana Lima' },
      organization: 'NORTHWIND',
      tags: [],
      priority: '4 high',
      status: 'pending',
      channel: 'email',
      assignee: 'Kai Novak',
      group: 'Support::Hardware',
      // 09:12 in Berlin (UTC+1 in November).
      createdAt: '2026-11-23T08:12:00.000Z',
      // The system auto-reply (article 2) is nobody's reply and is left out.
      events: [
        { at: '2026-11-23T08:12:00.000Z', type: 'customer_message', author: 'Ana Lima' },
        { at: '2026-11-23T08:40:00.000Z', type: 'internal_note', author: 'Kai Novak' },
        { at: '2026-11-23T09:05:00.000Z', type: 'agent_reply', author: 'Kai Novak via Example Support' },
        { at: '2026-11-24T07:30:00.000Z', type: 'customer_message', author: 'Ana Lima' },
      ],
      complete: true,
      fields: {
        TicketNumber: '2026112310000071',
        Type: 'Incident',
        Service: 'Printing',
        SLA: 'Gold',
        UpdateTimeDestinationDate: '2026-11-24T11:30:00.000Z',
        SolutionTimeDestinationDate: '2026-11-25T08:12:00.000Z',
      },
    });
  });

  it('reads a Znuny 7 zoom page, in the zone Znuny appends, before the customer widget has loaded', async () => {
    // No site settings: the default zone (UTC) would be wrong, but every time names America/New_York.
    const source = pageSource(loadFixture('ticket-zoom-znuny7.html'), 'https://helpdesk.example.org/znuny/index.pl?Action=AgentTicketZoom&TicketID=88&ArticleID=301');
    expect(await znuny.readTicket(source, '88')).toEqual({
      id: '88',
      helpdesk: 'znuny',
      url: 'https://helpdesk.example.org/znuny/index.pl?Action=AgentTicketZoom;TicketID=88',
      subject: 'Cannot log in to the portal',
      // From the first customer article, as the customer information widget is still loading.
      requester: { email: 'bo.chen@contoso.example', name: 'Bo Chen' },
      organization: 'contoso',
      tags: [],
      priority: '3 normal',
      status: 'new',
      channel: 'email',
      assignee: 'Admin Znuny',
      group: 'Raw',
      // 08:30 in New York (UTC-5 in November).
      createdAt: '2026-11-24T13:30:00.000Z',
      events: [
        { at: '2026-11-24T13:30:00.000Z', type: 'customer_message', author: 'Bo Chen' },
        { at: '2026-11-24T13:45:00.000Z', type: 'internal_note', author: 'Admin Znuny' },
      ],
      complete: true,
      fields: { TicketNumber: '2026112410000012', Type: 'Unclassified', FirstResponseTimeDestinationDate: '2026-11-24T15:30:00.000Z' },
    });
  });

  it('follows the configured zone: the Znuny 6 page read as Tokyo time is 8 hours earlier', async () => {
    const tokyo: SiteSettings = { ...berlinSite, options: { timezone: 'Asia/Tokyo' } };
    const source = pageSource(loadFixture('ticket-zoom-znuny6.html'), 'https://support.example.com/otrs/index.pl?Action=AgentTicketZoom;TicketID=4711', tokyo);
    expect((await znuny.readTicket(source, '4711')).createdAt).toBe('2026-11-23T00:12:00.000Z');
  });

  it('marks the history incomplete when the articles are paginated or filtered', async () => {
    const url = 'https://helpdesk.example.org/znuny/index.pl?Action=AgentTicketZoom;TicketID=88';
    // As rendered by the ArticlePages block of AgentTicketZoom.tt and its ArticleFilterResetLink block.
    const paginated = loadFixture('ticket-zoom-znuny7.html');
    paginated.querySelector('.AdditionalInformation.ControlRow')?.insertAdjacentHTML('beforeend',
      '<div class="ArticlePages Icons"><a href="index.pl?Action=AgentTicketZoom;TicketID=88;ArticlePage=1" data-page="1" class="Active">1</a><a href="index.pl?Action=AgentTicketZoom;TicketID=88;ArticlePage=2" data-page="2">2</a></div>');
    const filtered = loadFixture('ticket-zoom-znuny7.html');
    filtered.querySelector('.WidgetAction.ArticleFilter')?.insertAdjacentHTML('beforeend', '<a class="icon-hover" id="ResetArticleFilter" href="#" title="Reset Filter"><i class="fa fa-times"></i></a>');
    expect((await znuny.readTicket(pageSource(paginated, url), '88')).complete).toBe(false);
    expect((await znuny.readTicket(pageSource(filtered, url), '88')).complete).toBe(false);
  });

  it('puts the anchor in the ticket header', () => {
    const znuny6 = loadFixture('ticket-zoom-znuny6.html');
    const znuny7 = loadFixture('ticket-zoom-znuny7.html');
    expect(znuny.ticketAnchor(znuny6, '4711')).toBe(znuny6.querySelector('.TicketZoom > .Headline'));
    expect(znuny.ticketAnchor(znuny7, '88')).toBe(znuny7.querySelector('.ticketHeaderActions'));
  });

  it('needs the page, and the page of that ticket', async () => {
    const url = 'https://support.example.com/otrs/index.pl?Action=AgentTicketZoom;TicketID=4711';
    await expect(znuny.readTicket(pageSource(undefined, url, berlinSite), '4711')).rejects.toThrow('Znuny needs the page');
    await expect(znuny.readTicket(pageSource(loadFixture('ticket-zoom-znuny6.html'), url, berlinSite), '88')).rejects.toThrow(/shows Znuny ticket 4711, not 88/);
  });

  it('rejects invalid site settings, naming the field', async () => {
    const mars: SiteSettings = { ...berlinSite, options: { timezone: 'Mars/Olympus_Mons' } };
    const reading = znuny.readTicket(pageSource(loadFixture('ticket-zoom-znuny6.html'), 'https://support.example.com/otrs/index.pl?Action=AgentTicketZoom;TicketID=4711', mars), '4711');
    await expect(reading).rejects.toThrow(SchemaError);
    await expect(reading).rejects.toThrow(/timezone: expected an IANA time zone/);
  });
});

describe('Znuny adapter: ticket overviews', () => {
  const queueUrl = 'https://support.example.com/otrs/index.pl?Action=AgentTicketQueue;QueueID=3;View=Small';

  it('finds the rows and their ticket ids', () => {
    const document = loadFixture('ticket-overview-small.html');
    const rows = znuny.listRows(document);
    expect(rows.map((row) => row.ticketId)).toEqual(['4711', '88', '90']);
    expect(rows[0]?.element).toBe(document.getElementById('TicketID_4711'));
  });

  it('reads the requested rows as estimates without history', async () => {
    const tickets = await znuny.readTickets(pageSource(loadFixture('ticket-overview-small.html'), queueUrl, berlinSite), ['90', '4711', '5']);
    expect(tickets).toEqual([
      {
        id: '4711', helpdesk: 'znuny', subject: 'Printer on floor 3 prints blank pages — again', requester: { email: '' },
        organization: 'NORTHWIND', tags: [], priority: '4 high', status: 'pending', assignee: 'Kai Novak', group: 'Support::Hardware',
        createdAt: '2026-11-23T08:12:00.000Z', events: [], complete: false, fields: { TicketNumber: '2026112310000071' },
      },
      {
        id: '90', helpdesk: 'znuny', subject: 'Invoice copy', requester: { email: '' },
        organization: 'NORTHWIND', tags: [], priority: '2 low', status: 'closed', assignee: 'Kai Novak', group: 'Billing',
        // 08:05 in Berlin on 2 November: winter time (UTC+1) already.
        createdAt: '2026-11-02T07:05:00.000Z', events: [], complete: false, fields: { TicketNumber: '2026110210000044' },
      },
    ]);
  });

  it('skips rows without a Created column (Age alone would need the clock)', async () => {
    const document = loadFixture('ticket-overview-small.html');
    const column = [...document.querySelectorAll('thead th')].findIndex((th) => th.classList.contains('Created'));
    for (const row of document.querySelectorAll('tr')) row.children[column]?.remove();
    expect(await znuny.readTickets(pageSource(document, queueUrl, berlinSite), ['4711'])).toEqual([]);
    expect(znuny.listRows(document)).toHaveLength(3);
  });

  it('needs the page', async () => {
    await expect(znuny.readTickets(pageSource(undefined, queueUrl), ['4711'])).rejects.toThrow('Znuny needs the page');
  });
});

describe('Znuny adapter: unknown markup', () => {
  it('leaves a page it does not recognize untouched', async () => {
    const document = new DOMParser().parseFromString(
      '<div class="MainBox ARIARoleMain"><h1>Dashboard</h1><table class="DataTable"><tbody><tr id="Row1"><td>x</td></tr></tbody></table></div>',
      'text/html',
    );
    const before = document.documentElement.outerHTML;
    expect(znuny.listRows(document)).toEqual([]);
    expect(znuny.ticketAnchor(document, '1')).toBeUndefined();
    await expect(znuny.readTicket(pageSource(document, 'https://support.example.com/otrs/index.pl?Action=AgentTicketZoom;TicketID=1'), '1')).rejects.toThrow(NotRecognizedError);
    expect(await znuny.readTickets(pageSource(document, 'https://support.example.com/otrs/index.pl?Action=AgentTicketQueue'), ['1'])).toEqual([]);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
