/**
 * The engine against the naive minute-walk reference on random calendars and instants
 * (property-based), plus algebraic laws on long spans that the reference is too slow for.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  addBusinessMinutesMs,
  businessMsBetween,
  createCalendar,
  isBusinessTimeMs,
  nextBusinessWindowMs,
} from '../../lib/sla/index.ts';
import { instantNearTransition, zonedCalendar } from './arbitraries.ts';
import { naiveAddMinutes, naiveIsBusiness, naiveMinutesBetween, naiveNextBusiness } from './naive-reference.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const RUNS = Number(process.env.SLA_PROPERTY_RUNS ?? 400);
const unionCalendar = fc.array(zonedCalendar, { minLength: 2, maxLength: 3 }).map((union) => ({ union }));
const anyCalendar = fc.oneof({ weight: 3, arbitrary: zonedCalendar }, { weight: 1, arbitrary: unionCalendar });

// Property runs scale with SLA_PROPERTY_RUNS; the timeout scales with them.
const TIMEOUT_MS = 300 * RUNS;

describe('engine = naive reference', { timeout: TIMEOUT_MS }, () => {
  it('businessMsBetween counts the same minutes', () => {
    fc.assert(
      fc.property(anyCalendar, instantNearTransition, fc.integer({ min: 0, max: 2 * 1440 }), (spec, fromMs, span) => {
        const toMs = fromMs + span * MINUTE_MS;
        const cal = createCalendar(spec);
        expect(businessMsBetween(cal, fromMs, toMs) / MINUTE_MS).toBe(naiveMinutesBetween(spec, fromMs, toMs));
      }),
      { numRuns: RUNS },
    );
  });

  it('addBusinessMinutesMs finds the same earliest deadline', () => {
    fc.assert(
      fc.property(anyCalendar, instantNearTransition, fc.integer({ min: 0, max: 600 }), (spec, startMs, minutes) => {
        const expected = naiveAddMinutes(spec, startMs, minutes, startMs + 3 * DAY_MS);
        fc.pre(expected !== undefined); // sparse calendars: the reference gives up after 3 days
        expect(addBusinessMinutesMs(createCalendar(spec), startMs, minutes)).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('isBusinessTime and nextBusinessTime agree minute by minute', () => {
    fc.assert(
      fc.property(anyCalendar, instantNearTransition, (spec, t) => {
        const cal = createCalendar(spec);
        expect(isBusinessTimeMs(cal, t)).toBe(naiveIsBusiness(spec, t));
        const expected = naiveNextBusiness(spec, t, t + 3 * DAY_MS);
        fc.pre(expected !== undefined);
        expect(nextBusinessWindowMs(cal, t)?.startMs).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('algebraic laws on long spans', { timeout: TIMEOUT_MS }, () => {
  const instant2020s = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
  it('is additive and antisymmetric: f(a,b) + f(b,c) = f(a,c), f(b,a) = -f(a,b)', () => {
    fc.assert(
      fc.property(anyCalendar, instant2020s, fc.integer({ min: 0, max: 120 * DAY_MS }), fc.integer({ min: 0, max: 120 * DAY_MS }), (spec, a, ab, bc) => {
        const cal = createCalendar(spec);
        const b = a + ab;
        const c = b + bc;
        expect(businessMsBetween(cal, a, b) + businessMsBetween(cal, b, c)).toBe(businessMsBetween(cal, a, c));
        expect(businessMsBetween(cal, b, a) + businessMsBetween(cal, a, b)).toBe(0);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('add is the earliest inverse of between, to the millisecond', () => {
    fc.assert(
      fc.property(anyCalendar, instant2020s, fc.integer({ min: 1, max: 60 * 480 * MINUTE_MS }), (spec, start, amountMs) => {
        const cal = createCalendar(spec);
        fc.pre(cal.members.some((member) => member.hasWeeklyHours));
        const end = addBusinessMinutesMs(cal, start, amountMs / MINUTE_MS);
        expect(end).toBeGreaterThanOrEqual(start);
        expect(businessMsBetween(cal, start, end)).toBe(amountMs);
        expect(businessMsBetween(cal, start, end - 1)).toBe(amountMs - 1);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('the DateTime API and the epoch-ms API agree, and the result is UTC', () => {
    fc.assert(
      fc.property(zonedCalendar, instant2020s, fc.integer({ min: 0, max: 100_000 }), (spec, start, minutes) => {
        const cal = createCalendar(spec);
        fc.pre(cal.members.some((member) => member.hasWeeklyHours));
        const viaDateTime = addBusinessMinutes(cal, DateTime.fromMillis(start, { zone: spec.timezone }), minutes);
        expect(viaDateTime.zoneName).toBe('UTC');
        expect(viaDateTime.toMillis()).toBe(addBusinessMinutesMs(cal, start, minutes));
      }),
      { numRuns: RUNS },
    );
  });
});
