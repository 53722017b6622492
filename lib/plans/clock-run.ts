import { addBusinessMinutesMs, businessMsBetween, nextBusinessWindowMs, type BusinessCalendar } from '../sla/index.ts';
import type { ClockState, WarningLevel } from './evaluation-schema.ts';

const MINUTE_MS = 60_000;

/** A stretch of the clock measured on one calendar (severity changes can switch calendars mid-clock). */
export interface ClockLeg {
  calendar: BusinessCalendar;
  fromMs: number;
}

/** Time that does not count; `toMs` null while it lasts. */
export interface PauseInterval {
  fromMs: number;
  toMs: number | null;
  reason: string;
}

/** Everything one clock needs: where it runs, what it allows, what stopped or paused it. */
export interface ClockRun {
  /** In time order; the first leg's `fromMs` is the clock's start; the last leg runs on. */
  legs: ClockLeg[];
  targetMs: number;
  pauses: PauseInterval[];
  /** When the clock was satisfied (a reply, an update, the solve), or null. */
  stopMs: number | null;
  nowMs: number;
  warn: { percentElapsed?: number | undefined; minutesLeft?: number | undefined };
}

export interface ClockOutcome {
  state: ClockState;
  elapsedMs: number;
  /** The earliest instant the target is used up, assuming no further pauses; null while paused before it. */
  deadlineMs: number | null;
  remainingMs: number | null;
  percentElapsed: number;
  warning: WarningLevel;
  nextChangeMs: number | null;
  /** First business instant of a clock that has not counted anything yet (null otherwise). */
  firstBusinessMs: number | null;
  pausedBecause: string | undefined;
}

interface Piece {
  calendar: BusinessCalendar;
  fromMs: number;
  toMs: number;
}

/** The clock's counting stretches: legs minus pauses (an ongoing pause ends the list). */
function countingPieces(run: Pick<ClockRun, 'legs' | 'pauses'>): Piece[] {
  const pieces: Piece[] = [];
  const legs = run.legs;
  for (let k = 0; k < legs.length; k++) {
    const leg = legs[k] as ClockLeg;
    const legEnd = legs[k + 1]?.fromMs ?? Number.POSITIVE_INFINITY;
    let cursor = leg.fromMs;
    for (const pause of run.pauses) {
      const pauseEnd = pause.toMs ?? Number.POSITIVE_INFINITY;
      if (pauseEnd <= cursor || pause.fromMs >= legEnd) continue;
      if (pause.fromMs > cursor) pieces.push({ calendar: leg.calendar, fromMs: cursor, toMs: pause.fromMs });
      cursor = Math.max(cursor, pauseEnd);
    }
    if (cursor < legEnd) pieces.push({ calendar: leg.calendar, fromMs: cursor, toMs: legEnd });
  }
  return pieces;
}

function elapsedAt(pieces: Piece[], atMs: number): number {
  let total = 0;
  for (const piece of pieces) {
    if (piece.fromMs >= atMs) break;
    total += businessMsBetween(piece.calendar, piece.fromMs, Math.min(piece.toMs, atMs));
  }
  return total;
}

/** Earliest instant at which `amountMs` of business time has been counted, or null if it never is (ongoing pause). */
function instantWhenCounted(pieces: Piece[], amountMs: number): number | null {
  let remaining = amountMs;
  for (const piece of pieces) {
    if (piece.toMs === Number.POSITIVE_INFINITY) {
      try {
        return addBusinessMinutesMs(piece.calendar, piece.fromMs, remaining / MINUTE_MS);
      } catch {
        return null; // a calendar without business time never reaches the target
      }
    }
    const capacity = businessMsBetween(piece.calendar, piece.fromMs, piece.toMs);
    if (remaining <= capacity) return addBusinessMinutesMs(piece.calendar, piece.fromMs, remaining / MINUTE_MS);
    remaining -= capacity;
  }
  return null;
}

/** The earlier of `current` and `at`, counting `at` only when it is after `nowMs`. */
function earliestAfter(current: number | null, at: number | null, nowMs: number): number | null {
  return at !== null && at > nowMs && (current === null || at < current) ? at : current;
}

function firstBusinessInstant(pieces: Piece[]): number | null {
  for (const piece of pieces) {
    // Only the start matters here: a short window is enough.
    const window = nextBusinessWindowMs(piece.calendar, piece.fromMs, 1);
    if (window && window.startMs < piece.toMs) return window.startMs;
  }
  return null;
}

/**
 * Was a stopped clock met on time (`runClock(run).state === 'met'`)? Compares the business time
 * counted by the stop with the target instead of finding the deadline: less than the target is on
 * time, more is late (the deadline is the earliest instant at which exactly the target is counted,
 * and counted time only grows). Only a tie needs the deadline itself (a reply on Saturday to a
 * Friday 17:00 deadline has counted exactly the target, and is late).
 *
 * @example
 * metInTime({ legs: [{ calendar, fromMs }], targetMs: 3_600_000, pauses: [], stopMs: fromMs + 1_800_000 }) // => true
 */
