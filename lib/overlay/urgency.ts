import type { Clock, ClockState } from '../plans/evaluation-schema.ts';
import { remainingAt, toCountdown, type Countdown } from './countdown.ts';

/**
 * Clocks with a deadline first — moving ones and those waiting for business hours, by business time
 * left (a weekend wait does not make Monday's 1-hour deadline less urgent) — then paused, then finished.
 */
const STATE_ORDER: Record<ClockState, number> = { breached: 0, running: 0, pending_start: 0, paused: 1, met_late: 3, met: 3 };

/** A clock with what ordering needs, computed once. */
export interface RankedClock {
  clock: Clock;
  countdown: Countdown;
  /** [group, business minutes left]: lower is more urgent. */
  key: readonly [number, number];
}

function rankClock(clock: Clock, evaluatedAt: string, nowMs: number): RankedClock {
  const countdown = toCountdown(clock, evaluatedAt);
  // Within each state group binding clocks come first: the contract outranks a target.
  const group = STATE_ORDER[clock.state] * 2 + (clock.binding ? 0 : 1);
  return { clock, countdown, key: [group, remainingAt(countdown, nowMs) ?? Number.POSITIVE_INFINITY] };
}

/**
 * Compares urgency keys: negative when `a` is more urgent.
 *
 * @example
 * compareUrgency([0, -5], [0, 30]) // => negative: 5 m overdue beats 30 m left
 */
export function compareUrgency(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0] || (a[1] === b[1] ? 0 : a[1] < b[1] ? -1 : 1);
}

/**
 * The clock a one-badge summary should show: the most overdue or closest binding clock that is
 * moving; failing that a paused, waiting, then finished one. Undefined without clocks.
 *
 * @example
 * mostUrgentClock(evaluation.clocks, evaluation.evaluatedAt, nowMs)?.clock.metric // => 'first_response'
 */
export function mostUrgentClock(clocks: readonly Clock[], evaluatedAt: string, nowMs: number): RankedClock | undefined {
  let best: RankedClock | undefined;
  for (const clock of clocks) {
    const ranked = rankClock(clock, evaluatedAt, nowMs);
    if (!best || compareUrgency(ranked.key, best.key) < 0) best = ranked;
  }
  return best;
}

/**
 * "#3 by SLA": helpdesks cannot sort by our deadlines, so each row gets its rank among the rows on
 * the page by its most urgent clock. Rows whose clocks are all finished (or that have none) get no rank.
 * Ties keep page order.
 *
 * @example
 * rankBySla([{ id: '7', key: [0, 30] }, { id: '8', key: [0, -5] }, { id: '9', key: [6, 0] }]) // => Map { '8' => 1, '7' => 2 }
 */
export function rankBySla<Id>(rows: readonly { id: Id; key: readonly [number, number] | undefined }[]): Map<Id, number> {
  const finishedGroup = STATE_ORDER.met * 2;
  const ranked = rows.filter((row): row is { id: Id; key: readonly [number, number] } => row.key !== undefined && row.key[0] < finishedGroup);
  ranked.sort((a, b) => compareUrgency(a.key, b.key));
  return new Map(ranked.map((row, index) => [row.id, index + 1]));
}
