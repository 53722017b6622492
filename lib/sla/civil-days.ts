/**
 * Integer calendar arithmetic on "local epoch" milliseconds: wall-clock time read as if it were UTC.
 * A local date is a day number (days since 1970-01-01); the engine never builds a Date for these.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/**
 * Day number (days since 1970-01-01) of a proleptic Gregorian date (H. Hinnant's days_from_civil).
 *
 * @example
 * dayNumberFromCivil(1970, 1, 1) // => 0
 * dayNumberFromCivil(2026, 12, 25) // => 20812
 */
export function dayNumberFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Year of a day number.
 *
 * @example
 * yearOfDayNumber(20812) // => 2026
 */
export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

/**
 * Weekday of a day number, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
 *
 * @example
 * weekdayOfDayNumber(0) // => 4
 */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * Parses `YYYY-MM-DD` into a day number.
 *
 * @example
 * dayNumberFromIsoDate('1970-01-02') // => 1
 */
export function dayNumberFromIsoDate(isoDate: string): number {
  return dayNumberFromCivil(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10)));
}

/**
 * Formats a day number as `YYYY-MM-DD`.
 *
 * @example
 * isoDateOfDayNumber(20812) // => '2026-12-25'
 */
export function isoDateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}
