import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { alertText, dueAlerts, recordAlerts, summaryText, type AlertScope, type NotificationLog } from '../../lib/notifications/alerts.ts';
import { nextThresholdMs, pendingThresholds, quietState, type ThresholdWatch } from '../../lib/notifications/schedule.ts';
import { DEFAULT_THRESHOLDS, isCrossed } from '../../lib/notifications/thresholds.ts';
import { configStamp } from '../../lib/registry/evaluation-cache.ts';
import { openTickets } from '../../lib/registry/risk.ts';
import { emptyRegistry, upsertTickets } from '../../lib/registry/ticket-registry.ts';
import { createCalendar, addBusinessMinutes, businessMinutesBetween } from '../../lib/sla/index.ts';
import type { Ticket } from '../../lib/ticket.ts';
import { at, configuredConfig, fakeEvaluate, makeTicket, ORIGIN, T0 } from '../registry/fixtures.ts';

const config = configuredConfig();
const all: AlertScope = { scope: 'all', me: [] };

/** Open tickets evaluated by the fake (24x7, 60 min first response from T0) at `now`. */
function trackedAt(now: DateTime, tickets: Ticket[] = [makeTicket()]) {
  const registry = upsertTickets(emptyRegistry(), tickets.map((ticket) => ({ origin: ORIGIN, ticket })), at(T0)).registry;
  const byKey = Object.fromEntries(
    Object.entries(registry.entries).map(([key, entry]) => [key, { revision: entry.revision, configStamp: configStamp(config), evaluation: fakeEvaluate(entry.ticket, config, now) }]),
  );
  return { registry, tickets: openTickets(registry, { byKey }) };
}

describe('dueAlerts', () => {
  it('is empty before the first threshold', () => {
    expect(dueAlerts(trackedAt(at(T0).plus({ minutes: 29 })).tickets, DEFAULT_THRESHOLDS, {}, all)).toEqual([]);
  });

  it('shows only the most urgent crossed threshold and logs the ones it passed', () => {
    const twoHours = [makeTicket({ fields: { target: '120' } })];
    const [alert, ...rest] = dueAlerts(trackedAt(at(T0).plus({ minutes: 95 }), twoHours).tickets, DEFAULT_THRESHOLDS, {}, all);
    expect(rest).toEqual([]);
    expect(alert?.threshold).toEqual({ kind: 'percent', percent: 75 });
    expect(alert?.logIds.map((id) => id.split('|').at(-1))).toEqual(['percent-50', 'percent-75']);
  });

  it('notifies the same (ticket, clock, threshold) once', () => {
    const now = at(T0).plus({ minutes: 31 });
    const { tickets } = trackedAt(now);
    const first = dueAlerts(tickets, DEFAULT_THRESHOLDS, {}, all);
    expect(first).toHaveLength(1);
    const log: NotificationLog = recordAlerts({}, first, now);
    expect(dueAlerts(tickets, DEFAULT_THRESHOLDS, log, all)).toEqual([]);
    expect(dueAlerts(trackedAt(at(T0).plus({ minutes: 35 })).tickets, DEFAULT_THRESHOLDS, log, all)).toEqual([]);
    // The next threshold is news again.
    expect(dueAlerts(trackedAt(at(T0).plus({ minutes: 46 })).tickets, DEFAULT_THRESHOLDS, log, all).map((alert) => alert.threshold)).toEqual([
      { kind: 'percent', percent: 75 },
    ]);
  });

  it('treats a new run of a clock (a new cycle) as a new clock', () => {
    const now = at(T0).plus({ minutes: 31 });
    const log = recordAlerts({}, dueAlerts(trackedAt(now).tickets, DEFAULT_THRESHOLDS, {}, all), now);
    const nextCycle = makeTicket({ createdAt: '2026-11-23T09:10:00Z' });
    expect(dueAlerts(trackedAt(at(T0).plus({ minutes: 41 }), [nextCycle]).tickets, DEFAULT_THRESHOLDS, log, all)).toHaveLength(1);
  });

  it('puts breaches first and honours "mine"', () => {
    const tickets = [makeTicket({ id: 'late', assignee: 'Ada' }), makeTicket({ id: 'later', fields: { target: '120' }, assignee: 'Bob' })];
    const { tickets: tracked } = trackedAt(at(T0).plus({ minutes: 61 }), tickets);
    expect(dueAlerts(tracked, DEFAULT_THRESHOLDS, {}, all).map((alert) => [alert.entry.ticket.id, alert.threshold.kind])).toEqual([
      ['late', 'breached'],
      ['later', 'percent'],
    ]);
    expect(dueAlerts(tracked, DEFAULT_THRESHOLDS, {}, { scope: 'mine', me: ['bob'] }).map((alert) => alert.entry.ticket.id)).toEqual(['later']);
  });

  it('skips paused clocks and tickets without a plan', () => {
    const tickets = [makeTicket({ id: 'p', status: 'pending' }), makeTicket({ id: 'n', tags: ['no-plan'] })];
    expect(dueAlerts(trackedAt(at(T0).plus({ minutes: 70 }), tickets).tickets, DEFAULT_THRESHOLDS, {}, all)).toEqual([]);
  });

  it('words notifications as plain text with the deadline in the agent zone', () => {
    const now = at(T0).plus({ minutes: 61 });
    const [alert] = dueAlerts(trackedAt(now, [makeTicket({ subject: '<b>Down</b>' })]).tickets, DEFAULT_THRESHOLDS, {}, all);
    expect(alertText(alert!, 'Europe/Berlin', now)).toEqual({ title: 'Breached: First response', message: '#42 <b>Down</b>\nAcme · Premium · due 11:00' });
    expect(summaryText([alert!])).toEqual({ title: 'SLA Lens: 1 more clock needs attention', message: '1 breached, 0 at a threshold — open SLA Lens for the queue' });
  });
});

