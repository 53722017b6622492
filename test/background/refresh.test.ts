import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HelpdeskAdapter, HelpdeskSource } from '../../lib/adapters/types.ts';
import { REFRESH_ALARM } from '../../entrypoints/background/alarms.ts';
import { sendMessage } from '../../lib/messaging/messaging.ts';
import { registryKey } from '../../lib/registry/ticket-registry.ts';
import { readQueuePins, readRefreshStatus } from '../../lib/storage/queue-storage.ts';
import { readTicketRegistry } from '../../lib/storage/ticket-registry-storage.ts';
import { parseTicket, type Ticket } from '../../lib/ticket.ts';
import { at, makeTicket, ORIGIN, T0 } from '../registry/fixtures.ts';
import { configure, eventually, installPermissionsAndScripting, jsonResponse, startBackground, type FakeGrants } from './harness.ts';

const { adapters } = vi.hoisted(() => ({ adapters: [] as HelpdeskAdapter[] }));
// The real SaaS patterns (the manifest's), fake adapters.
vi.mock('../../lib/adapters/registry.ts', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../lib/adapters/registry.ts')>()), adapters }));
vi.mock('../../lib/plans/evaluate-ticket.ts', async () => ({ evaluateTicket: (await import('../registry/fixtures.ts')).fakeEvaluate }));

const SELF_HOSTED = 'https://support.example.com';
const tier2 = { origin: ORIGIN, helpdesk: 'zendesk' as const, queueId: '360001', label: 'Tier 2' };

/** A helpdesk adapter reading a made-up JSON API through the source it is given (as real adapters do). */
function fakeAdapter(overrides: Partial<HelpdeskAdapter> = {}): HelpdeskAdapter {
  const readTickets = async (source: HelpdeskSource, ids: readonly string[]): Promise<Ticket[]> => {
    const json = (await source.getJson(`/api/tickets?ids=${ids.join(',')}`)) as { tickets: unknown[] };
    return json.tickets.map(parseTicket);
  };
  return {
    id: 'zendesk',
    label: 'Zendesk',
    hosting: 'saas',
    matches: ['https://*.zendesk.com/*'],
    readsWithoutPage: true,
    recordsTimeSpent: false,
    testUrls: { ticket: [], list: [] },
    detectPage: () => undefined,
    readTicket: async (source, id) => (await readTickets(source, [id]))[0] ?? Promise.reject(new Error(`no ticket ${id}`)),
    readTickets,
    listRows: () => [],
    ticketAnchor: () => undefined,
    listQueue: async (source, queueId) => ((await source.getJson(`/api/views/${queueId}`)) as { ids: string[] }).ids,
    ...overrides,
  };
}

/** The helpdesk's JSON API: every ticket asked for, updated since, with a new subject. */
function helpdeskFetch(helpdesk: Ticket['helpdesk'] = 'zendesk'): Mock<(url: string, init: RequestInit) => Promise<Response>> {
  return vi.fn((url: string) => {
    const { pathname, searchParams } = new URL(url);
    if (pathname.startsWith('/api/views/')) return Promise.resolve(jsonResponse({ ids: ['100', '101'] }));
    const ids = (searchParams.get('ids') ?? '').split(',');
    return Promise.resolve(jsonResponse({ tickets: ids.map((id) => makeTicket({ id, helpdesk, subject: `Refreshed ${id}`, updatedAt: '2026-11-23T09:05:00Z' })) }));
  });
}

let grants: FakeGrants;
let fetchMock: ReturnType<typeof helpdeskFetch>;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at(T0).plus({ minutes: 10 }).toMillis());
  grants = installPermissionsAndScripting();
  adapters.length = 0;
  adapters.push(fakeAdapter());
  fetchMock = helpdeskFetch();
  vi.stubGlobal('fetch', fetchMock);
  await configure();
  await startBackground();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function seen(origin: string, tickets: Ticket[]): Promise<void> {
  await sendMessage('evaluateTickets', { tickets, pageUrl: `${origin}/agent` });
}

