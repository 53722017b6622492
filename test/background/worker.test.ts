import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HelpdeskAdapter } from '../../lib/adapters/types.ts';
import { TICK_ALARM } from '../../entrypoints/background/alarms.ts';
import { sendMessage } from '../../lib/messaging/messaging.ts';
import { registryKey } from '../../lib/registry/ticket-registry.ts';
import { configItem } from '../../lib/storage/config-storage.ts';
import { readDiagnostics } from '../../lib/storage/diagnostics-storage.ts';
import { readNotificationLog } from '../../lib/storage/notification-log-storage.ts';
import { preferencesItem } from '../../lib/storage/preferences-storage.ts';
import { readEvaluationCache, readTicketRegistry } from '../../lib/storage/ticket-registry-storage.ts';
import { at, configuredConfig, makeTicket, ORIGIN, T0 } from '../registry/fixtures.ts';
import { configure, eventually, installPermissionsAndScripting, restartBackground, startBackground } from './harness.ts';

const { adapters } = vi.hoisted(() => ({ adapters: [] as HelpdeskAdapter[] }));
// The real SaaS patterns (the manifest's), fake adapters.
vi.mock('../../lib/adapters/registry.ts', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../lib/adapters/registry.ts')>()), adapters }));
vi.mock('../../lib/plans/evaluate-ticket.ts', async () => ({ evaluateTicket: (await import('../registry/fixtures.ts')).fakeEvaluate }));

const PAGE = `${ORIGIN}/agent/tickets/42`;
const KEY = registryKey({ helpdesk: 'zendesk', origin: ORIGIN, id: '42' });
const minutesAfterT0 = (minutes: number) => at(T0).plus({ minutes }).toMillis();

function setNow(minutes: number) {
  vi.setSystemTime(minutesAfterT0(minutes));
}

async function tickAlarm(): Promise<number | undefined> {
  return (await fakeBrowser.alarms.get(TICK_ALARM))?.scheduledTime;
}

async function fireTick(): Promise<void> {
  await fakeBrowser.alarms.onAlarm.trigger({ name: TICK_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
  vi.useFakeTimers({ toFake: ['Date'] });
  setNow(10);
  installPermissionsAndScripting();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('evaluateTickets', () => {
  it('stores the tickets and answers with their evaluations', async () => {
    await configure();
    await startBackground();
    const reply = await sendMessage('evaluateTickets', { tickets: [makeTicket()], pageUrl: PAGE });
    expect(reply.configured).toBe(true);
    expect(reply.evaluations).toHaveLength(1);
    expect(reply.evaluations[0]).toMatchObject({ ticketId: '42', evaluatedAt: '2026-11-23T09:10:00.000Z' });
    const { value: registry } = await readTicketRegistry();
    expect(registry.entries[KEY]?.origin).toBe(ORIGIN);
    const { value: cache } = await readEvaluationCache();
    expect(cache.byKey[KEY]?.evaluation.ticketId).toBe('42');
  });

  it('says configured: false when no plan exists, and still remembers the tickets', async () => {
    await startBackground();
    const reply = await sendMessage('evaluateTickets', { tickets: [makeTicket()], pageUrl: PAGE });
    expect(reply).toEqual({ evaluations: [], configured: false });
    expect(Object.keys((await readTicketRegistry()).value.entries)).toEqual([KEY]);
  });

  it('evaluates the stored complete history when a list page sends a summary', async () => {
    await configure();
    await startBackground();
    await sendMessage('evaluateTickets', { tickets: [makeTicket({ events: [{ at: T0, type: 'customer_message' }, { at: T0, type: 'agent_reply' }] })], pageUrl: PAGE });
    const reply = await sendMessage('evaluateTickets', { tickets: [makeTicket({ complete: false, events: [] })], pageUrl: `${ORIGIN}/agent/filters/1` });
    expect(reply.evaluations[0]?.clocks[0]?.state).toBe('met');
  });

  it('answers for the other tickets when the evaluator fails on one', async () => {
    await configure();
    await startBackground();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reply = await sendMessage('evaluateTickets', { tickets: [makeTicket({ id: '1', tags: ['evaluator-fails'] }), makeTicket({ id: '2' })], pageUrl: PAGE });
    expect(reply.evaluations.map((evaluation) => evaluation.ticketId)).toEqual(['2']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not evaluate ticket 1'), expect.any(Error));
  });

  it('recomputes evaluations when the configuration changes', async () => {
    await configure();
    await startBackground();
    await sendMessage('evaluateTickets', { tickets: [makeTicket()], pageUrl: PAGE });
    const before = (await readEvaluationCache()).value.byKey[KEY]?.configStamp;
    const config = (await configItem.getValue()) as Record<string, unknown>;
    await configItem.setValue({ ...config, sites: [{ origin: 'https://support.example.com', helpdesk: 'zammad' }] });
    await eventually(async () => expect((await readEvaluationCache()).value.byKey[KEY]?.configStamp).not.toBe(before));
  });
});

describe('restart', () => {
  it('keeps the registry and evaluations when the worker is stopped and started again', async () => {
    await configure();
    await startBackground();
    await sendMessage('evaluateTickets', { tickets: [makeTicket()], pageUrl: PAGE });

    await restartBackground();
    await sendMessage('evaluateTickets', { tickets: [makeTicket({ id: '43' })], pageUrl: PAGE });

    const { value: registry } = await readTicketRegistry();
    expect(Object.values(registry.entries).map((entry) => entry.ticket.id).sort()).toEqual(['42', '43']);
    expect(Object.keys((await readEvaluationCache()).value.byKey).sort()).toEqual([KEY, registryKey({ helpdesk: 'zendesk', origin: ORIGIN, id: '43' })].sort());
  });

  it('starts afresh (instead of crashing) when the stored registry is not valid', async () => {
    await fakeBrowser.storage.local.set({ 'ticket-registry': { entries: 'corrupt' } });
    await configure();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await startBackground();
    const reply = await sendMessage('evaluateTickets', { tickets: [makeTicket()], pageUrl: PAGE });
    expect(reply.evaluations).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Invalid stored tickets'));
  });
});

describe('messaging validation', () => {
  it('answers an invalid request with an error, and keeps working', async () => {
    await startBackground();
    const reply: unknown = await fakeBrowser.runtime.sendMessage({ slaLens: 1, name: 'evaluateTickets', data: { tickets: [{ id: 42 }], pageUrl: 'nope' } });
    expect(reply).toMatchObject({ slaLens: 1, name: 'error', data: expect.stringContaining('Invalid evaluateTickets request') as unknown });
    await expect(sendMessage('refreshQueue', {})).resolves.toEqual({ refreshed: 0, failed: [] });
  });

  it('refuses a page that claims another origin than the sender’s', async () => {
    await startBackground();
    const listener = vi.fn();
    fakeBrowser.runtime.onMessage.addListener(listener);
    const envelope = { slaLens: 1, name: 'reportDiagnostics', data: { origin: ORIGIN, helpdesk: 'zendesk', pageKind: 'ticket', recognized: true, ticketsRead: 1 } };
    const reply = await new Promise((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(envelope, { url: 'https://evil.example/page' }, resolve);
    });
    expect(reply).toMatchObject({ name: 'error', data: expect.stringContaining('does not match the sender') as unknown });
  });
});

describe('siteForPage', () => {
  it("answers with the page's configured site, none for other origins, and only for the sender's own origin", async () => {
    const site = { origin: 'https://rt.example', helpdesk: 'request-tracker', options: { queue: 'General' } } as const;
    await configItem.setValue({ ...(configuredConfig() as object), sites: [site] });
    await startBackground();
    await expect(sendMessage('siteForPage', { pageUrl: 'https://rt.example/Ticket/Display.html?id=7' })).resolves.toEqual({ site });
    await expect(sendMessage('siteForPage', { pageUrl: PAGE })).resolves.toEqual({ site: null });
    const reply = await new Promise((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger({ slaLens: 1, name: 'siteForPage', data: { pageUrl: 'https://rt.example/' } }, { url: PAGE }, resolve);
    });
    expect(reply).toMatchObject({ name: 'error', data: expect.stringContaining('does not match the sender') as unknown });
  });
});

describe('reportDiagnostics', () => {
  it('keeps per-origin diagnostics: recognized, last ticket read, last error, when', async () => {
    await startBackground();
    await sendMessage('reportDiagnostics', { origin: ORIGIN, helpdesk: 'zendesk', pageKind: 'ticket', recognized: true, ticketsRead: 1, lastTicketId: '42' });
    setNow(20);
    await sendMessage('reportDiagnostics', { origin: ORIGIN, helpdesk: 'zendesk', pageKind: 'list', recognized: false, ticketsRead: 0, error: 'row markup not recognized' });
    expect((await readDiagnostics()).value[ORIGIN]).toEqual({
      helpdesk: 'zendesk',
      recognized: false,
      pageKind: 'list',
      ticketsRead: 0,
      lastTicketId: '42',
      lastTicketAt: '2026-11-23T09:10:00.000Z',
      lastError: 'row markup not recognized',
      lastErrorAt: '2026-11-23T09:20:00.000Z',
      reportedAt: '2026-11-23T09:20:00.000Z',
    });
  });
});

describe('badge', () => {
  it('counts breached and at-risk clocks on open tickets, red for a breach, empty when none', async () => {
    await configure();
    await startBackground();
    await sendMessage('evaluateTickets', { tickets: [makeTicket()], pageUrl: PAGE });
    await eventually(async () => expect(await tickAlarm()).toBeDefined());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');

    setNow(50);
    await sendMessage('evaluateTickets', { tickets: [makeTicket(), makeTicket({ id: '43', fields: { target: '600' } })], pageUrl: PAGE });
    await eventually(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xe3, 0x74, 0x00, 255]);

    setNow(70);
    await sendMessage('evaluateTickets', { tickets: [makeTicket({ id: '44', fields: { target: '80' } })], pageUrl: PAGE });
    await eventually(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('2'));
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xd9, 0x30, 0x25, 255]);

    await sendMessage('evaluateTickets', { tickets: [makeTicket({ status: 'solved', updatedAt: '2026-11-23T10:15:00Z' })], pageUrl: PAGE });
    await eventually(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xe3, 0x74, 0x00, 255]);
  });
});

describe('alarm scheduling', () => {
  it('sets one alarm for the earliest instant and moves it after changes', async () => {
    await configure();
    await startBackground();
    await sendMessage('evaluateTickets', { tickets: [makeTicket()], pageUrl: PAGE });
    // 50 % of the 60-minute clock comes before its nextChangeAt (the 75 % warning, minute 45).
    await eventually(async () => expect(await tickAlarm()).toBe(minutesAfterT0(30)));

    // A 40-minute clock reaches 50 % at minute 20.
    await sendMessage('evaluateTickets', { tickets: [makeTicket({ id: '43', fields: { target: '40' } })], pageUrl: PAGE });
    await eventually(async () => expect(await tickAlarm()).toBe(minutesAfterT0(20)));
    expect((await fakeBrowser.alarms.getAll()).filter((alarm) => alarm.name === TICK_ALARM)).toHaveLength(1);

    // Once notified, the next instant is minute 25 (15 minutes left on the 40-minute clock).
    setNow(20);
    await fireTick();
    await eventually(async () => expect(await tickAlarm()).toBe(minutesAfterT0(25)));
  });

  it('never asks for an alarm sooner than Chrome allows', async () => {
    await configure();
    await startBackground();
    setNow(29.75);
    await sendMessage('evaluateTickets', { tickets: [makeTicket()], pageUrl: PAGE });
    await eventually(async () => expect(await tickAlarm()).toBe(minutesAfterT0(29.75) + 30_000));
  });
});

describe('notifications', () => {
  it('notifies each (ticket, clock, threshold) once, across ticks and restarts', async () => {
    await configure();
    await startBackground();
    await sendMessage('evaluateTickets', { tickets: [makeTicket()], pageUrl: PAGE });
    await eventually(async () => expect(await tickAlarm()).toBe(minutesAfterT0(30)));
    const created = vi.spyOn(fakeBrowser.notifications, 'create');

    setNow(30);
    await fireTick();
    await eventually(async () => expect(await tickAlarm()).toBe(minutesAfterT0(45)));
    await fireTick();
    await eventually(() => expect(created).toHaveBeenCalledTimes(1));
    expect(created.mock.calls[0]?.[1]).toMatchObject({ title: '50 % used: First response', message: expect.stringContaining('#42 Printer on fire') as unknown });

    created.mockClear();
    await restartBackground();
    await eventually(async () => expect(await tickAlarm()).toBe(minutesAfterT0(45)));
    expect(created).not.toHaveBeenCalled();
    expect(Object.keys((await readNotificationLog()).value[KEY] ?? {})).toEqual([`first_response|2026-11-23T09:00:00.000Z|percent-50`]);
  });

  it('opens the ticket when its notification is clicked', async () => {
    await configure();
    await startBackground();
    setNow(61);
    await sendMessage('evaluateTickets', { tickets: [makeTicket()], pageUrl: PAGE });
    await eventually(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1));
    const [id] = Object.keys(await fakeBrowser.notifications.getAll());
    await fakeBrowser.notifications.onClicked.trigger(id!);
    await eventually(async () => expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(`${ORIGIN}/agent/tickets/42`));
  });

  it('sums up a backlog instead of one notification per clock', async () => {
    await configure();
    await startBackground();
    setNow(120);
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    const tickets = ['1', '2', '3', '4', '5'].map((id) => makeTicket({ id }));
    await sendMessage('evaluateTickets', { tickets, pageUrl: PAGE });
    await eventually(() => expect(created).toHaveBeenCalledTimes(4));
    expect(created.mock.calls.at(-1)?.[1]).toMatchObject({ title: 'SLA Lens: 2 more clocks need attention' });
  });

  it('stays quiet outside the agent’s working hours and catches up when they start', async () => {
    await configure();
    // Monday 09:10 UTC; the agent works from 10:00 UTC.
    await preferencesItem.setValue({ notifications: { workingHours: { timezone: 'UTC', weekly: { mon: [['10:00', '18:00']] } } } });
    await startBackground();
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    setNow(40);
    await sendMessage('evaluateTickets', { tickets: [makeTicket()], pageUrl: PAGE });
    // 50 % was crossed at minute 30 while quiet: nothing now; wake when work starts (minute 60).
    await eventually(async () => expect(await tickAlarm()).toBe(minutesAfterT0(45)));
    expect(created).not.toHaveBeenCalled();

    setNow(61);
    await fireTick();
    await eventually(() => expect(created).toHaveBeenCalledTimes(1));
    expect(created.mock.calls[0]?.[1]).toMatchObject({ title: 'Breached: First response' });
  });

  it('sends nothing when the agent turned notifications off', async () => {
    await configure();
    await preferencesItem.setValue({ notifications: { enabled: false } });
    await startBackground();
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    setNow(61);
    await sendMessage('evaluateTickets', { tickets: [makeTicket()], pageUrl: PAGE });
    await eventually(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
    expect(created).not.toHaveBeenCalled();
  });
});
