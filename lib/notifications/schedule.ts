import type { DateTime } from 'luxon';
import type { Clock } from '../plans/index.ts';
import { instantMs } from '../registry/instants.ts';
import { isAssignedTo, type TrackedTicket } from '../registry/risk.ts';
import { isBusinessTime, nextBusinessTime, NoBusinessTimeError, type BusinessCalendar } from '../sla/index.ts';
import type { AlertScope, NotificationLog } from './alerts.ts';
import { clockRunId, isCrossed, isNotifiable, minutesLeftAt, thresholdId, type Threshold } from './thresholds.ts';

/**
 * The next threshold of one clock, and the window it must fall in. Business time never runs faster
 * than real time, so with `b` business minutes to go at `evaluatedAt` the crossing is no earlier than
 * `evaluatedAt + b` (exact when the calendar stays open) and no later than the deadline.
 */
export interface ThresholdWatch {
  ticketKey: string;
  clock: Pick<Clock, 'metric' | 'start'>;
  threshold: Threshold;
  lowerMs: number;
  upperMs: number;
}

/**
 * For every notifiable running clock, its next threshold not yet crossed or notified (only the next
 * one: later thresholds of the same clock cannot come sooner).
 *
 * @example
 * pendingThresholds(openTickets(registry, cache), DEFAULT_THRESHOLDS, log, scope, now)[0]?.threshold // => { kind: 'percent', percent: 75 }
 */
export function pendingThresholds(
  tickets: readonly TrackedTicket[],
  thresholds: readonly Threshold[],
  log: NotificationLog,
  scope: AlertScope,
  now: DateTime,
): ThresholdWatch[] {
  const watches: ThresholdWatch[] = [];
  for (const { key, entry, evaluation } of tickets) {
    if (!evaluation || evaluation.match.status !== 'matched') continue;
    if (scope.scope === 'mine' && !isAssignedTo(entry.ticket, scope.me)) continue;
    const evaluatedMs = instantMs(evaluation.evaluatedAt);
    for (const clock of evaluation.clocks) {
      if (!isNotifiable(clock) || clock.deadline === null || clock.remainingMinutes === null) continue;
      const remaining = clock.remainingMinutes;
      const next = thresholds
        .filter((threshold) => !isCrossed(clock, threshold) && log[key]?.[`${clockRunId(clock)}|${thresholdId(threshold)}`] === undefined)
        .sort((a, b) => minutesLeftAt(b, clock) - minutesLeftAt(a, clock))[0];
      if (!next) continue;
      const upperMs = instantMs(clock.deadline);
      const lowerMs = Math.min(Math.max(now.toMillis(), evaluatedMs + (remaining - minutesLeftAt(next, clock)) * 60_000), upperMs);
      watches.push({ ticketKey: key, clock: { metric: clock.metric, start: clock.start }, threshold: next, lowerMs, upperMs });
    }
  }
  return watches;
}

/** Tells whether the watched clock has crossed its threshold at an instant (by evaluating the ticket then). */
export type ThresholdProbe = (watch: ThresholdWatch, atMs: number) => boolean;

/** Chrome fires alarms at most every 30 s: finding a crossing more precisely than that gains nothing. */
export const ALARM_RESOLUTION_MS = 30_000;

/**
 * The earliest instant at which any watched threshold is crossed, never early and at most
 * `resolutionMs` late. Lower bounds are exact while calendars are open, so usually only the first
 * watch is probed; a watch whose window spans closed hours is bisected with `probe` (a pure evaluation
 * of the ticket at a future instant), and watches whose lower bound is already later than the best
 * instant found are never probed.
 *
 * @example
 * nextThresholdMs(pendingThresholds(...), (watch, atMs) => isCrossed(clockAt(watch, atMs), watch.threshold)) // => 1795424400000
 */
export function nextThresholdMs(watches: readonly ThresholdWatch[], probe: ThresholdProbe, resolutionMs = ALARM_RESOLUTION_MS): number | undefined {
  let best: number | undefined;
  for (const watch of [...watches].sort((a, b) => a.lowerMs - b.lowerMs)) {
    if (best !== undefined && watch.lowerMs >= best) break;
    const crossing = findCrossing(watch, probe, resolutionMs);
    if (crossing !== undefined && (best === undefined || crossing < best)) best = crossing;
  }
  return best;
}

function findCrossing(watch: ThresholdWatch, probe: ThresholdProbe, resolutionMs: number): number | undefined {
  // The deadline bounds every threshold; if even then it is not crossed, the clock changes in some
  // other way first (and its nextChangeAt wakes us for that).
  if (!probe(watch, watch.upperMs)) return undefined;
  let low = watch.lowerMs;
  let high = watch.upperMs;
  if (probe(watch, low)) return low;
  while (high - low > resolutionMs) {
    const middle = Math.floor((low + high) / 2);
    if (probe(watch, middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** Whether notifications must wait, and until when (undefined: the calendar never opens). */
export type QuietState = { quiet: false } | { quiet: true; until: DateTime | undefined };

/**
 * Quiet outside the agent's working hours, when configured.
 *
 * @example
 * quietState(createCalendar({ timezone: 'Europe/London', weekly: { mon: [['09:00', '17:00']] } }), DateTime.fromISO('2026-11-23T20:00:00Z'))
 * // => { quiet: true, until: 2026-11-30T09:00:00Z }
 */
export function quietState(workingHours: BusinessCalendar | undefined, now: DateTime): QuietState {
  if (!workingHours || isBusinessTime(workingHours, now)) return { quiet: false };
  try {
    return { quiet: true, until: nextBusinessTime(workingHours, now) };
  } catch (error) {
    if (error instanceof NoBusinessTimeError) return { quiet: true, until: undefined };
    throw error;
  }
}
