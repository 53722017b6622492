import { DAY_MS, isoDateOfDayNumber } from './civil-days.ts';
import { zoneOffsetTimeline } from './zone-offsets.ts';

const MAX_OFFSET_MS = 15 * 3_600_000;

/**
 * The local date (day number) of a UTC instant in a zone.
 *
 * @example
 * localDayNumber('Pacific/Auckland', Date.parse('2026-11-22T12:00:00Z')) // => day number of 2026-11-23
 */
export function localDayNumber(zone: string, utcMs: number): number {
  return Math.floor((utcMs + zoneOffsetTimeline(zone).offsetMsAt(utcMs)) / DAY_MS);
}

/**
 * The local date of a UTC instant in a zone, as `YYYY-MM-DD`.
 *
 * @example
 * localIsoDate('America/New_York', Date.parse('2026-11-23T03:00:00Z')) // => '2026-11-22'
 */
export function localIsoDate(zone: string, utcMs: number): string {
  return isoDateOfDayNumber(localDayNumber(zone, utcMs));
}

/**
 * The first UTC instant of a local date: local midnight, or — where midnight is skipped by a DST
 * shift (São Paulo 2018-11-04) — the shift itself. With two midnights (a fall-back at midnight),
 * the earlier.
 *
 * @example
 * startOfLocalDayMs('America/New_York', dayNumberFromIsoDate('2026-11-23')) // => Date.parse('2026-11-23T05:00:00Z')
 */
export function startOfLocalDayMs(zone: string, dayNumber: number): number {
  const offsets = zoneOffsetTimeline(zone);
  const localMidnight = dayNumber * DAY_MS;
  offsets.ensureCovered(localMidnight - MAX_OFFSET_MS, localMidnight + MAX_OFFSET_MS);
  let earliest = Number.POSITIVE_INFINITY;
  for (const offset of [offsets.offsetMsAt(localMidnight - MAX_OFFSET_MS), offsets.offsetMsAt(localMidnight + MAX_OFFSET_MS)]) {
    const candidate = localMidnight - offset;
    if (candidate + offsets.offsetMsAt(candidate) === localMidnight) earliest = Math.min(earliest, candidate);
  }
  if (earliest !== Number.POSITIVE_INFINITY) return earliest;
  // Midnight does not exist: the day begins at the transition that skips it.
  const inGap = localMidnight - offsets.offsetMsAt(localMidnight - MAX_OFFSET_MS);
  return offsets.periodStartMs(offsets.periodIndex(inGap));
}
