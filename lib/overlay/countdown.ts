import { formatMinutes } from '../format/duration.ts';
import type { Clock, ClockState } from '../plans/evaluation-schema.ts';

const MINUTE_MS = 60_000;
const SECOND_MS = 1000;
/** Countdowns closer than this to zero (either side) show seconds, and only then tick every second. */
const SECONDS_BELOW_MINUTES = 10;

/**
 * Without a business window the page cannot follow a moving clock for long (an overdue one does not
 * move at all), so it asks again this often.
 */
const NO_WINDOW_REEVALUATE_MS = 5 * 60_000;

/** States in which business time moves the clock: down while running, up (overdue) once breached. */
const MOVING_STATES: ReadonlySet<ClockState> = new Set(['running', 'breached']);

/** What the page needs of one clock between evaluations, parsed once per evaluation (ticks only do arithmetic). */
export interface Countdown {
  state: ClockState;
  /** Business minutes left at `evaluatedAtMs`, negative when overdue; null when nothing counts down. */
  remainingMinutes: number | null;
  evaluatedAtMs: number;
  deadlineMs: number | null;
  nextChangeAtMs: number | null;
  /** The business window at or after `evaluatedAtMs`; null: none at all; undefined: the evaluator did not say. */
  window: { startMs: number; endMs: number } | null | undefined;
}

const msOrNull = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/**
 * Parses what the ticks need from a clock of an evaluation made at `evaluatedAt`.
 *
 * @example
 * toCountdown(clock, evaluation.evaluatedAt).remainingMinutes // => 42
 */
export function toCountdown(clock: Clock, evaluatedAt: string): Countdown {
  const window = clock.businessWindow;
  return {
    state: clock.state,
    remainingMinutes: clock.remainingMinutes,
    evaluatedAtMs: Date.parse(evaluatedAt),
    deadlineMs: msOrNull(clock.deadline),
    nextChangeAtMs: msOrNull(clock.nextChangeAt),
    window: window ? { startMs: Date.parse(window.start), endMs: Date.parse(window.end) } : window,
  };
}

/**
 * Business minutes left at `nowMs`, computed on the page between two evaluations.
 *
 * The rule: business time is not wall time, and the page cannot tell from the clock alone whether
 * the calendar is open. So only a running or breached clock moves, and only by the business time
 * the evaluator vouched for: 1:1 inside `businessWindow` (the window containing the evaluation, or
 * the next one), not at all before the window opens, and no further than its end: what happens after
 * the end is unknown, so the page asks the background again then ({@link reevaluateAt}), and at
 * `nextChangeAt` (state or warning level changes). Paused, waiting and finished clocks hold still.
 *
 * Without `businessWindow` (an evaluator that does not say) the value is only narrowed: business time
 * ahead never exceeds wall time ahead, so a running clock has at most `deadline − now` left. That is
 * exact across closed hours and within the last business stretch before the deadline, and too
 * generous inside earlier stretches; an overdue clock holds still. The page then asks again every
 * few minutes ({@link reevaluateAt}).
 *
 * @example
 * // 30 m left at 09:00 inside a 09:00–17:00 window: 20 m at 09:10
 * remainingAt(countdown, Date.parse('2026-11-23T09:10:00Z')) // => 20
 */
export function remainingAt(countdown: Countdown, nowMs: number): number | null {
  const { remainingMinutes, state, window, evaluatedAtMs, deadlineMs } = countdown;
  if (remainingMinutes === null || !MOVING_STATES.has(state) || nowMs <= evaluatedAtMs) return remainingMinutes;
  if (window === undefined) {
    return state === 'running' && deadlineMs !== null ? Math.min(remainingMinutes, (deadlineMs - nowMs) / MINUTE_MS) : remainingMinutes;
  }
  if (window === null) return remainingMinutes;
  const counted = Math.min(nowMs, window.endMs) - Math.max(evaluatedAtMs, window.startMs);
  return counted > 0 ? remainingMinutes - counted / MINUTE_MS : remainingMinutes;
}

/**
 * Is business time passing for this clock at `nowMs` (so its countdown moves)?
 *
 * @example
 * isCountingAt(countdown, Date.parse('2026-11-28T12:00:00Z')) // => false on a Saturday for a Mon–Fri calendar
 */
export function isCountingAt(countdown: Countdown, nowMs: number): boolean {
  const { remainingMinutes, state, window, deadlineMs } = countdown;
  if (remainingMinutes === null || !MOVING_STATES.has(state)) return false;
  if (window === undefined) return state === 'running' && deadlineMs !== null && (deadlineMs - nowMs) / MINUTE_MS < remainingMinutes;
  return window !== null && window.startMs <= nowMs && nowMs < window.endMs;
}