describe('refresh from the background', () => {
  it('re-reads open tickets from the helpdesk’s own origin with GET and the agent’s cookies', async () => {
    await seen(ORIGIN, [makeTicket({ id: '1' }), makeTicket({ id: '2', status: 'solved' })]);
    const reply = await sendMessage('refreshQueue', {});
    expect(reply).toEqual({ refreshed: 1, failed: [] });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`${ORIGIN}/api/tickets?ids=1`);
    expect(init).toMatchObject({ method: 'GET', credentials: 'include', redirect: 'manual' });
    const { value: registry } = await readTicketRegistry();
    expect(registry.entries[registryKey({ helpdesk: 'zendesk', origin: ORIGIN, id: '1' })]?.ticket.subject).toBe('Refreshed 1');
    expect((await readRefreshStatus()).value.sites[ORIGIN]).toMatchObject({ ticketsRead: 1, failures: 0, lastSuccessAt: '2026-11-23T09:10:00.000Z' });
  });

  it('runs on the refresh alarm', async () => {
    await seen(ORIGIN, [makeTicket({ id: '1' })]);
    await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await eventually(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toMatchObject({ periodInMinutes: 5 });
  });

  it('reads in batches', async () => {
    const tickets = Array.from({ length: 120 }, (_, index) => makeTicket({ id: String(index + 1) }));
    await seen(ORIGIN, tickets);
    const reply = await sendMessage('refreshQueue', {});
    expect(reply.refreshed).toBe(120);
    expect(fetchMock.mock.calls.map(([url]) => new URL(url).searchParams.get('ids')?.split(',').length)).toEqual([50, 50, 20]);
  });

  it('only reads origins it has host permission for', async () => {
    adapters.push(fakeAdapter({ id: 'zammad', label: 'Zammad', hosting: 'self-hosted', matches: [] }));
    await seen(SELF_HOSTED, [makeTicket({ id: '7', helpdesk: 'zammad', url: undefined })]);
    const reply = await sendMessage('refreshQueue', {});
    expect(fetchMock).not.toHaveBeenCalled();
    expect(reply.failed).toEqual([`${SELF_HOSTED}: SLA Lens may not read this site — grant it in Options → Helpdesks`]);
    expect((await readRefreshStatus()).value.sites[SELF_HOSTED]?.skipped).toBe('no-permission');

    grants.granted.add(`${SELF_HOSTED}/*`);
    vi.stubGlobal('fetch', (fetchMock = helpdeskFetch('zammad')));
    expect(await sendMessage('refreshQueue', {})).toEqual({ refreshed: 1, failed: [] });
    expect(fetchMock.mock.calls[0]?.[0]).toBe(`${SELF_HOSTED}/api/tickets?ids=7`);
  });

  it('leaves helpdesks that read only from their pages alone', async () => {
    adapters[0] = fakeAdapter({ readsWithoutPage: false });
    await seen(ORIGIN, [makeTicket({ id: '1' })]);
    expect(await sendMessage('refreshQueue', {})).toEqual({ refreshed: 0, failed: [] });
    expect(fetchMock).not.toHaveBeenCalled();
    expect((await readRefreshStatus()).value.sites[ORIGIN]?.skipped).toBe('reads-only-from-page');
  });

  it('backs off on 429 for as long as Retry-After says', async () => {
    await seen(ORIGIN, [makeTicket({ id: '1' })]);
    fetchMock.mockResolvedValueOnce(new Response('slow down', { status: 429, headers: { 'Retry-After': '120' } }));
    const first = await sendMessage('refreshQueue', {});
    expect(first.failed).toEqual([`${ORIGIN}: HTTP 429 from ${ORIGIN}/api/tickets`]);
    expect((await readRefreshStatus()).value.sites[ORIGIN]).toMatchObject({ failures: 1, backoffUntil: '2026-11-23T09:12:00.000Z' });

    vi.setSystemTime(at(T0).plus({ minutes: 11 }).toMillis());
    const waiting = await sendMessage('refreshQueue', {});
    expect(waiting.failed).toEqual([`${ORIGIN}: waiting until 2026-11-23T09:12:00.000Z after errors`]);
    expect(fetchMock).toHaveBeenCalledTimes(1);

    vi.setSystemTime(at(T0).plus({ minutes: 12, seconds: 1 }).toMillis());
    expect(await sendMessage('refreshQueue', {})).toEqual({ refreshed: 1, failed: [] });
    expect((await readRefreshStatus()).value.sites[ORIGIN]).toMatchObject({ failures: 0 });
  });

  it('backs off exponentially without Retry-After, and reports a login redirect', async () => {
    await seen(ORIGIN, [makeTicket({ id: '1' })]);
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 302, headers: { Location: 'https://login.example/' } }));
    expect((await sendMessage('refreshQueue', {})).failed).toEqual([`${ORIGIN}: ${ORIGIN}/api/tickets redirected (signed out of the helpdesk?)`]);
    expect((await readRefreshStatus()).value.sites[ORIGIN]).toMatchObject({ failures: 1, backoffUntil: '2026-11-23T09:11:00.000Z' });
  });

  it('refuses a path that would leave the helpdesk’s origin', async () => {
    adapters[0] = fakeAdapter({ readTickets: async (source) => (await source.getJson('//evil.example/collect')) as Ticket[] });
    await seen(ORIGIN, [makeTicket({ id: '1' })]);
    const reply = await sendMessage('refreshQueue', {});
    expect(fetchMock).not.toHaveBeenCalled();
    expect(reply.failed[0]).toContain('not a path on https://acme.zendesk.com');
  });

  it('drops tickets of another helpdesk and invalid ones', async () => {
    adapters[0] = fakeAdapter({ readTickets: () => Promise.resolve([makeTicket({ id: '1', helpdesk: 'freshdesk' }), { id: 2 } as unknown as Ticket]) });
    await seen(ORIGIN, [makeTicket({ id: '1' })]);
    expect(await sendMessage('refreshQueue', {})).toEqual({ refreshed: 0, failed: [] });
  });
});

