/**
 * The integer addBusinessDaysMs against a straightforward Luxon implementation of the README's
 * definition (day by day with DateTime.startOf('day')), on random calendars and starts.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessDaysMs, addBusinessMinutesMs, businessDaysMs, businessMsBetween, createCalendar, isoInstantOfMs, parseIsoInstantMs, type BusinessCalendar } from '../../lib/sla/index.ts';
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

describe('businessDaysMs = business time up to addBusinessDaysMs', () => {
  it('agrees on random calendars (unions too) near DST transitions', () => {
    const unionCalendar = fc.array(zonedCalendar, { minLength: 2, maxLength: 3 }).map((union) => ({ union }));
    fc.assert(
      fc.property(fc.oneof(zonedCalendar, unionCalendar), instantNearTransition, fc.integer({ min: 0, max: 12 }), (spec, startMs, n) => {
        const cal = createCalendar(spec);
        let deadline: number;
        try {
          deadline = addBusinessDaysMs(cal, startMs, n);
        } catch (error) {
          expect(() => businessDaysMs(cal, startMs, n)).toThrow((error as Error).message);
          return;
        }
        expect(businessDaysMs(cal, startMs, n)).toBe(businessMsBetween(cal, startMs, deadline));
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
  it('stays exact when dates come from its cache: the same day again, and days that share a cache slot', () => {
    const day = Date.UTC(2026, 10, 23);
    const slotmate = day + 1024 * 86_400_000;
    for (let k = 0; k < 3; k++) {
      for (const ms of [day, day + 1, day + 59_999, day + 86_399_999, slotmate + 45_296_789, day + 37_230_042]) {
        expect(isoInstantOfMs(ms)).toBe(new Date(ms).toISOString());
      }
    }
  });
});

describe('parseIsoInstantMs', () => {
  const instant = fc.integer({ min: Date.parse('1000-01-01T00:00:00.000Z'), max: Date.parse('9999-12-31T23:59:59.999Z') });
  const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });
  it('reads exactly what Date.parse reads, with Z or an offset, with or without fractions', () => {
    fc.assert(
      fc.property(instant, offset, fc.constantFrom(0, 1, 3, 6), (ms, offsetMinutes, fractionDigits) => {
        const local = new Date(ms + offsetMinutes * 60_000).toISOString();
        const sign = offsetMinutes < 0 ? '-' : '+';
        const abs = Math.abs(offsetMinutes);
        const zone = offsetMinutes === 0 ? 'Z' : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        const fraction = fractionDigits === 0 ? '' : `.${local.slice(20, 23)}${'7'.repeat(Math.max(0, fractionDigits - 3))}`.slice(0, fractionDigits + 1);
        const text = `${local.slice(0, 19)}${fraction}${zone}`;
        expect(parseIsoInstantMs(text)).toBe(Date.parse(text));
      }),
      { numRuns: 5000 },
    );
  });
  it('hands anything else to Date.parse', () => {
    for (const text of ['2026-02-30T10:00:00Z', '2026-11-23', 'not a date', '2026-11-23T10:00:00.Z', '2026-11-23T25:00:00Z']) {
      expect(Object.is(parseIsoInstantMs(text), Date.parse(text))).toBe(true);
    }
  });
});
