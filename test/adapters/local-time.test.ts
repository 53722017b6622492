/**
 * parseLocalTime against Luxon's fromFormat (what the admin's format tokens mean) on random times,
 * zones, formats and locales; plus the cases where a helpdesk page differs from a clean string.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dateFormatProblem, parseLocalTime } from '../../lib/adapters/local-time.ts';
import { zoneOffsetMinutesAt } from '../../lib/format/wall-clock.ts';

const RUNS = Number(process.env.SLA_PROPERTY_RUNS ?? 300);
const FORMATS = [
  'MM/dd/yyyy HH:mm',
  'dd.MM.yyyy HH:mm:ss',
  'd LLL yyyy, HH:mm',
  'EEE, d MMMM yyyy h:mm a',
  'cccc dd/MM/yy hh:mm:ss a',
  "yyyy-MM-dd'T'HH:mm:ss.SSS",
  'M/d/y H:m',
  "d 'de' MMMM 'de' yyyy HH:mm",
];
const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'pt-BR'];
const ZONES = ['UTC', 'Europe/Berlin', 'America/Sao_Paulo', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];

/** Luxon's reading, or undefined where Luxon cannot read its own output (it throws: the test setup sets throwOnInvalid). */
function luxonRead(text: string, format: string, zone: string, locale: string): DateTime | undefined {
  try {
    const parsed = DateTime.fromFormat(text, format, { zone, locale });
    return parsed.isValid ? parsed : undefined;
  } catch {
    return undefined;
  }
}

describe('parseLocalTime', () => {
  it('reads what Luxon writes, as the instant Luxon reads, for every supported token', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1962, 0, 1), max: Date.UTC(2059, 11, 31) }),
        fc.constantFrom(...FORMATS),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...ZONES),
        (utcMs, format, locale, zone) => {
          const shown = DateTime.fromMillis(utcMs, { zone }).setLocale(locale);
          const text = shown.toFormat(format);
          const expected = luxonRead(text, format, zone, locale);
          // Times shown twice (clocks falling back) are read by Luxon with a guess that depends on today's date.
          const ambiguous = zoneOffsetMinutesAt(utcMs - 86_400_000, zone) > zoneOffsetMinutesAt(utcMs + 86_400_000, zone);
          if (!expected || ambiguous) return;
          expect(parseLocalTime(text, { timezone: zone, dateFormats: [format], locale }), `${text} (${format}, ${locale}, ${zone})`).toBe(expected.toUTC().toISO());
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads month and day names in any case, and 12 am/pm as midnight/noon', () => {
    const settings = { timezone: 'UTC', dateFormats: ['EEE d MMM yyyy h:mm a'], locale: 'en-US' };
    expect(parseLocalTime('MON 23 NOV 2026 12:05 am', settings)).toBe('2026-11-23T00:05:00.000Z');
    expect(parseLocalTime('mon 23 nov 2026 12:05 PM', settings)).toBe('2026-11-23T12:05:00.000Z');
    expect(parseLocalTime('Mon 23 Nov 2026 1:05 PM', settings)).toBe('2026-11-23T13:05:00.000Z');
  });

  it('rejects impossible dates and a weekday that contradicts the date', () => {
    const settings = { timezone: 'UTC', dateFormats: ['EEE dd.MM.yyyy HH:mm'] };
    expect(parseLocalTime('Mon 23.11.2026 09:00', settings)).toBe('2026-11-23T09:00:00.000Z');
    expect(parseLocalTime('Tue 23.11.2026 09:00', settings)).toBeUndefined();
    expect(parseLocalTime('Mon 31.11.2026 09:00', settings)).toBeUndefined();
    expect(parseLocalTime('Mon 23.11.2026 24:00', settings)).toBeUndefined();
    expect(parseLocalTime('2026-02-29 10:00', settings)).toBeUndefined();
  });

  it('moves a time inside a DST gap forward and takes the first of a repeated time', () => {
    const berlin = { timezone: 'Europe/Berlin', dateFormats: ['dd.MM.yyyy HH:mm'] };
    expect(parseLocalTime('29.03.2026 02:30', berlin)).toBe('2026-03-29T01:30:00.000Z');
    expect(parseLocalTime('25.10.2026 02:30', berlin)).toBe('2026-10-25T00:30:00.000Z');
  });

  it('gives up on an unknown zone instead of guessing one', () => {
    expect(parseLocalTime('11/23/2026 09:15', { timezone: 'Mars/Olympus', dateFormats: ['MM/dd/yyyy HH:mm'] })).toBeUndefined();
    // An unknown zone in parentheses is just text; the configured zone applies.
    expect(parseLocalTime('11/23/2026 09:15 (Mars/Olympus)', { timezone: 'UTC', dateFormats: ['MM/dd/yyyy HH:mm'] })).toBeUndefined();
  });
});

describe('dateFormatProblem', () => {
  it('accepts the supported tokens and quoted text', () => {
    expect(FORMATS.map(dateFormatProblem)).toEqual(FORMATS.map(() => undefined));
  });

  it('names an unsupported token, and a missing year', () => {
    expect(dateFormatProblem('D t')).toMatch(/unsupported token "D"/);
    expect(dateFormatProblem('dd.MM.yyyy HH:mm ZZ')).toMatch(/unsupported token "ZZ"/);
    expect(dateFormatProblem('dd LLL HH:mm')).toBe('a date format must include the year (y)');
    expect(dateFormatProblem("dd LLL 'year' HH:mm")).toBe('a date format must include the year (y)');
  });
});
