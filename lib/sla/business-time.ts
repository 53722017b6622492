import { DateTime, FixedOffsetZone } from 'luxon';
import { MINUTE_MS } from './civil-days.ts';
import type { BusinessCalendar } from './business-calendar.ts';
import { UnionSchedule } from './union-schedule.ts';
import { MAX_WINDOW_MS, NoBusinessTimeError, type BusinessWindow, type ZonedSchedule } from './zoned-schedule.ts';

function assertInstantMs(ms: number, what: string): void {
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid instant`);
}

function toMs(value: DateTime, what: string): number {
  if (!DateTime.isDateTime(value) || !value.isValid) throw new RangeError(`${what} must be a valid Luxon DateTime`);
  return value.toMillis();
}

/** Results are UTC; the shared zone instance spares Luxon parsing a zone name on every call. */
export function utcDateTime(ms: number): DateTime {
  return DateTime.fromMillis(ms, { zone: FixedOffsetZone.utcInstance });
}

/** Each follow-the-sun calendar's merged schedule (calendars are immutable, so one per calendar, built on first use). */
const unions = new WeakMap<BusinessCalendar, UnionSchedule>();

function unionSchedule(cal: BusinessCalendar): UnionSchedule {
  let union = unions.get(cal);
  if (!union) {
    union = new UnionSchedule(cal.members);
    unions.set(cal, union);
  }
  return union;
}

/**
 * The business window containing `utcMs` or the next one (for a union: the earliest member window,
 * extended while any member's business time continues at its end). Windows are cut at
 * `maxLengthMs` (at most a week), so a window's end is not necessarily a closing time.
 *
 * @example
 * nextBusinessWindowMs(nineToFive, Date.parse('2026-11-28T15:00:00Z'))
 * // => { startMs: Date.parse('2026-11-30T14:00:00Z'), endMs: Date.parse('2026-11-30T22:00:00Z') }
 */
export function nextBusinessWindowMs(cal: BusinessCalendar, utcMs: number, maxLengthMs: number = MAX_WINDOW_MS): BusinessWindow | undefined {
  const members = cal.members;
  if (members.length === 1) return (members[0] as ZonedSchedule).nextWindow(utcMs, maxLengthMs);
  return unionSchedule(cal).nextWindow(utcMs, maxLengthMs);
}

/**
 * Business milliseconds in `[fromMs, toMs)`; negative when `toMs < fromMs`.
 *
 * @example
 * businessMsBetween(cal, Date.parse('2026-11-23T14:00:00Z'), Date.parse('2026-11-23T15:30:00Z')) // => 5_400_000
 */
export function businessMsBetween(cal: BusinessCalendar, fromMs: number, toMs: number): number {
  assertInstantMs(fromMs, 'from');
  assertInstantMs(toMs, 'to');
  // `0 -` rather than unary minus: an empty span is 0, never -0.
  if (toMs < fromMs) return 0 - businessMsBetween(cal, toMs, fromMs);
  if (cal.members.length === 1) return (cal.members[0] as ZonedSchedule).businessMsBetween(fromMs, toMs);
  return unionSchedule(cal).businessMsBetween(fromMs, toMs);
}

/**
 * Earliest instant T >= startMs whose business time since `startMs` is `minutes` (rounded to the ms).
 * Epoch-millisecond twin of {@link addBusinessMinutes}, for hot loops.
 *
 * @throws {RangeError} for negative or non-finite minutes, or a calendar without business time.
 * @example
 * // Mon 2026-11-23 09:00 New York + 480 business minutes on a 9–17 calendar = 17:00 (22:00Z)
 * addBusinessMinutesMs(nineToFive, Date.parse('2026-11-23T14:00:00Z'), 480) // => Date.parse('2026-11-23T22:00:00Z')
 */
export function addBusinessMinutesMs(cal: BusinessCalendar, startMs: number, minutes: number): number {
  assertInstantMs(startMs, 'start');
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be a finite number >= 0 (got ${minutes})`);
  const amountMs = Math.round(minutes * MINUTE_MS);
  if (cal.members.length === 1) return (cal.members[0] as ZonedSchedule).addBusinessMs(startMs, amountMs);
  return unionSchedule(cal).addBusinessMs(startMs, amountMs);
}

/**
 * The deadline: the earliest instant T >= start such that `businessMinutesBetween(cal, start, T) === minutes`.
 * Mon 09:00 + 480 on a 9–17 calendar is Mon 17:00 (not Tue 09:00); Fri 16:30 + 60 is Mon 09:30; + 0 is start.
 *
 * @returns a UTC DateTime.
 * @example
 * addBusinessMinutes(cal, DateTime.fromISO('2026-11-27T16:30', { zone: 'America/New_York' }), 60).toISO()
 * // => '2026-11-30T14:30:00.000Z'
 */
export function addBusinessMinutes(cal: BusinessCalendar, start: DateTime, minutes: number): DateTime {
  return utcDateTime(addBusinessMinutesMs(cal, toMs(start, 'start'), minutes));
}

/**
 * Business minutes in `[from, to)`, fractional to the millisecond, negative when `to < from`.
 *
 * @example
 * businessMinutesBetween(cal, DateTime.fromISO('2026-11-27T16:30', { zone: 'America/New_York' }),
 *   DateTime.fromISO('2026-11-30T09:30', { zone: 'America/New_York' })) // => 60
 */
export function businessMinutesBetween(cal: BusinessCalendar, from: DateTime, to: DateTime): number {
  return businessMsBetween(cal, toMs(from, 'from'), toMs(to, 'to')) / MINUTE_MS;
}

/**
 * Is `utcMs` inside business hours (of any member, for a union)?
 *
 * @example
 * isBusinessTimeMs(nineToFive, Date.parse('2026-11-23T14:00:00Z')) // => true (Mon 09:00 New York)
 */
export function isBusinessTimeMs(cal: BusinessCalendar, utcMs: number): boolean {
  assertInstantMs(utcMs, 't');
  return cal.members.some((member) => member.isBusinessTime(utcMs));
}

/**
 * Is `t` business time? Intervals are half-open: opening time is inside, closing time is not.
 *
 * @example
 * isBusinessTime(cal, DateTime.fromISO('2026-11-23T17:00', { zone: 'America/New_York' })) // => false
 */
export function isBusinessTime(cal: BusinessCalendar, t: DateTime): boolean {
  return isBusinessTimeMs(cal, toMs(t, 't'));
}

/**
 * The earliest business instant at or after `t`: `t` itself inside business hours, otherwise the
 * start of the next window (in UTC).
 *
 * @throws {RangeError} when the calendar has no business time within 100 years.
 * @example
 * nextBusinessTime(cal, DateTime.fromISO('2026-11-28T10:00', { zone: 'America/New_York' })).toISO()
 * // => '2026-11-30T14:00:00.000Z' (Mon 09:00 New York)
 */
export function nextBusinessTime(cal: BusinessCalendar, t: DateTime): DateTime {
  const window = nextBusinessWindowMs(cal, toMs(t, 't'));
  if (!window) throw new NoBusinessTimeError('calendar has no business time within 100 years');
  return utcDateTime(Math.max(window.startMs, t.toMillis()));
}
