// @vitest-environment happy-dom
/**
 * The whole page pipeline on saved Zendesk pages: the real adapter reading through the real
 * same-origin JSON reader (answered from fixtures), a fake background, and the overlay drawing
 * where the adapter says.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Stands in for Chrome's Navigation API, as in content-script.test.ts.
vi.hoisted(() => Object.assign(globalThis, { navigation: new EventTarget() }));

import { ContentScriptContext } from '#imports';
import { startOverlay } from '../../components/overlay/overlay.ts';
import { findAdapter } from '../../lib/adapters/registry.ts';
import { createSameOriginJson } from '../../lib/helpdesk-http/same-origin-json.ts';
import type { MessageRequest, MessageResponse } from '../../lib/messaging/protocol.ts';
import { clock, evaluation, EVALUATED_AT_MS } from './fixtures.ts';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/zendesk', name), 'utf8');
const json = (name: string): unknown => JSON.parse(fixture(name));

class VisibleEverywhere {
  constructor(private readonly callback: (entries: Pick<IntersectionObserverEntry, 'target' | 'isIntersecting'>[]) => void) {}
  observe(target: Element) {
    queueMicrotask(() => this.callback([{ target, isIntersecting: true }]));
  }
  unobserve() {}
  disconnect() {}
}

/** Zendesk's API as the fixtures record it; show_many answers any ids from the fixture's first ticket. */
function zendeskApi(path: string): unknown {
  const routes: Record<string, string> = {
    '/api/v2/tickets/4821.json?include=users,groups,organizations': 'ticket-4821.json',
    '/api/v2/tickets/4821/audits.json?include=users': 'audits-4821-page-1.json',
    '/api/v2/tickets/4821/audits.json?include=users&page=2': 'audits-4821-page-2.json',
    '/api/v2/ticket_fields.json': 'ticket-fields.json',
  };
  const file = routes[path];
  if (file) return json(file);
  const ids = /^\/api\/v2\/tickets\/show_many\.json\?ids=([\d,]+)&include=users,groups,organizations$/.exec(path)?.[1]?.split(',');
  if (!ids) return undefined;
  const showMany = json('show-many-4822-4823.json') as { tickets: { id: number }[] };
  return { ...showMany, tickets: ids.map((id) => ({ ...showMany.tickets[0], id: Number(id) })) };
}

let ctx: ContentScriptContext;
function start(page: string, path: string) {
  document.body.innerHTML = new DOMParser().parseFromString(fixture(page), 'text/html').body.innerHTML;
  history.replaceState({}, '', path);
  ctx = new ContentScriptContext('helpdesk');
  const fetch = vi.fn((url: string, init: RequestInit) => {
    if (init.method !== 'GET') throw new Error(`the overlay only reads, but sent ${String(init.method)}`);
    const { pathname, search } = new URL(url);
    const body = zendeskApi(`${pathname}${decodeURIComponent(search)}`);
    return Promise.resolve(body === undefined ? new Response('', { status: 404 }) : new Response(JSON.stringify(body)));
  });
  const evaluateTickets = vi.fn(
    (request: MessageRequest<'evaluateTickets'>): Promise<MessageResponse<'evaluateTickets'>> =>
      Promise.resolve({ configured: true, evaluations: request.tickets.map((ticket) => evaluation({ ticketId: ticket.id, clocks: [clock()] })) }),
  );
  const reportDiagnostics = vi.fn(() => Promise.resolve({}));
  const log = vi.fn();
  startOverlay({
    ctx,
    // The test page lives on happy-dom's origin; the adapter judges the path as if on acme.zendesk.com.
    findAdapter: (url) => findAdapter(new URL(`${url.pathname}${url.search}`, 'https://acme.zendesk.com'), []),
    getJson: createSameOriginJson({ origin: location.origin, fetch, now: () => Date.now(), signal: ctx.signal }),
    evaluateTickets,
    reportDiagnostics,
    now: () => Date.now(),
    agentZone: 'Europe/Berlin',
    log,
  });
  return { fetch, evaluateTickets, reportDiagnostics, log };
}

async function settle() {
  for (let i = 0; i < 8; i++) await vi.advanceTimersByTimeAsync(4);
}

beforeEach(() => {
  vi.useFakeTimers({ now: EVALUATED_AT_MS, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  vi.stubGlobal('IntersectionObserver', VisibleEverywhere);
});
afterEach(() => {
  ctx.abort();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the overlay on saved Zendesk pages', () => {
  it('reads ticket 4821 through the JSON API and puts the strip after its own pane’s header, not the other open ticket’s', async () => {
    const { fetch, evaluateTickets, reportDiagnostics, log } = start('ticket-page.html', '/agent/tickets/4821');
    await settle();
    expect(log).not.toHaveBeenCalled();
    expect(fetch.mock.calls.every(([, init]) => init.method === 'GET')).toBe(true);
    expect(evaluateTickets.mock.calls[0]?.[0].tickets.map((ticket) => ticket.subject)).toEqual(['Export to CSV fails with HTTP 500 since v4.2']);
    const strips = document.querySelectorAll('sla-lens-strip');
    expect(strips).toHaveLength(1);
    expect(strips[0]?.previousElementSibling?.getAttribute('data-test-id')).toBe('omni-header-via-label');
    expect(strips[0]?.closest('[data-side-conversations-anchor-id]')?.getAttribute('data-side-conversations-anchor-id')).toBe('4821');
    expect(strips[0]?.shadowRoot?.textContent).toContain('30 m left');
    expect(reportDiagnostics).toHaveBeenCalledWith(expect.objectContaining({ helpdesk: 'zendesk', pageKind: 'ticket', recognized: true, ticketsRead: 1 }));
  });

  it('reads the view’s rows in one show_many request and badges each row', async () => {
    const { fetch, log } = start('list-page.html', '/agent/filters/360001234567');
    await settle();
    expect(log).not.toHaveBeenCalled();
    const paths = fetch.mock.calls.map(([url]) => decodeURIComponent(new URL(url).search));
    expect(paths.filter((search) => search.startsWith('?ids='))).toEqual(['?ids=4821,4790,4802&include=users,groups,organizations']);
    const rows = [...document.querySelectorAll('tr[data-test-id="generic-table-row"]')];
    expect(rows.map((row) => row.querySelectorAll('sla-lens-badge').length)).toEqual([1, 1, 1]);
    expect(rows[0]?.querySelector('td[data-test-id="ticket-table-cells-subject"] sla-lens-badge')).not.toBeNull();
    expect(document.querySelectorAll('tr[data-test-id="generic-table-group-row"] sla-lens-badge')).toHaveLength(0);
  });
});
