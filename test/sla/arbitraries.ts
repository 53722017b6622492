/** fast-check generators of calendars and instants that stress DST, holidays and night shifts. */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { HolidaySpec, IntervalSpec, ZonedCalendarSpec } from '../../lib/sla/index.ts';

export const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'America/Santiago',
  'Australia/Sydney',
  'UTC',
] as const;

/** Offset changes of the test zones in 2026 (tzdata 2025c), where the interesting cases are. */
export const TRANSITIONS_2026 = [
  '2026-03-08T07:00:00Z', // New York spring forward
  '2026-11-01T06:00:00Z', // New York fall back
  '2026-03-29T01:00:00Z', // London
  '2026-10-25T01:00:00Z',
  '2026-04-04T15:00:00Z', // Lord Howe (30 min)
  '2026-10-03T15:30:00Z',
  '2026-04-04T14:00:00Z', // Chatham
  '2026-09-26T14:00:00Z',
  '2026-04-05T03:00:00Z', // Santiago (transition at local midnight)
  '2026-09-06T04:00:00Z',
  '2026-04-04T16:00:00Z', // Sydney
  '2026-10-03T16:00:00Z',
].map((iso) => Date.parse(iso));

const MINUTE_MS = 60_000;

/** A wall-clock time on a 15-minute grid (so 30- and 45-minute offsets meet boundaries too). */
const wallClock = fc.integer({ min: 0, max: 95 }).map((quarter) => {
  const minutes = quarter * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});
const interval: fc.Arbitrary<IntervalSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(wallClock, wallClock) }, // includes overnight (end <= start)
  { weight: 1, arbitrary: fc.constant<IntervalSpec>(['00:00', '00:00']) },
  { weight: 1, arbitrary: wallClock.map((start): IntervalSpec => [start, '24:00']) },
);
const dayIntervals = fc.array(interval, { maxLength: 3 });

/** A date near the test transitions (2026), as YYYY-MM-DD. */
const nearbyDate = fc
  .tuple(fc.constantFrom(...TRANSITIONS_2026), fc.integer({ min: -4, max: 4 }))
  .map(([ms, days]) => DateTime.fromMillis(ms + days * 86_400_000, { zone: 'utc' }).toISODate() as string);

const holiday: fc.Arbitrary<HolidaySpec> = fc.oneof(
  nearbyDate.map((date) => ({ date })),
  fc.tuple(nearbyDate, wallClock, wallClock).map(([date, a, b]) => {
    const [from, to] = a < b ? [a, b] : [b, a === b ? '24:00' : a];
    return { date, from, to };
  }),
  fc.tuple(nearbyDate, fc.integer({ min: 1, max: 3 })).map(([date, days]) => ({
    date,
    through: DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() as string,
  })),
  nearbyDate.map((date) => ({ annual: date.slice(5) })),
);

export const zonedCalendar: fc.Arbitrary<ZonedCalendarSpec> = fc.record({
  timezone: fc.constantFrom(...ZONES),
  weekly: fc.record(
    { sun: dayIntervals, mon: dayIntervals, tue: dayIntervals, wed: dayIntervals, thu: dayIntervals, fri: dayIntervals, sat: dayIntervals },
    { requiredKeys: [] },
  ),
  holidays: fc.array(holiday, { maxLength: 4 }),
});

/** A whole UTC minute within a few days of a transition. */
export const instantNearTransition = fc
  .tuple(fc.constantFrom(...TRANSITIONS_2026), fc.integer({ min: -5 * 1440, max: 5 * 1440 }))
  .map(([ms, minutes]) => ms + minutes * MINUTE_MS);
