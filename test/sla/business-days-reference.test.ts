/**
 * The integer addBusinessDaysMs against a straightforward Luxon implementation of the README's
 * definition (day by day with DateTime.startOf('day')), on random calendars and starts.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessDaysMs, addBusinessMinutesMs, businessMsBetween, createCalendar, isoInstantOfMs, type BusinessCalendar } from '../../lib/sla/index.ts';
import { instantNearTransition, zonedCalendar } from './arbitraries.ts';

function luxonAddBusinessDays(cal: BusinessCalendar, startMs: number, n: number): number | undefined {
  const dayStart = (day: DateTime) => day.startOf('day').toMillis();
  const capacity = (day: DateTime) => businessMsBetween(cal, dayStart(day), dayStart(day.plus({ days: 1 })));
  let day = DateTime.fromMillis(startMs, { zone: cal.timezone }).startOf('day');
  let offset: number;
  if (capacity(day) > 0) offset = businessMsBetween(cal, dayStart(day), startMs);
  else {
    let guard = 0;
    do {
      day = day.minus({ days: 1 });
      if (++guard > 60) return undefined;
    } while (capacity(day) === 0);
    offset = capacity(day);
  }
  for (let counted = 0, guard = 0; counted < n; ) {
    day = day.plus({ days: 1 });
    if (capacity(day) > 0) counted++;
    if (++guard > 400) return undefined;
  }
  const amount = businessMsBetween(cal, startMs, dayStart(day)) + Math.min(offset, capacity(day));
  return addBusinessMinutesMs(cal, startMs, amount / 60_000);
}

describe('addBusinessDaysMs = a Luxon day walk of the same definition', () => {
  it('agrees on random calendars near DST transitions', () => {
    fc.assert(
      fc.property(zonedCalendar, instantNearTransition, fc.integer({ min: 0, max: 12 }), (spec, startMs, n) => {
        const cal = createCalendar(spec);
        fc.pre(cal.members.some((member) => member.hasWeeklyHours));
        const expected = luxonAddBusinessDays(cal, startMs, n);
        fc.pre(expected !== undefined);
        expect(isoInstantOfMs(addBusinessDaysMs(cal, startMs, n))).toBe(isoInstantOfMs(n === 0 ? startMs : expected));
      }),
      { numRuns: 300 },
    );
  });
});

describe('isoInstantOfMs', () => {
  it('writes exactly what Date#toISOString writes for years 0–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('0000-01-01T00:00:00.000Z'), max: Date.parse('9999-12-31T23:59:59.999Z') }), (ms) => {
        expect(isoInstantOfMs(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
  });
});
