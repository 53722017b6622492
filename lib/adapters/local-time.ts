import { DateTime, type DateTimeMaybeValid, IANAZone } from 'luxon';

/**
 * Is `zone` an IANA time zone this browser knows?
 *
 * @example
 * isValidTimeZone('Europe/Berlin') // => true
 * isValidTimeZone('Mars/Olympus') // => false
 */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** How a helpdesk shows times: without an offset, in `timezone`, in one of `dateFormats`. */
export interface LocalTimeSettings {
  timezone: string;
  dateFormats: readonly string[];
  locale?: string;
}

function validOrUndefined(parse: () => DateTimeMaybeValid): DateTime<true> | undefined {
  try {
    const parsed = parse();
    return parsed.isValid ? parsed : undefined;
  } catch {
    // Luxon throws instead of returning an invalid DateTime when Settings.throwOnInvalid is set.
    return undefined;
  }
}

/**
 * Parses a time a helpdesk shows without an offset, as the UTC ISO instant it denotes in `timezone`. A trailing
 * `(Europe/Berlin)` overrides `timezone` (Znuny appends it when the agent's zone differs from the server's).
 * Leading words (`in 2 h 30 m 11/23/2026 11:15`) are skipped: the longest parseable tail wins.
 *
 * @example
 * parseLocalTime('11/23/2026 09:15', { timezone: 'Europe/Berlin', dateFormats: ['MM/dd/yyyy HH:mm'] })
 * // => '2026-11-23T08:15:00.000Z'
 */
export function parseLocalTime(text: string, { timezone, dateFormats, locale = 'en-US' }: LocalTimeSettings): string | undefined {
  const suffix = /\(([\w+-]+(?:\/[\w+-]+)*)\)\s*$/.exec(text);
  const shownZone = suffix?.[1] !== undefined && IANAZone.isValidZone(suffix[1]) ? suffix[1] : undefined;
  const options = { zone: shownZone ?? timezone, locale };
  const words = (shownZone && suffix ? text.slice(0, suffix.index) : text).trim().split(/\s+/);
  for (let start = 0; start < words.length; start++) {
    const candidate = words.slice(start).join(' ');
    // A bare time ("09:12") is valid ISO and SQL too, but Luxon would date it today: only full dates here.
    const isIsoDate = /^\d{4}-\d{2}-\d{2}/.test(candidate);
    const parsed =
      (isIsoDate ? validOrUndefined(() => DateTime.fromISO(candidate, options)) : undefined) ??
      (isIsoDate ? validOrUndefined(() => DateTime.fromSQL(candidate, options)) : undefined) ??
      dateFormats.map((format) => validOrUndefined(() => DateTime.fromFormat(candidate, format, options))).find(Boolean);
    if (parsed) return parsed.toUTC().toISO();
  }
  return undefined;
}