describe('the next threshold instant', () => {
  it('is exact when the clock runs in real time', () => {
    const now = at(T0).plus({ minutes: 10 });
    const { registry, tickets } = trackedAt(now);
    const probe = (watch: ThresholdWatch, atMs: number) => {
      const entry = registry.entries[watch.ticketKey]!;
      const clock = fakeEvaluate(entry.ticket, config, DateTime.fromMillis(atMs, { zone: 'utc' })).clocks[0]!;
      return isCrossed(clock, watch.threshold);
    };
    const watches = pendingThresholds(tickets, DEFAULT_THRESHOLDS, {}, all, now);
    expect(watches.map((watch) => watch.threshold)).toEqual([{ kind: 'percent', percent: 50 }]);
    expect(nextThresholdMs(watches, probe)).toBe(at(T0).plus({ minutes: 30 }).toMillis());
  });

  it('skips thresholds already notified', () => {
    const now = at(T0).plus({ minutes: 31 });
    const { tickets } = trackedAt(now);
    const log = recordAlerts({}, dueAlerts(tickets, DEFAULT_THRESHOLDS, {}, all), now);
    expect(pendingThresholds(tickets, DEFAULT_THRESHOLDS, log, all, now).map((watch) => watch.threshold)).toEqual([{ kind: 'percent', percent: 75 }]);
  });

  it('bisects over closed hours: never early, at most 30 s late', () => {
    // 240 business minutes on a 09–17 calendar from Monday 16:00: 50 % is reached on Tuesday at 10:00,
    // while the real-time lower bound (evaluated Monday 16:30 with 90 minutes to go) is Monday 18:00.
    const calendar = createCalendar({ timezone: 'UTC', weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } });
    const start = at('2026-11-23T16:00:00Z');
    const percentAt = (ms: number) => (businessMinutesBetween(calendar, start, DateTime.fromMillis(ms, { zone: 'utc' })) / 240) * 100;
    const expected = addBusinessMinutes(calendar, start, 120).toMillis();
    let probes = 0;
    const watch: ThresholdWatch = {
      ticketKey: 'k',
      clock: { metric: 'first_response', start: start.toISO() },
      threshold: { kind: 'percent', percent: 50 },
      lowerMs: at('2026-11-23T18:00:00Z').toMillis(),
      upperMs: addBusinessMinutes(calendar, start, 240).toMillis(),
    };
    const found = nextThresholdMs([watch], (_watch, ms) => {
      probes++;
      return percentAt(ms) >= 50;
    });
    expect(expected).toBe(at('2026-11-24T10:00:00Z').toMillis());
    expect(found).toBeGreaterThanOrEqual(expected);
    expect(found! - expected).toBeLessThanOrEqual(30_000);
    expect(probes).toBeLessThan(20);
  });

  it('probes only the watches that could come first', () => {
    const probed: string[] = [];
    const watch = (ticketKey: string, lowerMs: number): ThresholdWatch => ({
      ticketKey,
      clock: { metric: 'first_response', start: T0 },
      threshold: { kind: 'breached' },
      lowerMs,
      upperMs: lowerMs + 60_000,
    });
    const found = nextThresholdMs([watch('late', 5_000_000), watch('soon', 1_000_000)], (candidate, ms) => {
      probed.push(candidate.ticketKey);
      return ms >= candidate.lowerMs;
    });
    expect(found).toBe(1_000_000);
    expect(new Set(probed)).toEqual(new Set(['soon']));
  });
});

describe('quiet hours', () => {
  const workingHours = createCalendar({ timezone: 'Europe/London', weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } });

  it('is quiet outside the agent’s working hours, until they start again', () => {
    expect(quietState(workingHours, at('2026-11-23T10:00:00Z'))).toEqual({ quiet: false });
    const evening = quietState(workingHours, at('2026-11-23T18:00:00Z'));
    expect(evening.quiet).toBe(true);
    expect(evening.quiet && evening.until?.toMillis()).toBe(at('2026-11-24T09:00:00Z').toMillis());
  });

  it('is never quiet without working hours', () => {
    expect(quietState(undefined, at('2026-11-28T03:00:00Z'))).toEqual({ quiet: false });
  });
});
