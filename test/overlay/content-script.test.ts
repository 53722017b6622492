// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * WXT follows SPA navigation with the Navigation API when the browser has it (Chrome) and polls
 * `location` every second otherwise. The fake below stands in for Chrome's, so a navigation is a
 * `navigate` event like in the browser, and the only timer left on the page is ours.
 */
const navigation = vi.hoisted(() => {
  const target = new EventTarget();
  Object.assign(globalThis, { navigation: target });
  return target;
});

import { ContentScriptContext } from '#imports';
import { startOverlay, type OverlayEnvironment } from '../../components/overlay/overlay.ts';
import { RECOGNITION_TIMEOUT_MS } from '../../components/overlay/page-context.ts';
import type { AdapterMatch } from '../../lib/adapters/registry.ts';
import { NotRecognizedError, type HelpdeskAdapter } from '../../lib/adapters/types.ts';
import type { MessageRequest, MessageResponse } from '../../lib/messaging/protocol.ts';
import { clock, evaluation, EVALUATED_AT_MS, ticket } from './fixtures.ts';

/** IntersectionObserver stand-in: everything observed is on screen (happy-dom's never reports). */
class VisibleEverywhere {
  static live = 0;
  constructor(private readonly callback: (entries: Pick<IntersectionObserverEntry, 'target' | 'isIntersecting'>[]) => void) {
    VisibleEverywhere.live++;
  }
  observe(target: Element) {
    queueMicrotask(() => this.callback([{ target, isIntersecting: true }]));
  }
  unobserve() {}
  disconnect() {
    VisibleEverywhere.live--;
  }
}

/** Minutes left per ticket id in the fake background's answers. */
const remaining: Record<string, number> = { '41': 90, '42': 30, '43': 5, '44': -3 };

function fakeAdapter(overrides: Partial<HelpdeskAdapter> = {}): HelpdeskAdapter {
  return {
    id: 'zendesk',
    label: 'Fake helpdesk',
    hosting: 'saas',
    matches: ['https://*.example.com/*'],
    readsWithoutPage: true,
    recordsTimeSpent: false,
    testUrls: { ticket: [], list: [] },
    detectPage: (url) => {
      const ticketId = /\/tickets\/(\d+)/.exec(url.pathname)?.[1];
      if (ticketId) return { kind: 'ticket', ticketId };
      return url.pathname.startsWith('/views/') ? { kind: 'list' } : undefined;
    },
    readTicket: (_source, id) => Promise.resolve(ticket(id)),
    readTickets: (_source, ids) => Promise.resolve(ids.map((id) => ticket(id))),
    listRows: (document) => [...document.querySelectorAll<HTMLElement>('tr.ticket-row')].map((element) => ({ ticketId: element.dataset.id ?? '', element })),
    ticketAnchor: (document, id) => document.querySelector(`[data-ticket="${id}"] .ticket-header`) ?? undefined,
    ...overrides,
  };
}

function fakeBackground() {
  const evaluateTickets = vi.fn(
    (request: MessageRequest<'evaluateTickets'>): Promise<MessageResponse<'evaluateTickets'>> =>
      Promise.resolve({
        configured: true,
        evaluations: request.tickets.map((requested) => {
          const minutes = remaining[requested.id] ?? 60;
          return evaluation({
            ticketId: requested.id,
            clocks: [
              clock({
                state: minutes < 0 ? 'breached' : 'running',
                remainingMinutes: minutes,
                deadline: new Date(EVALUATED_AT_MS + minutes * 60_000).toISOString(),
                nextChangeAt: null,
              }),
            ],
          });
        }),
      }),
  );
  const reportDiagnostics = vi.fn((request: MessageRequest<'reportDiagnostics'>) => Promise.resolve(request));
  return { evaluateTickets, reportDiagnostics };
}

