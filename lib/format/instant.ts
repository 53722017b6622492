import { DateTime } from 'luxon';

/**
 * A deadline in a given zone, short when it is today or this week: "14:30", "Mon 09:00", "2 Dec 09:00".
 * `now` decides what "today" is; the zone is explicit (the agent's, or the customer's on hover).
 *
 * @example
 * formatInstant('2026-11-23T14:00:00Z', 'America/New_York', DateTime.fromISO('2026-11-23T12:00:00Z')) // => '09:00'
 */
export function formatInstant(iso: string, zone: string, now: DateTime, locale = 'en-GB'): string {
  const at = DateTime.fromISO(iso, { zone }).setLocale(locale);
  const today = now.setZone(zone);
  if (at.hasSame(today, 'day')) return at.toFormat('HH:mm');
  const days = Math.abs(at.startOf('day').diff(today.startOf('day'), 'days').days);
  if (days < 6) return at.toFormat('ccc HH:mm');
  return at.hasSame(today, 'year') ? at.toFormat('d LLL HH:mm') : at.toFormat('d LLL yyyy HH:mm');
}
