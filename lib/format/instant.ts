import { dayNumberFromCivil } from '../sla/civil-days.ts';
import { wallClockAt } from './wall-clock.ts';

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

/** A weekday or month name in `zone` at an instant, from a cached Intl formatter. */
function nameAt(utcMs: number, zone: string, locale: string, unit: 'weekday' | 'month'): string {
  const key = `${unit}|${locale}|${zone}`;
  let formatter = nameFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: zone, [unit]: 'short' });
    nameFormatters.set(key, formatter);
  }
  return formatter.format(utcMs);
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * A deadline in a given zone, short when it is today or this week: "14:30", "Mon 09:00", "2 Dec 09:00",
 * "2 Dec 2027 09:00". `nowMs` decides what "today" is; the zone is explicit (the agent's, or the
 * customer's on hover). Uses Intl, not Luxon: the content script ships it.
 *
 * @example
 * formatInstant('2026-11-23T14:00:00Z', 'America/New_York', Date.parse('2026-11-23T12:00:00Z')) // => '09:00'
 * formatInstant('2026-12-02T08:00:00Z', 'Europe/Berlin', Date.parse('2026-11-23T12:00:00Z')) // => '2 Dec 09:00'
 */
export function formatInstant(iso: string, zone: string, nowMs: number, locale = 'en-GB'): string {
  const atMs = Date.parse(iso);
  if (Number.isNaN(atMs)) return iso;
  const at = wallClockAt(atMs, zone);
  const today = wallClockAt(nowMs, zone);
  const time = `${twoDigits(at.hour)}:${twoDigits(at.minute)}`;
  const days = Math.abs(dayNumberFromCivil(at.year, at.month, at.day) - dayNumberFromCivil(today.year, today.month, today.day));
  if (days === 0) return time;
  if (days < 6) return `${nameAt(atMs, zone, locale, 'weekday')} ${time}`;
  const date = `${at.day} ${nameAt(atMs, zone, locale, 'month')}`;
  return at.year === today.year ? `${date} ${time}` : `${date} ${at.year} ${time}`;
}