function secondsText(totalSeconds: number): string {
  const wholeMinutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return wholeMinutes > 0 ? `${wholeMinutes} m ${String(seconds).padStart(2, '0')} s` : `${seconds} s`;
}

/**
 * A countdown for people: time left, or overdue counting up; seconds only near zero and while
 * moving. Time left rounds up (a countdown shows zero only when time is up), time overdue rounds
 * down like any elapsed time.
 *
 * @example
 * formatCountdown(130, false) // => '2 h 10 m left'
 * formatCountdown(4.5, true) // => '4 m 30 s left'
 * formatCountdown(29.99, false) // => '30 m left'
 * formatCountdown(-12.7, false) // => 'overdue 12 m'
 */
export function formatCountdown(minutes: number, withSeconds: boolean): string {
  const magnitude = Math.abs(minutes);
  const round = minutes < 0 ? Math.floor : Math.ceil;
  const text = withSeconds && magnitude < SECONDS_BELOW_MINUTES ? secondsText(round(magnitude * 60)) : formatMinutes(round(magnitude));
  return minutes < 0 ? `overdue ${text}` : `${text} left`;
}

/**
 * The countdown text at `nowMs`, or null when the clock has nothing to count.
 *
 * @example
 * countdownText(countdown, nowMs) // => '1 h 5 m left'
 */
export function countdownText(countdown: Countdown, nowMs: number): string | null {
  const minutes = remainingAt(countdown, nowMs);
  return minutes === null ? null : formatCountdown(minutes, isCountingAt(countdown, nowMs));
}

/**
 * When {@link countdownText} next changes after `nowMs` (null: it stays as it is), so the ticker
 * wakes up exactly when a visible number needs it and not every second.
 *
 * @example
 * nextTextChangeAt(countdownWith90SecondsLeft, nowMs) // => nowMs + 1000, and so on every second
 */
export function nextTextChangeAt(countdown: Countdown, nowMs: number): number | null {
  if (!isCountingAt(countdown, nowMs)) {
    const { window, state, deadlineMs, remainingMinutes } = countdown;
    if (remainingMinutes === null || !MOVING_STATES.has(state)) return null;
    if (window && nowMs < window.startMs) return window.startMs;
    // Without a window the narrowing starts when the wall time to the deadline equals the time left.
    if (window === undefined && state === 'running' && deadlineMs !== null) {
      const narrowingFrom = deadlineMs - remainingMinutes * MINUTE_MS;
      return narrowingFrom > nowMs ? narrowingFrom : null;
    }
    return null;
  }
  const remainingMs = (remainingAt(countdown, nowMs) ?? 0) * MINUTE_MS;
  const secondsFromMs = SECONDS_BELOW_MINUTES * MINUTE_MS;
  const unit = Math.abs(remainingMs) < secondsFromMs ? SECOND_MS : MINUTE_MS;
  if (remainingMs <= 0) return nowMs + unit - (-remainingMs % unit);
  // Time left is rounded up, so it drops at each multiple of the unit; seconds appear just below the threshold.
  const atNextMultiple = nowMs + (remainingMs % unit || unit);
  return remainingMs >= secondsFromMs ? Math.min(atNextMultiple, nowMs + remainingMs - secondsFromMs + 1) : atNextMultiple;
}

/**
 * When the page must ask the background again for this clock: at `nextChangeAt`, and at the end of
 * the business window it counted in (after that it cannot know the rate); without a window, every
 * few minutes while the clock moves. Null: no need.
 *
 * @example
 * reevaluateAt(countdown) // => Date.parse('2026-11-23T17:00:00Z'), the window's end
 */
export function reevaluateAt(countdown: Countdown): number | null {
  const { nextChangeAtMs, window, state, remainingMinutes, evaluatedAtMs } = countdown;
  const moving = remainingMinutes !== null && MOVING_STATES.has(state);
  const windowEnd = moving && window ? window.endMs : null;
  const noWindowRefresh = moving && window === undefined ? evaluatedAtMs + NO_WINDOW_REEVALUATE_MS : null;
  // An instant at or before the evaluation is no news: asking again for it would only loop.
  const candidates = [nextChangeAtMs, windowEnd, noWindowRefresh].filter((at): at is number => at !== null && at > evaluatedAtMs);
  return candidates.length > 0 ? Math.min(...candidates) : null;
}
