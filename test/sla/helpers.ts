import { DateTime } from 'luxon';
import type { WEEKDAYS } from '../../lib/sla/index.ts';

/** A wall-clock time in a zone, e.g. at('America/New_York', '2026-11-23T09:00'). */
export function at(zone: string, isoLocal: string): DateTime {
  return DateTime.fromISO(isoLocal, { zone });
}

/** A UTC instant. */
export function utc(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'utc' });
}

type WeeklySpec = Partial<Record<(typeof WEEKDAYS)[number], [string, string][]>>;

/** The same intervals on Monday to Friday. */
export function weekdays(...intervals: [string, string][]): WeeklySpec {
  return { mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals };
}

/** The same intervals on every day. */
export function everyDay(...intervals: [string, string][]): WeeklySpec {
  return { ...weekdays(...intervals), sat: intervals, sun: intervals };
}
