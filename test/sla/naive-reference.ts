/**
 * A deliberately naive reference for the business-time engine: it walks minute by minute and asks
 * Luxon for each minute's local wall-clock time, applying the README's normative definition
 * literally. Slow and obviously right; the engine must agree with it everywhere.
 * (Boundaries are whole minutes and test instants are whole UTC minutes, so one probe per minute is exact.)
 */
import { DateTime } from 'luxon';
import type { CalendarSpec, ZonedCalendarSpec } from '../../lib/sla/index.ts';

const MINUTE_MS = 60_000;
const KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function minutes(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

function holidayClosed(spec: ZonedCalendarSpec, isoDate: string, minuteOfDay: number): boolean {
  for (const holiday of spec.holidays ?? []) {
    const onDate =
      'date' in holiday
        ? isoDate >= holiday.date && isoDate <= (holiday.through ?? holiday.date)
        : isoDate.slice(5) === holiday.annual;
    if (!onDate) continue;
    const from = minutes(holiday.from ?? '00:00');
    const to = minutes(holiday.to ?? '24:00');
    if (minuteOfDay >= from && minuteOfDay < to) return true;
  }
  return false;
}

function zonedIsBusiness(spec: ZonedCalendarSpec, utcMs: number): boolean {
  const local = DateTime.fromMillis(utcMs, { zone: spec.timezone });
  const minuteOfDay = local.hour * 60 + local.minute;
  const weekday = local.weekday % 7; // Luxon: Monday = 1 … Sunday = 7
  if (holidayClosed(spec, local.toISODate() as string, minuteOfDay)) return false;
  // Intervals of this weekday, and the after-midnight tails of the previous weekday's.
  for (const [from, to] of spec.weekly[KEYS[weekday] as (typeof KEYS)[number]] ?? []) {
    const start = minutes(from);
    const end = minutes(to) > start ? minutes(to) : 1440;
    if (minuteOfDay >= start && minuteOfDay < end) return true;
  }
  for (const [from, to] of spec.weekly[KEYS[(weekday + 6) % 7] as (typeof KEYS)[number]] ?? []) {
    if (minutes(to) <= minutes(from) && minuteOfDay < minutes(to)) return true;
  }
  return false;
}

export function naiveIsBusiness(spec: CalendarSpec, utcMs: number): boolean {
  return 'union' in spec ? spec.union.some((member) => naiveIsBusiness(member, utcMs)) : zonedIsBusiness(spec, utcMs);
}

/** Business minutes in [fromMs, toMs), both whole UTC minutes, fromMs <= toMs. */
export function naiveMinutesBetween(spec: CalendarSpec, fromMs: number, toMs: number): number {
  let count = 0;
  for (let t = fromMs; t < toMs; t += MINUTE_MS) if (naiveIsBusiness(spec, t)) count++;
  return count;
}

/** Earliest T >= startMs with `minutes` business minutes in [startMs, T), or undefined past `limitMs`. */
export function naiveAddMinutes(spec: CalendarSpec, startMs: number, wanted: number, limitMs: number): number | undefined {
  if (wanted === 0) return startMs;
  let counted = 0;
  for (let t = startMs; t < limitMs; t += MINUTE_MS) {
    if (naiveIsBusiness(spec, t) && ++counted === wanted) return t + MINUTE_MS;
  }
  return undefined;
}

/** First business minute at or after startMs, or undefined past `limitMs`. */
export function naiveNextBusiness(spec: CalendarSpec, startMs: number, limitMs: number): number | undefined {
  for (let t = startMs; t < limitMs; t += MINUTE_MS) if (naiveIsBusiness(spec, t)) return t;
  return undefined;
}
