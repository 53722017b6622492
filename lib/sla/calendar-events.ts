import type { BusinessCalendar } from './business-calendar.ts';
import { DAY_MS, isoDateOfDayNumber } from './civil-days.ts';

/** A holiday that closed business time in a span, in one member's zone. */
export interface CrossedHoliday {
  date: string;
  name?: string;
  zone: string;
}

/** A UTC-offset change (DST) in one member's zone. */
export interface CrossedOffsetChange {
  atMs: number;
  zone: string;
  offsetBeforeMinutes: number;
  offsetAfterMinutes: number;
}

/**
 * Holidays that removed business time from `[fromMs, toMs)` (local dates overlapping the span), for
 * explanations ("why this number").
 *
 * @example
 * holidaysBetween(london, Date.parse('2026-12-24T00:00Z'), Date.parse('2026-12-29T00:00Z'))
 * // => [{ date: '2026-12-24', zone: 'Europe/London' }, { date: '2026-12-25', zone: 'Europe/London' }, …]
 */
export function holidaysBetween(cal: BusinessCalendar, fromMs: number, toMs: number): CrossedHoliday[] {
  if (!(toMs > fromMs)) return [];
  return cal.members.flatMap((member) => {
    const fromLocal = fromMs + member.offsets.offsetMsAt(fromMs);
    const toLocal = toMs + member.offsets.offsetMsAt(toMs);
    const fromDay = Math.floor(fromLocal / DAY_MS);
    const toDay = Math.floor((toLocal - 1) / DAY_MS) + 1;
    member.local.ensureCovered(fromDay, toDay);
    return member.local.holidaysBetween(fromDay, toDay).map((holiday) => ({
      date: isoDateOfDayNumber(holiday.dayNumber),
      ...(holiday.name === undefined ? {} : { name: holiday.name }),
      zone: member.zone,
    }));
  });
}

/**
 * Offset changes (DST shifts) in `(fromMs, toMs]` in every zone of the calendar.
 *
 * @example
 * offsetChangesBetween(newYork, Date.parse('2026-10-30T00:00Z'), Date.parse('2026-11-03T00:00Z'))
 * // => [{ atMs: Date.parse('2026-11-01T06:00Z'), zone: 'America/New_York', offsetBeforeMinutes: -240, offsetAfterMinutes: -300 }]
 */
export function offsetChangesBetween(cal: BusinessCalendar, fromMs: number, toMs: number): CrossedOffsetChange[] {
  if (!(toMs > fromMs)) return [];
  const seen = new Set<string>();
  return cal.members.flatMap((member) => {
    if (seen.has(member.zone)) return [];
    seen.add(member.zone);
    return member.offsets.transitionsBetween(fromMs, toMs).map((change) => ({ ...change, zone: member.zone }));
  });
}
