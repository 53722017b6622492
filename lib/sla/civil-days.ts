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

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * Proleptic Gregorian date of a day number (H. Hinnant's civil_from_days).
 *
 * @example
 * civilFromDayNumber(20812) // => { year: 2026, month: 12, day: 25 }
 */
export function civilFromDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * UTC ISO-8601 text of an instant, exactly as `Date#toISOString` writes it for years 0–9999, in
 * integer arithmetic (2–3× faster; evaluations format many instants).
 *
 * @example
 * isoInstantOfMs(Date.UTC(2026, 10, 23, 9, 5)) // => '2026-11-23T09:05:00.000Z'
 */
export function isoInstantOfMs(ms: number): string {
  const dayNumber = Math.floor(ms / DAY_MS);
  const { year, month, day } = civilFromDayNumber(dayNumber);
  if (year < 0 || year > 9999) return new Date(ms).toISOString();
  let rest = ms - dayNumber * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const year4 = year < 1000 ? String(year).padStart(4, '0') : String(year);
  return `${year4}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : millis}Z`;
}

/**
 * Year of a day number.
 *
 * @example
 * yearOfDayNumber(20812) // => 2026
 */
export function yearOfDayNumber(dayNumber: number): number {
  return civilFromDayNumber(dayNumber).year;
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
  return isoInstantOfMs(dayNumber * DAY_MS).slice(0, 10);
}

/** Digits at `text[from, from + count)` as a number, or -1 when one is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const digit = text.charCodeAt(from + k) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Epoch ms of an ISO-8601 instant (`YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)`), as `Date.parse` reads
 * it, about twice as fast: tickets carry dozens of timestamps each. Anything else is handed to
 * `Date.parse` (NaN when invalid).
 *
 * @example
 * parseIsoInstantMs('2026-11-23T09:05:00+01:00') // => Date.UTC(2026, 10, 23, 8, 5)
 */
export function parseIsoInstantMs(text: string): number {
  const length = text.length;
  if (length < 20 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) {
    return Date.parse(text);
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hours = digitsAt(text, 11, 2);
  const minutes = digitsAt(text, 14, 2);
  const seconds = digitsAt(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) {
    // Days 29–31 need a calendar check; Date.parse does it.
    return Date.parse(text);
  }
  let at = 19;
  let millis = 0;
  if (text.charCodeAt(at) === 46) {
    let digits = 0;
    for (at++; at < length; at++, digits++) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) break;
      if (digits < 3) millis = millis * 10 + digit;
    }
    if (digits === 0) return Date.parse(text);
    for (let k = digits; k < 3; k++) millis *= 10;
  }
  let offsetMinutes: number;
  const sign = text.charCodeAt(at);
  if (sign === 90 && at === length - 1) {
    offsetMinutes = 0;
  } else if ((sign === 43 || sign === 45) && length - at === 6 && text.charCodeAt(at + 3) === 58) {
    const offsetHours = digitsAt(text, at + 1, 2);
    const offsetRest = digitsAt(text, at + 4, 2);
    if (offsetHours < 0 || offsetRest < 0) return Date.parse(text);
    offsetMinutes = (sign === 43 ? 1 : -1) * (offsetHours * 60 + offsetRest);
  } else {
    return Date.parse(text);
  }
  return dayNumberFromCivil(year, month, day) * DAY_MS + hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + millis - offsetMinutes * 60_000;
}
