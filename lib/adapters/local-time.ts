import { utcMsOfWallClock, isValidTimeZone, type WallClock } from '../format/wall-clock.ts';
import { dayNumberFromCivil, civilFromDayNumber } from '../sla/civil-days.ts';

/*
 * Times as helpdesk pages show them ("11/23/2026 09:15", "23 Nov 2026, 09:15"): no offset, in the
 * helpdesk's zone, in a format the admin names with Luxon's tokens. Parsed with a small token reader
 * and Intl's names instead of Luxon, whose ~70 kB the content script cannot afford; the tests hold it
 * to Luxon's `fromFormat` on the tokens below.
 */

/** How a helpdesk shows times: without an offset, in `timezone`, in one of `dateFormats`. */
export interface LocalTimeSettings {
  timezone: string;
  dateFormats: readonly string[];
  locale?: string;
}

type Field = 'year' | 'twoDigitYear' | 'month' | 'monthName' | 'day' | 'hour' | 'hour12' | 'meridiem' | 'minute' | 'second' | 'fraction' | 'weekday';

/** Luxon's parsing tokens that SLA Lens reads, with the text each matches. */
const TOKENS: Readonly<Record<string, { field: Field; pattern: string; names?: 'short' | 'long' }>> = {
  y: { field: 'year', pattern: '\\d{1,6}' },
  yyyy: { field: 'year', pattern: '\\d{4}' },
  yy: { field: 'twoDigitYear', pattern: '\\d{2}' },
  M: { field: 'month', pattern: '\\d{1,2}' },
  MM: { field: 'month', pattern: '\\d{2}' },
  MMM: { field: 'monthName', pattern: '', names: 'short' },
  MMMM: { field: 'monthName', pattern: '', names: 'long' },
  d: { field: 'day', pattern: '\\d{1,2}' },
  dd: { field: 'day', pattern: '\\d{2}' },
  H: { field: 'hour', pattern: '\\d{1,2}' },
  HH: { field: 'hour', pattern: '\\d{2}' },
  h: { field: 'hour12', pattern: '\\d{1,2}' },
  hh: { field: 'hour12', pattern: '\\d{2}' },
  a: { field: 'meridiem', pattern: '' },
  m: { field: 'minute', pattern: '\\d{1,2}' },
  mm: { field: 'minute', pattern: '\\d{2}' },
  s: { field: 'second', pattern: '\\d{1,2}' },
  ss: { field: 'second', pattern: '\\d{2}' },
  S: { field: 'fraction', pattern: '\\d{1,3}' },
  SSS: { field: 'fraction', pattern: '\\d{3}' },
  EEE: { field: 'weekday', pattern: '', names: 'short' },
  EEEE: { field: 'weekday', pattern: '', names: 'long' },
};
// Luxon's stand-alone forms (L, ccc) read the same as the formatting forms here.
const ALIASES: Readonly<Record<string, string>> = { L: 'M', LL: 'MM', LLL: 'MMM', LLLL: 'MMMM', ccc: 'EEE', cccc: 'EEEE' };

/** A format split into quoted literals, runs of one letter (tokens) and other literal text. */
const tokenize = (format: string) => format.match(/'[^']*'|([A-Za-z])\1*|[^'A-Za-z]+/g) ?? [];

/**
 * What is wrong with a date format, or undefined when SLA Lens can read it.
 *
 * @example
 * dateFormatProblem('dd.MM.yyyy HH:mm') // => undefined
 * dateFormatProblem('dd LLL HH:mm') // => 'a date format must include the year (y)'
 * dateFormatProblem('D t') // => 'unsupported token "D": use y, M, L, d, H, h, a, m, s, S, E or c'
 */
