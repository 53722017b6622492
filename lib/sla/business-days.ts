import { DateTime } from 'luxon';
import type { BusinessCalendar } from './business-calendar.ts';
import { addBusinessMinutesMs, businessMsBetween, utcDateTime } from './business-time.ts';
import { MINUTE_MS } from './civil-days.ts';
import { NoBusinessTimeError } from './zoned-schedule.ts';

/** A run of dates without business time longer than this means the calendar is (practically) closed. */
const MAX_CLOSED_DAYS = 3_660;

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
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0 (got ${n})`);
  if (!DateTime.isDateTime(start) || !start.isValid) throw new RangeError('start must be a valid Luxon DateTime');
  const startMs = start.toMillis();
  if (n === 0) return utcDateTime(startMs);

  const dayStartMs = (day: DateTime) => day.startOf('day').toMillis();
  const capacityMs = (day: DateTime) => businessMsBetween(cal, dayStartMs(day), dayStartMs(day.plus({ days: 1 })));

  let day = DateTime.fromMillis(startMs, { zone: cal.timezone }).startOf('day');
  let offsetMs: number;
  if (capacityMs(day) > 0) {
    offsetMs = businessMsBetween(cal, dayStartMs(day), startMs);
  } else {
    let closed = 0;
    do {
      day = day.minus({ days: 1 });
      if (++closed > MAX_CLOSED_DAYS) throw new NoBusinessTimeError('no business date within 10 years before start');
    } while (capacityMs(day) === 0);
    offsetMs = capacityMs(day);
  }
  for (let counted = 0, closed = 0; counted < n; ) {
    day = day.plus({ days: 1 });
    if (capacityMs(day) > 0) {
      counted++;
      closed = 0;
    } else if (++closed > MAX_CLOSED_DAYS) {
      throw new NoBusinessTimeError('no business date within 10 years');
    }
  }
  const targetMs = dayStartMs(day);
  const amountMs = businessMsBetween(cal, startMs, targetMs) + Math.min(offsetMs, capacityMs(day));
  return utcDateTime(addBusinessMinutesMs(cal, startMs, amountMs / MINUTE_MS));
}
