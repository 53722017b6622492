import { dayNumberFromCivil, DAY_MS, MINUTE_MS } from '../sla/civil-days.ts';

/**
 * Wall-clock time in an IANA zone, read with the browser's own `Intl` rather than Luxon: the content
 * script runs inside every helpdesk page and must stay small (Luxon alone is ~70 kB minified), and
 * these conversions are all it needs. Zone in, UTC out; DST gaps and overlaps are resolved explicitly.
 */

/** Civil date and time fields; `month` 1–12, `hour` 0–23. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: constructing Intl.DateTimeFormat costs far more than formatting with it. */
function numericFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * Is `zone` an IANA time zone this browser knows?
 *
 * @example
 * isValidTimeZone('Europe/Berlin') // => true
 * isValidTimeZone('Mars/Olympus') // => false
 */
export function isValidTimeZone(zone: string): boolean {
  if (zone.length === 0) return false;
  try {
    numericFormatter(zone);
    return true;
  } catch {
    // Intl throws a RangeError for a zone it does not know.
    return false;
  }
}

/**
 * The wall clock in `zone` at an instant.
 *
 * @throws {RangeError} when `zone` is not a valid IANA zone.
 * @example
 * wallClockAt(Date.UTC(2026, 10, 23, 8, 15), 'Europe/Berlin')
 * // => { year: 2026, month: 11, day: 23, hour: 9, minute: 15, second: 0, millisecond: 0 }
 */
export function wallClockAt(utcMs: number, zone: string): WallClock {
  const fields: Record<string, string> = {};
  for (const part of numericFormatter(zone).formatToParts(utcMs)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  return {
    // Years before 1 AD come as "1 BC", "2 BC"…: astronomical numbering has a year 0.
    year: fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra,
    month: Number(fields.month),
    day: Number(fields.day),
    // Some engines still write midnight as 24 even with hourCycle h23.
    hour: Number(fields.hour) % 24,
    minute: Number(fields.minute),
    second: Number(fields.second),
    millisecond: ((utcMs % 1000) + 1000) % 1000,
  };
}

/** The wall clock read as if it were UTC ("local epoch" milliseconds). */
function localEpochMs({ year, month, day, hour, minute, second, millisecond }: WallClock): number {
  return dayNumberFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
}

/**
 * Minutes `zone` is ahead of UTC at an instant (negative west of Greenwich).
 *
 * @example
 * zoneOffsetMinutesAt(Date.UTC(2026, 6, 1), 'America/New_York') // => -240
 * zoneOffsetMinutesAt(Date.UTC(2026, 0, 1), 'Asia/Kathmandu') // => 345
 */
export function zoneOffsetMinutesAt(utcMs: number, zone: string): number {
  return Math.round((localEpochMs(wallClockAt(utcMs, zone)) - utcMs) / MINUTE_MS);
}

/**
 * The instant a wall-clock time in `zone` denotes. A time skipped by a DST gap moves forward by the
 * gap (02:30 on a spring-forward night is 03:30); a time that occurs twice is its first occurrence.
 * Both are what Luxon, Temporal ("compatible") and most calendars do.
 *
 * @example
 * utcMsOfWallClock({ year: 2026, month: 11, day: 23, hour: 9, minute: 15, second: 0, millisecond: 0 }, 'Europe/Berlin')
 * // => Date.UTC(2026, 10, 23, 8, 15)
 */
export function utcMsOfWallClock(wall: WallClock, zone: string): number {
  const localMs = localEpochMs(wall);
  // Offsets a day either side bracket any transition near this time (zones change at most once a day).
  const before = zoneOffsetMinutesAt(localMs - DAY_MS, zone);
  const after = zoneOffsetMinutesAt(localMs + DAY_MS, zone);
  // Larger offset first: of two valid readings, it gives the earlier instant.
  const candidates = before >= after ? [before, after] : [after, before];
  for (const offset of candidates) {
    const utcMs = localMs - offset * MINUTE_MS;
    if (zoneOffsetMinutesAt(utcMs, zone) === offset) return utcMs;
  }
  // In a gap no reading is valid: the offset in force before the gap carries the time forward.
  return localMs - before * MINUTE_MS;
}