export function dateFormatProblem(format: string): string | undefined {
  const tokens = tokenize(format);
  const unsupported = tokens.find((token) => /^[A-Za-z]/.test(token) && !(token in TOKENS) && !(token in ALIASES));
  if (unsupported) return `unsupported token "${unsupported}": use y, M, L, d, H, h, a, m, s, S, E or c`;
  // A missing year would be filled from the clock, and lib/ reads no clock.
  if (!tokens.some((token) => token.startsWith('y'))) return 'a date format must include the year (y)';
  return undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Regex source for literal text: any run of spaces matches any run of spaces (Intl writes "a.\u202fm." where a page may show "a. m."). */
const literalPattern = (text: string) => escapeRegExp(text).replace(/\s+/gu, '\\s+');
/** Names compare in lower case with spaces collapsed. */
const normalizeName = (name: string, locale: string) => name.replace(/\s+/gu, ' ').toLocaleLowerCase(locale);
const namesCache = new Map<string, string[]>();

/** Month (1–12) or weekday (Monday first) names in `locale`, lower-cased, from Intl. */
function namesOf(kind: 'monthName' | 'weekday' | 'meridiem', width: 'short' | 'long', locale: string): string[] {
  const key = `${kind}|${width}|${locale}`;
  let names = namesCache.get(key);
  if (!names) {
    const utc = (month: number, day: number, hour = 12) => Date.UTC(2024, month - 1, day, hour);
    const format = (options: Intl.DateTimeFormatOptions, ms: number, part: Intl.DateTimeFormatPartTypes) =>
      new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options }).formatToParts(ms).find((candidate) => candidate.type === part)?.value ?? '';
    names =
      kind === 'monthName'
        ? Array.from({ length: 12 }, (_, index) => format({ month: width }, utc(index + 1, 1), 'month'))
        : kind === 'weekday'
          ? Array.from({ length: 7 }, (_, index) => format({ weekday: width }, utc(1, index + 1), 'weekday')) // 2024-01-01 was a Monday
          : [format({ hour: 'numeric', hour12: true }, utc(1, 1, 9), 'dayPeriod'), format({ hour: 'numeric', hour12: true }, utc(1, 1, 21), 'dayPeriod')];
    names = names.map((name) => normalizeName(name, locale));
    namesCache.set(key, names);
  }
  return names;
}

interface CompiledFormat {
  regex: RegExp;
  fields: Field[];
  names: (string[] | undefined)[];
}
const compiledCache = new Map<string, CompiledFormat | undefined>();

function compile(format: string, locale: string): CompiledFormat | undefined {
  const key = `${locale}|${format}`;
  if (compiledCache.has(key)) return compiledCache.get(key);
  let source = '';
  const fields: Field[] = [];
  const names: (string[] | undefined)[] = [];
  let compiled: CompiledFormat | undefined;
  if (dateFormatProblem(format) === undefined) {
    for (const token of tokenize(format)) {
      const spec = TOKENS[ALIASES[token] ?? token];
      if (!spec) {
        // Quoted or plain literal text.
        const literal = token.startsWith("'") ? token.slice(1, -1) : token;
        source += literalPattern(literal);
        continue;
      }
      const list = spec.field === 'meridiem' ? namesOf('meridiem', 'short', locale) : spec.names && namesOf(spec.field as 'monthName' | 'weekday', spec.names, locale);
      // Longest names first, so "Sept" is not read as "Sep" followed by a stray "t".
      source += `(${list ? [...list].sort((a, b) => b.length - a.length).map(literalPattern).join('|') : spec.pattern})`;
      fields.push(spec.field);
      names.push(list);
    }
    compiled = { regex: new RegExp(`^${source}$`, 'iu'), fields, names };
  }
  compiledCache.set(key, compiled);
  return compiled;
}

/** The wall clock `text` shows in `format`, or undefined when it does not match or is no real date. */
function readFormat(text: string, format: string, locale: string): WallClock | undefined {
  const compiled = compile(format, locale);
  const match = compiled?.regex.exec(text);
  if (!compiled || !match) return undefined;
  const wall: WallClock = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  let meridiem: number | undefined;
  let weekday: number | undefined;
  compiled.fields.forEach((field, index) => {
    const value = match[index + 1] ?? '';
    const nameIndex = compiled.names[index]?.indexOf(normalizeName(value, locale)) ?? -1;
    if (field === 'year') wall.year = Number(value);
    // Luxon's default cutoff: 61–99 are 1900s, 00–60 are 2000s.
    else if (field === 'twoDigitYear') wall.year = Number(value) > 60 ? 1900 + Number(value) : 2000 + Number(value);
    else if (field === 'month' || field === 'monthName') wall.month = field === 'month' ? Number(value) : nameIndex + 1;
    else if (field === 'day') wall.day = Number(value);
    else if (field === 'hour' || field === 'hour12') wall.hour = Number(value);
    else if (field === 'meridiem') meridiem = nameIndex;
    else if (field === 'minute') wall.minute = Number(value);
    else if (field === 'second') wall.second = Number(value);
    else if (field === 'fraction') wall.millisecond = Math.round(Number(`0.${value}`) * 1000);
    else weekday = nameIndex + 1;
  });
  if (meridiem !== undefined && wall.hour <= 12) wall.hour = (wall.hour % 12) + (meridiem === 1 ? 12 : 0);
  return isRealDate(wall, weekday) ? wall : undefined;
}