let ctx: ContentScriptContext;
function start(adapter: HelpdeskAdapter, overrides: Partial<OverlayEnvironment> = {}) {
  ctx = new ContentScriptContext('helpdesk');
  const background = fakeBackground();
  const log = vi.fn<(message: string, error: unknown) => void>();
  const env: OverlayEnvironment = {
    ctx,
    findAdapter: (url): AdapterMatch => ({ adapter, site: undefined, page: adapter.detectPage(url) }),
    getJson: () => Promise.reject(new Error('the fake adapter reads no JSON')),
    ...background,
    now: () => Date.now(),
    agentZone: 'Europe/Berlin',
    log,
    ...overrides,
  };
  const overlay = startOverlay(env);
  return { ...background, log, env, overlay };
}

function go(path: string) {
  history.pushState({}, '', path);
  navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url: location.href } }));
}

/** Lets promises, animation frames and intersection reports run (16 ms of fake time). */
async function settle() {
  for (let i = 0; i < 4; i++) await vi.advanceTimersByTimeAsync(4);
}

const strips = () => document.querySelectorAll('sla-lens-strip');
const badges = () => [...document.querySelectorAll('sla-lens-badge')];
/** The visible text of a host's shadow root (without its stylesheet). */
const shadowText = (host: Element | undefined) => host?.shadowRoot?.querySelector('.badge, .strip')?.textContent ?? '';

function listPage(ids: string[]) {
  document.body.innerHTML = `<table><tbody>${ids.map((id) => `<tr class="ticket-row" data-id="${id}"><td><input type="checkbox"></td><td><a href="/tickets/${id}">Ticket ${id}</a></td><td>Jane</td></tr>`).join('')}</tbody></table>`;
}
function ticketPage(id: string) {
  document.body.innerHTML = `<main data-ticket="${id}"><div class="ticket-header">#${id} Printer on fire</div><article>…</article></main>`;
}

