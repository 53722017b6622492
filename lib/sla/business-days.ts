import { DateTime } from 'luxon';
import type { BusinessCalendar } from './business-calendar.ts';
import { addBusinessMinutesMs, businessMsBetween, utcDateTime } from './business-time.ts';
import { MINUTE_MS } from './civil-days.ts';
import { localDayNumber, startOfLocalDayMs } from './local-dates.ts';
import { NoBusinessTimeError } from './zoned-schedule.ts';

/** A run of dates without business time longer than this means the calendar is (practically) closed. */
const MAX_CLOSED_DAYS = 3_660;

/** Business dates are asked about again and again (every ticket's targets): memoise each date's start and capacity. */
const dayCache = new WeakMap<BusinessCalendar, Map<number, { startMs: number; capacityMs: number }>>();
const DAY_CACHE_LIMIT = 50_000;

function businessDay(cal: BusinessCalendar, day: number): { startMs: number; capacityMs: number } {
  let cache = dayCache.get(cal);
  if (!cache) {
    cache = new Map();
    dayCache.set(cal, cache);
  }
  let entry = cache.get(day);
  if (!entry) {
    if (cache.size >= DAY_CACHE_LIMIT) cache.clear();
    const startMs = startOfLocalDayMs(cal.timezone, day);
    entry = { startMs, capacityMs: businessMsBetween(cal, startMs, startOfLocalDayMs(cal.timezone, day + 1)) };
    cache.set(day, entry);
  }
  return entry;
}

/**
 * The business time that `n` business days from `startMs` amount to: `businessMsBetween(cal, startMs,
 * addBusinessDaysMs(cal, startMs, n))`, without finding the instant (a target of N business days
 * is an allowance in business ms; finding the deadline and measuring back to it is two more walks).
 *
 * @example
 * // Mon 12:00 New York + 1 business day on a 9–17 calendar ends Tue 12:00: 8 business hours
 * businessDaysMs(nineToFive, Date.parse('2026-11-23T17:00:00Z'), 1) // => 28_800_000
 */
export function businessDaysMs(cal: BusinessCalendar, startMs: number, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0 (got ${n})`);
  if (!Number.isFinite(startMs)) throw new RangeError('start is not a valid instant');
  if (n === 0) return 0;
  let day = localDayNumber(cal.timezone, startMs);
  let offsetMs: number;
  let entry = businessDay(cal, day);
  if (entry.capacityMs > 0) {
    offsetMs = businessMsBetween(cal, entry.startMs, startMs);
  } else {
    let closed = 0;
    do {
      day -= 1;
      if (++closed > MAX_CLOSED_DAYS) throw new NoBusinessTimeError('no business date within 10 years before start');
      entry = businessDay(cal, day);
    } while (entry.capacityMs === 0);
    offsetMs = entry.capacityMs;
  }
  for (let counted = 0, closed = 0; counted < n; ) {
    day += 1;
    entry = businessDay(cal, day);
    if (entry.capacityMs > 0) {
      counted++;
      closed = 0;
    } else if (++closed > MAX_CLOSED_DAYS) {
      throw new NoBusinessTimeError('no business date within 10 years');
    }
  }
  return businessMsBetween(cal, startMs, entry.startMs) + Math.min(offsetMs, entry.capacityMs);
}

/**
 * Epoch-millisecond twin of {@link addBusinessDays} (integer arithmetic only, for hot loops).
 *
 * @example
 * addBusinessDaysMs(nineToFive, Date.parse('2026-11-23T17:00:00Z'), 1) // => Date.parse('2026-11-24T17:00:00Z')
 */
export function addBusinessDaysMs(cal: BusinessCalendar, startMs: number, n: number): number {
  const amountMs = businessDaysMs(cal, startMs, n);
  return n === 0 ? startMs : addBusinessMinutesMs(cal, startMs, amountMs / MINUTE_MS);
}

/**
 * Adds `n` business days: the same business offset into the day, `n` business dates later.
 *
 * Dates are local dates in `cal.timezone`; a business date is one with any business time. Let D be
 * the local date of `start` and `o` the business time on D before `start`. When D has no business
 * time, D becomes the previous business date and `o` its whole business time (so a Saturday counts
 * as Friday evening). The result is the earliest instant at which `min(o, business time of D+n)` of
 * the business date D+n has elapsed — the deadline convention of `addBusinessMinutes`. On a 9–17
 * Mon–Fri calendar: Mon 12:00 + 1 = Tue 12:00; Mon 09:00 (or Mon 08:00, or Sat) + 1 = the end of
 * the next full business day after the one in progress (Mon 17:00 from Sat); Fri 17:00 + 1 = Mon 17:00.
 *
 * @param n a whole number >= 0; 0 returns `start`.
 * @example
 * addBusinessDays(cal, DateTime.fromISO('2026-11-23T12:00', { zone: 'America/New_York' }), 1).toISO()
 * // => '2026-11-24T17:00:00.000Z' (Tue 12:00 New York)
 */
export function addBusinessDays(cal: BusinessCalendar, start: DateTime, n: number): DateTime {
  if (!DateTime.isDateTime(start) || !start.isValid) throw new RangeError('start must be a valid Luxon DateTime');
  return utcDateTime(addBusinessDaysMs(cal, start.toMillis(), n));
}