export function metInTime(run: Pick<ClockRun, 'legs' | 'targetMs' | 'pauses'> & { stopMs: number }): boolean {
  const pieces = countingPieces(run);
  const elapsedMs = elapsedAt(pieces, run.stopMs);
  if (elapsedMs < run.targetMs) return true;
  if (elapsedMs > run.targetMs) return false;
  const deadlineMs = instantWhenCounted(pieces, run.targetMs);
  return deadlineMs === null || run.stopMs <= deadlineMs;
}

/**
 * Runs one clock: counts business time on its legs' calendars, skipping pauses, until it was
 * stopped or until now, and projects the deadline assuming no further pauses.
 *
 * States: `met` (stopped by the deadline), `met_late`, `breached` (not stopped, deadline passed),
 * `paused`, `pending_start` (no business time has begun yet), `running`. Met on time means
 * stopped at or before the deadline instant — a reply on Saturday to a Friday 17:00 deadline is late.
 *
 * @example
 * runClock({ legs: [{ calendar, fromMs }], targetMs: 3_600_000, pauses: [], stopMs: null, nowMs, warn: {} }).state // => 'running'
 */
export function runClock(run: ClockRun): ClockOutcome {
  const pieces = countingPieces(run);
  const endMs = run.stopMs ?? run.nowMs;
  const elapsedMs = elapsedAt(pieces, endMs);
  const deadlineMs = instantWhenCounted(pieces, run.targetMs);
  // Only a clock that has counted nothing yet can be waiting for its first business moment.
  const firstBusinessMs = elapsedMs === 0 && run.stopMs === null ? firstBusinessInstant(pieces) : null;
  const percentElapsed = Math.round((elapsedMs / run.targetMs) * 1000) / 10;
  const remainingMs = run.targetMs - elapsedMs;
  let ongoingPause: PauseInterval | undefined;
  for (const pause of run.pauses) {
    if (pause.fromMs <= run.nowMs && (pause.toMs === null || pause.toMs > run.nowMs)) {
      ongoingPause = pause;
      break;
    }
  }

  if (run.stopMs !== null) {
    const late = deadlineMs === null ? false : run.stopMs > deadlineMs;
    return {
      state: late ? 'met_late' : 'met',
      elapsedMs,
      deadlineMs,
      remainingMs,
      percentElapsed,
      warning: late ? 'breached' : 'none',
      nextChangeMs: null,
      firstBusinessMs,
      pausedBecause: undefined,
    };
  }
  if (deadlineMs !== null && run.nowMs > deadlineMs) {
    return { state: 'breached', elapsedMs, deadlineMs, remainingMs, percentElapsed, warning: 'breached', nextChangeMs: null, firstBusinessMs, pausedBecause: undefined };
  }
  // At most two warning thresholds (percent elapsed, minutes left), kept in locals rather than an array.
  const warnPercentAtMs = run.warn.percentElapsed === undefined ? undefined : (run.targetMs * run.warn.percentElapsed) / 100;
  const warnLeftAtMs = run.warn.minutesLeft === undefined ? undefined : Math.max(0, run.targetMs - run.warn.minutesLeft * MINUTE_MS);
  const warning: WarningLevel =
    (warnPercentAtMs !== undefined && elapsedMs >= warnPercentAtMs) || (warnLeftAtMs !== undefined && elapsedMs >= warnLeftAtMs) ? 'warning' : 'none';
  if (ongoingPause) {
    return { state: 'paused', elapsedMs, deadlineMs: null, remainingMs, percentElapsed, warning, nextChangeMs: null, firstBusinessMs, pausedBecause: ongoingPause.reason };
  }
  // The earliest upcoming change: the first business moment, a warning threshold, or just after the
  // deadline (the state flips to breached then). Only instants after now count.
  let nextChangeMs = earliestAfter(null, firstBusinessMs, run.nowMs);
  if (warnPercentAtMs !== undefined && warnPercentAtMs > elapsedMs) nextChangeMs = earliestAfter(nextChangeMs, instantWhenCounted(pieces, warnPercentAtMs), run.nowMs);
  if (warnLeftAtMs !== undefined && warnLeftAtMs > elapsedMs) nextChangeMs = earliestAfter(nextChangeMs, instantWhenCounted(pieces, warnLeftAtMs), run.nowMs);
  nextChangeMs = earliestAfter(nextChangeMs, deadlineMs === null ? null : deadlineMs + 1, run.nowMs);
  const pendingStart = firstBusinessMs !== null && run.nowMs < firstBusinessMs;
  return {
    state: pendingStart ? 'pending_start' : 'running',
    elapsedMs,
    deadlineMs,
    remainingMs,
    percentElapsed,
    warning,
    nextChangeMs,
    firstBusinessMs,
    pausedBecause: undefined,
  };
}
