/** The verdict-only path for stopped clocks against running the whole clock. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metInTime, runClock, type PauseInterval } from '../../lib/plans/clock-run.ts';
import { createCalendar } from '../../lib/sla/index.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const weekdays = (from: string, to: string) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [[from, to]]]));
const calendars = [
  createCalendar({ timezone: 'America/New_York', weekly: weekdays('09:00', '17:00'), holidays: [{ date: '2026-11-26' }] }),
  createCalendar({ timezone: 'UTC', weekly: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [day, [['00:00', '00:00']]])) }),
  createCalendar({ union: [{ timezone: 'Europe/London', weekly: weekdays('07:00', '17:00') }, { timezone: 'America/Los_Angeles', weekly: weekdays('09:00', '17:00') }] }),
  createCalendar({ timezone: 'Europe/Berlin', weekly: {} }), // no business time: no deadline at all
];
const base = Date.parse('2026-10-28T00:00:00Z'); // spans the end of DST in Europe and the US

const runArbitrary = fc.record({
  calendars: fc.array(fc.integer({ min: 0, max: calendars.length - 1 }), { minLength: 1, maxLength: 3 }),
  legGapsMinutes: fc.array(fc.integer({ min: 1, max: 3 * 1440 }), { minLength: 2, maxLength: 2 }),
  startMinutes: fc.integer({ min: 0, max: 10 * 1440 }),
  // Whole minutes, hours and days, so stops often land exactly on deadlines (the tie).
  targetMs: fc.oneof(fc.integer({ min: 1, max: 48 }).map((h) => h * HOUR), fc.integer({ min: 1, max: 600 }).map((m) => m * MINUTE), fc.constant(1)),
  pauses: fc.array(fc.tuple(fc.integer({ min: 0, max: 12 * 1440 }), fc.option(fc.integer({ min: 1, max: 2 * 1440 }), { nil: null })), { maxLength: 3 }),
  stopMinutes: fc.integer({ min: 0, max: 14 * 1440 }),
});

describe('metInTime = runClock(run).state === "met"', () => {
  it('agrees on random legs, pauses, targets and stops', () => {
    fc.assert(
      fc.property(runArbitrary, (draft) => {
        const startMs = base + draft.startMinutes * MINUTE;
        let legStart = startMs;
        const legs = draft.calendars.map((index, k) => {
          if (k > 0) legStart += (draft.legGapsMinutes[k - 1] as number) * MINUTE;
          return { calendar: calendars[index] as (typeof calendars)[number], fromMs: legStart };
        });
        const pauses: PauseInterval[] = draft.pauses
          .map(([from, length]): PauseInterval => ({ fromMs: base + from * MINUTE, toMs: length === null ? null : base + (from + length) * MINUTE, reason: 'status pending' }))
          .sort((a, b) => a.fromMs - b.fromMs);
        const stopMs = startMs + draft.stopMinutes * MINUTE;
        const run = { legs, targetMs: draft.targetMs, pauses, stopMs };
        expect(metInTime(run)).toBe(runClock({ ...run, nowMs: stopMs + 30 * 86_400_000, warn: {} }).state === 'met');
      }),
      { numRuns: 1500 },
    );
  });

  it('a stop that counted exactly the target is on time at the deadline and late after it (Friday 17:00, then Saturday)', () => {
    const nineToFive = calendars[0] as (typeof calendars)[number];
    const mondayNine = Date.parse('2026-11-23T14:00:00Z');
    const run = (stopMs: number) => ({ legs: [{ calendar: nineToFive, fromMs: mondayNine }], targetMs: 4 * 8 * HOUR, pauses: [], stopMs });
    // Four business days from Monday 09:00, with Thanksgiving closed: Friday 17:00 New York.
    expect(metInTime(run(Date.parse('2026-11-27T22:00:00Z')))).toBe(true);
    expect(metInTime(run(Date.parse('2026-11-28T15:00:00Z')))).toBe(false);
    expect(metInTime(run(Date.parse('2026-11-27T21:59:00Z')))).toBe(true);
  });
});