describe('team queues', () => {
  it('pins a queue, reads it from the background, lists and unpins it', async () => {
    expect(await sendMessage('pinQueue', tier2)).toEqual({ pins: [tier2] });
    // Pinning reads the queue at once: the view, then its tickets.
    await eventually(async () => expect(Object.keys((await readTicketRegistry()).value.entries)).toHaveLength(2));
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([`${ORIGIN}/api/views/360001`, `${ORIGIN}/api/tickets?ids=100,101`]);

    const { pins } = await sendMessage('listQueuePins', {});
    expect(pins).toEqual([{ ...tier2, status: { lastReadAt: '2026-11-23T09:10:00.000Z', ticketCount: 2 } }]);

    expect(await sendMessage('unpinQueue', { origin: ORIGIN, helpdesk: 'zendesk', queueId: '360001' })).toEqual({ pins: [] });
    expect((await readQueuePins()).value).toEqual([]);
  });

  it('refuses to pin a queue the helpdesk cannot list, and invalid pins', async () => {
    adapters[0] = fakeAdapter({ listQueue: undefined });
    await expect(sendMessage('pinQueue', tier2)).rejects.toThrow('Zendesk queues cannot be read from the background');
    await expect(sendMessage('pinQueue', { ...tier2, origin: `${ORIGIN}/agent` })).rejects.toThrow(/origin/);
    expect((await readQueuePins()).value).toEqual([]);
  });

  it('keeps reading the rest of a site when one pinned view fails', async () => {
    await seen(ORIGIN, [makeTicket({ id: '1' })]);
    fetchMock.mockResolvedValueOnce(new Response('gone', { status: 404 }));
    await sendMessage('pinQueue', tier2);
    await eventually(async () => expect((await readRefreshStatus()).value.pins[`zendesk|${ORIGIN}|360001`]?.lastError).toBe(`HTTP 404 from ${ORIGIN}/api/views/360001`));
    expect(fetchMock.mock.calls.at(-1)?.[0]).toBe(`${ORIGIN}/api/tickets?ids=1`);
  });
});
