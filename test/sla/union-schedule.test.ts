/**
 * The memoised union schedule against its definition, the member-by-member walk (every member's next
 * window, the earliest extended while any member goes on), on random follow-the-sun calendars.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar, type BusinessWindow } from '../../lib/sla/index.ts';
import { UnionSchedule } from '../../lib/sla/union-schedule.ts';
import { MAX_WINDOW_MS, type ZonedSchedule } from '../../lib/sla/zoned-schedule.ts';
import { instantNearTransition, zonedCalendar } from './arbitraries.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const RUNS = Number(process.env.SLA_PROPERTY_RUNS ?? 400);
const unionCalendar = fc.array(zonedCalendar, { minLength: 2, maxLength: 3 }).map((union) => ({ union }));
const TIMEOUT_MS = 300 * RUNS;

/** The definition, as the engine computed it before windows were memoised per week. */
function walkNextWindow(members: readonly ZonedSchedule[], utcMs: number, maxLengthMs: number): BusinessWindow | undefined {
  let window: BusinessWindow | undefined;
  for (const member of members) {
    const candidate = member.nextWindow(utcMs, maxLengthMs);
    if (candidate && (!window || candidate.startMs < window.startMs)) window = { ...candidate };
  }
  if (!window) return undefined;
  const cap = Math.min(maxLengthMs, MAX_WINDOW_MS);
  for (let extended = true; extended && window.endMs - window.startMs < cap; ) {
    extended = false;
    for (const member of members) {
      const next = member.nextWindow(window.endMs, cap);
      if (next && next.startMs === window.endMs) {
        window.endMs = Math.min(next.endMs, window.startMs + cap);
        extended = true;
      }
    }
  }
  return window;
}

function walkBetween(members: readonly ZonedSchedule[], fromMs: number, toMs: number): number {
  let total = 0;
  for (let cursor = fromMs; cursor < toMs; ) {
    const window = walkNextWindow(members, cursor, MAX_WINDOW_MS);
    if (!window || window.startMs >= toMs) break;
    total += Math.min(window.endMs, toMs) - window.startMs;
    cursor = window.endMs;
  }
  return total;
}

const maxLength = fc.constantFrom(1, 60 * MINUTE_MS, DAY_MS, 3 * DAY_MS, MAX_WINDOW_MS, 30 * DAY_MS);

describe('UnionSchedule = member-by-member walk', { timeout: TIMEOUT_MS }, () => {
  it('nextWindow gives the same window for every cap', () => {
    fc.assert(
      fc.property(unionCalendar, instantNearTransition, maxLength, (spec, t, cap) => {
        const members = createCalendar(spec).members;
        expect(new UnionSchedule(members).nextWindow(t, cap)).toEqual(walkNextWindow(members, t, cap));
      }),
      { numRuns: RUNS },
    );
  });

  it('businessMsBetween and addBusinessMs agree with the walk across week boundaries', () => {
    fc.assert(
      fc.property(unionCalendar, instantNearTransition, fc.integer({ min: 0, max: 20 * DAY_MS }), (spec, fromMs, span) => {
        const members = createCalendar(spec).members;
        const union = new UnionSchedule(members);
        const expected = walkBetween(members, fromMs, fromMs + span);
        expect(union.businessMsBetween(fromMs, fromMs + span)).toBe(expected);
        // The earliest instant that counts `expected` is at or before the span's end, and counts exactly that.
        const deadline = union.addBusinessMs(fromMs, expected);
        expect(deadline).toBeLessThanOrEqual(fromMs + span);
        expect(walkBetween(members, fromMs, deadline)).toBe(expected);
        if (expected > 0) expect(walkBetween(members, fromMs, deadline - 1)).toBe(expected - 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('hands far-off business time to the walk (a union closed for months)', () => {
    const closed = { date: '2026-01-01', through: '2026-06-30' };
    const members = createCalendar({
      union: [
        { timezone: 'Europe/London', weekly: { mon: [['09:00', '17:00']] }, holidays: [closed] },
        { timezone: 'Asia/Kolkata', weekly: { tue: [['09:00', '17:00']] }, holidays: [closed] },
      ],
    }).members;
    const union = new UnionSchedule(members);
    const newYear = Date.UTC(2026, 0, 1);
    expect(union.nextWindow(newYear)).toEqual(walkNextWindow(members, newYear, MAX_WINDOW_MS));
    expect(union.nextWindow(newYear)?.startMs).toBe(Date.UTC(2026, 6, 6, 8)); // Monday 6 July, 09:00 BST
    expect(union.businessMsBetween(newYear, Date.UTC(2026, 6, 8))).toBe(walkBetween(members, newYear, Date.UTC(2026, 6, 8)));
    expect(union.addBusinessMs(newYear, 9 * 3_600_000)).toBe(Date.UTC(2026, 6, 7, 4, 30)); // 8 h Monday, 1 h Tuesday from 09:00 IST
  });

  it('takes the walk for instants that are not whole milliseconds', () => {
    const members = createCalendar({ union: [{ timezone: 'UTC', weekly: { mon: [['09:00', '17:00']] } }, { timezone: 'UTC', weekly: { tue: [['09:00', '17:00']] } }] }).members;
    const t = Date.UTC(2026, 10, 23, 10) + 0.25;
    expect(new UnionSchedule(members).nextWindow(t, DAY_MS)).toEqual(walkNextWindow(members, t, DAY_MS));
  });
});