/** Rejects 31 November, 25:00 and a weekday that contradicts the date, as Luxon does. */
function isRealDate(wall: WallClock, weekday: number | undefined): boolean {
  const dayNumber = dayNumberFromCivil(wall.year, wall.month, wall.day);
  const civil = civilFromDayNumber(dayNumber);
  if (civil.month !== wall.month || civil.day !== wall.day || wall.month < 1 || wall.month > 12) return false;
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return false;
  // 1970-01-01 (day 0) was a Thursday; ISO weekdays run Monday = 1 … Sunday = 7.
  return weekday === undefined || ((((dayNumber + 3) % 7) + 7) % 7) + 1 === weekday;
}

/** ISO-8601 and SQL date-times: `2026-11-23T09:15`, `2026-11-23 09:15:00.123`, with an optional offset. */
const ISO_OR_SQL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** The UTC milliseconds of an ISO or SQL date-time, in `zone` unless it carries its own offset. */
function readIsoOrSql(text: string, zone: string): number | undefined {
  const match = ISO_OR_SQL.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part: string | undefined) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall: WallClock = { year, month, day, hour, minute, second, millisecond: Math.floor(Number(`0.${match[7] ?? 0}`) * 1000) };
  if (!isRealDate(wall, undefined)) return undefined;
  const offset = match[8];
  if (offset === undefined) return utcMsOfWallClock(wall, zone);
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset) ?? [];
  const offsetMinutes = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
  return Date.UTC(year, month - 1, day, hour, minute, second, wall.millisecond) - offsetMinutes * 60_000;
}

/**
 * Parses a time a helpdesk shows without an offset, as the UTC ISO instant it denotes in `timezone`. A trailing
 * `(Europe/Berlin)` overrides `timezone` (Znuny appends it when the agent's zone differs from the server's).
 * Leading words (`in 2 h 30 m 11/23/2026 11:15`) are skipped: the longest parseable tail wins. A time skipped by
 * a DST change moves forward; a repeated one is its first occurrence.
 *
 * @example
 * parseLocalTime('11/23/2026 09:15', { timezone: 'Europe/Berlin', dateFormats: ['MM/dd/yyyy HH:mm'] })
 * // => '2026-11-23T08:15:00.000Z'
 */
export function parseLocalTime(text: string, { timezone, dateFormats, locale = 'en-US' }: LocalTimeSettings): string | undefined {
  const suffix = /\(([\w+-]+(?:\/[\w+-]+)*)\)\s*$/.exec(text);
  const shownZone = suffix?.[1] !== undefined && isValidTimeZone(suffix[1]) ? suffix[1] : undefined;
  const zone = shownZone ?? timezone;
  if (!isValidTimeZone(zone)) return undefined;
  const words = (shownZone && suffix ? text.slice(0, suffix.index) : text).trim().split(/\s+/);
  for (let start = 0; start < words.length; start++) {
    const candidate = words.slice(start).join(' ');
    // A bare time ("09:12") must never be dated today: only full dates here.
    const isoMs = readIsoOrSql(candidate, zone);
    if (isoMs !== undefined) return new Date(isoMs).toISOString();
    for (const format of dateFormats) {
      const wall = readFormat(candidate, format, locale);
      if (wall) return new Date(utcMsOfWallClock(wall, zone)).toISOString();
    }
  }
  return undefined;
}
