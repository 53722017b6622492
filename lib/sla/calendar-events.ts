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
  const out: CrossedHoliday[] = [];
  if (!(toMs > fromMs)) return out;
  // Loops and plain literals, not flatMap and conditional spreads: every clock's explanation asks.
  for (const member of cal.members) {
    const fromLocal = fromMs + member.offsets.offsetMsAt(fromMs);
    const toLocal = toMs + member.offsets.offsetMsAt(toMs);
    const fromDay = Math.floor(fromLocal / DAY_MS);
    const toDay = Math.floor((toLocal - 1) / DAY_MS) + 1;
    member.local.ensureCovered(fromDay, toDay);
    for (const holiday of member.local.holidaysBetween(fromDay, toDay)) {
      const date = isoDateOfDayNumber(holiday.dayNumber);
      out.push(holiday.name === undefined ? { date, zone: member.zone } : { date, name: holiday.name, zone: member.zone });
    }
  }
  return out;
}

/**
 * Offset changes (DST shifts) in `(fromMs, toMs]` in every zone of the calendar.
 *
 * @example
 * offsetChangesBetween(newYork, Date.parse('2026-10-30T00:00Z'), Date.parse('2026-11-03T00:00Z'))
 * // => [{ atMs: Date.parse('2026-11-01T06:00Z'), zone: 'America/New_York', offsetBeforeMinutes: -240, offsetAfterMinutes: -300 }]
 */
export function offsetChangesBetween(cal: BusinessCalendar, fromMs: number, toMs: number): CrossedOffsetChange[] {
  const out: CrossedOffsetChange[] = [];
  if (!(toMs > fromMs)) return out;
  const members = cal.members;
  for (let k = 0; k < members.length; k++) {
    const member = members[k] as BusinessCalendar['members'][number];
    // Each zone once (members are few: a scan of the earlier ones beats a Set per call).
    let seen = false;
    for (let j = 0; j < k && !seen; j++) seen = (members[j] as BusinessCalendar['members'][number]).zone === member.zone;
    if (seen) continue;
    for (const change of member.offsets.transitionsBetween(fromMs, toMs)) {
      out.push({ atMs: change.atMs, offsetBeforeMinutes: change.offsetBeforeMinutes, offsetAfterMinutes: change.offsetAfterMinutes, zone: member.zone });
    }
  }
  return out;
}