beforeEach(() => {
  vi.useFakeTimers({ now: EVALUATED_AT_MS, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  vi.stubGlobal('IntersectionObserver', VisibleEverywhere);
  VisibleEverywhere.live = 0;
  history.replaceState({}, '', '/');
});
afterEach(() => {
  ctx.abort();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('helpdesk content script', () => {
  it('decorates a ticket page: strip after the anchor, clocks from the background, diagnostics', async () => {
    ticketPage('42');
    history.replaceState({}, '', '/agent/tickets/42');
    const { evaluateTickets, reportDiagnostics } = start(fakeAdapter());
    await settle();
    const host = strips()[0];
    expect(strips()).toHaveLength(1);
    expect(host?.previousElementSibling?.className).toBe('ticket-header');
    expect(shadowText(host)).toContain('First response');
    expect(shadowText(host)).toContain('30 m left');
    expect(evaluateTickets).toHaveBeenCalledWith({ tickets: [ticket('42')], pageUrl: location.href });
    expect(reportDiagnostics).toHaveBeenCalledWith({ origin: location.origin, helpdesk: 'zendesk', pageKind: 'ticket', recognized: true, ticketsRead: 1, lastTicketId: '42' });

    await vi.advanceTimersByTimeAsync(60_000);
    expect(shadowText(host)).toContain('29 m left');
  });

  it('redraws the page when the configuration changes (reload), with one strip still', async () => {
    ticketPage('42');
    history.replaceState({}, '', '/agent/tickets/42');
    const { evaluateTickets, overlay } = start(fakeAdapter());
    await settle();
    overlay.reload();
    await settle();
    expect(evaluateTickets).toHaveBeenCalledTimes(2);
    expect(strips()).toHaveLength(1);
  });

  it('decorates a list page: one badge per row, ranked by SLA, and new rows as they appear', async () => {
    listPage(['41', '42', '43']);
    history.replaceState({}, '', '/views/7');
    const readTickets = vi.fn((_source: unknown, ids: readonly string[]) => Promise.resolve(ids.map((id) => ticket(id))));
    start(fakeAdapter({ readTickets }));
    await settle();
    expect(badges()).toHaveLength(3);
    expect(badges().map((badge) => badge.closest('tr')?.dataset.id)).toEqual(['41', '42', '43']);
    // In the cell with the ticket link.
    expect(badges()[0]?.parentElement?.querySelector('a')).not.toBeNull();
    // Icon, the clock's name for screen readers, the countdown and the rank.
    expect(badges().map(shadowText)).toEqual(['◷First response: 1 h 30 m left#3 by SLA', '◷First response: 30 m left#2 by SLA', '◷First response: 5 m 00 s left#1 by SLA']);
    expect(readTickets).toHaveBeenCalledTimes(1);
    // The hover text, made when the pointer reaches the badge.
    badges()[1]?.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(badges()[1]?.getAttribute('title')).toBe('First response: on track, 30 m left\ndue 10:30\n20:30 customer time (Australia/Sydney)');

    const row = document.querySelector('tr')!.cloneNode(true) as HTMLElement;
    row.dataset.id = '44';
    row.querySelector('sla-lens-badge')?.remove();
    document.querySelector('tbody')!.append(row);
    await settle();
    expect(readTickets).toHaveBeenCalledTimes(2);
    expect(readTickets.mock.calls[1]?.[1]).toEqual(['44']);
    expect(badges()).toHaveLength(4);
    expect(shadowText(badges()[3])).toBe('✕First response: overdue 3 m 00 s#1 by SLA');
    expect(shadowText(badges()[2])).toBe('◷First response: 5 m 00 s left#2 by SLA');
  });

  it('leaves a page with unknown markup untouched, says so in diagnostics, and throws nothing', async () => {
    document.body.innerHTML = '<div id="app"><p>Completely different markup</p></div>';
    const before = document.documentElement.outerHTML;
    history.replaceState({}, '', '/agent/tickets/42');
    const { reportDiagnostics, log } = start(fakeAdapter());
    await settle();
    await vi.advanceTimersByTimeAsync(RECOGNITION_TIMEOUT_MS);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(reportDiagnostics).toHaveBeenLastCalledWith(expect.objectContaining({ pageKind: 'ticket', recognized: false, ticketsRead: 1, error: expect.stringContaining('anchor') as string }));

    ctx.abort();
    history.replaceState({}, '', '/views/7');
    const list = start(fakeAdapter());
    await settle();
    await vi.advanceTimersByTimeAsync(RECOGNITION_TIMEOUT_MS);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(list.reportDiagnostics).toHaveBeenCalledWith(expect.objectContaining({ pageKind: 'list', recognized: false, ticketsRead: 0 }));
    expect(log).not.toHaveBeenCalled();
    expect(list.log).not.toHaveBeenCalled();
  });

  it('cleans up on SPA navigation: no hosts, observers or timers of the page left behind', async () => {
    const observed = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnected = vi.spyOn(MutationObserver.prototype, 'disconnect');
    listPage(['41', '42', '43']);
    history.replaceState({}, '', '/views/7');
    start(fakeAdapter());
    await settle();
    expect(badges()).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(1);

    go('/settings/profile');
    await settle();
    expect(badges()).toHaveLength(0);
    expect(observed.mock.calls.length).toBe(disconnected.mock.calls.length);
    expect(VisibleEverywhere.live).toBe(0);
    expect(vi.getTimerCount()).toBe(0);

    ticketPage('42');
    go('/agent/tickets/42');
    await settle();
    expect(strips()).toHaveLength(1);
    go('/agent/tickets/42/events');
    await settle();
    expect(strips()).toHaveLength(1);
    go('/views/7');
    await settle();
    expect(strips()).toHaveLength(0);
    ctx.abort();
    expect(observed.mock.calls.length).toBe(disconnected.mock.calls.length);
    expect(vi.getTimerCount()).toBe(0);
    observed.mockRestore();
    disconnected.mockRestore();
  });

  it('runs one timer per page however many countdowns it shows', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => String(1000 + i));
    listPage(ids);
    history.replaceState({}, '', '/views/7');
    start(fakeAdapter());
    await settle();
    expect(badges()).toHaveLength(200);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(vi.getTimerCount()).toBe(1);
    expect(shadowText(badges()[0])).toContain('55 m left');
  });

  it('keeps exceptions inside adapters from escaping, and logs each distinct one once', async () => {
    const broken = fakeAdapter({
      listRows: () => {
        throw new TypeError('row selector broke');
      },
      ticketAnchor: () => {
        throw new TypeError('anchor selector broke');
      },
      readTicket: () => Promise.reject(new NotRecognizedError('no ticket JSON on this page')),
    });
    listPage(['41']);
    history.replaceState({}, '', '/views/7');
    const { log, reportDiagnostics } = start(broken);
    await settle();
    for (let i = 0; i < 3; i++) {
      document.body.append(document.createElement('div'));
      await settle();
    }
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('SLA Lens: find the rows failed', new TypeError('row selector broke'));
    expect(badges()).toHaveLength(0);

    ticketPage('42');
    go('/agent/tickets/42');
    await settle();
    document.body.append(document.createElement('div'));
    await settle();
    expect(log.mock.calls.map(([message]) => message)).toEqual(['SLA Lens: find the rows failed', 'SLA Lens: find the ticket anchor failed', 'SLA Lens: read the ticket failed']);
    expect(reportDiagnostics).toHaveBeenCalledWith(expect.objectContaining({ pageKind: 'ticket', recognized: false, error: 'no ticket JSON on this page' }));

    const throwingFinder = start(fakeAdapter(), {
      findAdapter: () => {
        throw new Error('registry broke');
      },
    });
    await settle();
    expect(throwingFinder.log).toHaveBeenCalledWith('SLA Lens: find the adapter failed', new Error('registry broke'));
  });

  it('shows the background’s answer when no plan is configured, and a failed read', async () => {
    ticketPage('42');
    history.replaceState({}, '', '/agent/tickets/42');
    start(fakeAdapter(), { evaluateTickets: () => Promise.resolve({ configured: false, evaluations: [] }) });
    await settle();
    expect(shadowText(strips()[0])).toContain('no support plan is configured yet');
    ctx.abort();
    start(fakeAdapter({ readTicket: () => Promise.reject(new Error('HTTP 403 (GET /api/v2/tickets/42.json)')) }));
    await settle();
    expect(shadowText(strips()[0])).toContain('could not read this ticket: HTTP 403');
  });

  it('reads and asks again at nextChangeAt, not every tick', async () => {
    ticketPage('42');
    history.replaceState({}, '', '/agent/tickets/42');
    const evaluateTickets = vi.fn(() =>
      Promise.resolve({ configured: true, evaluations: [evaluation({ clocks: [clock({ nextChangeAt: '2026-11-23T09:15:00Z' })] })] }),
    );
    const readTicket = vi.fn((_source: unknown, id: string) => Promise.resolve(ticket(id)));
    start(fakeAdapter({ readTicket }), { evaluateTickets });
    await settle();
    expect(evaluateTickets).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(14 * 60_000);
    expect(evaluateTickets).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(evaluateTickets).toHaveBeenCalledTimes(2);
    // Replies that came in meanwhile matter as much as the time: the ticket is read again too.
    expect(readTicket).toHaveBeenCalledTimes(2);
  });

  it('asks at most every 10 s however soon the answers say things change', async () => {
    ticketPage('42');
    history.replaceState({}, '', '/agent/tickets/42');
    const evaluateTickets = vi.fn(() =>
      Promise.resolve({ configured: true, evaluations: [evaluation({ clocks: [clock({ nextChangeAt: '2026-11-23T09:00:01Z' })] })] }),
    );
    start(fakeAdapter(), { evaluateTickets });
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(evaluateTickets.mock.calls.length).toBeGreaterThanOrEqual(6);
    expect(evaluateTickets.mock.calls.length).toBeLessThanOrEqual(7);
  });

  it('removes everything when the content script is invalidated', async () => {
    listPage(['41', '42']);
    history.replaceState({}, '', '/views/7');
    start(fakeAdapter());
    await settle();
    expect(badges()).toHaveLength(2);
    ctx.abort();
    expect(badges()).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
