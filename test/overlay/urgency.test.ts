import { describe, expect, it } from 'vitest';
import { compareUrgency, mostUrgentClock, rankBySla } from '../../lib/overlay/urgency.ts';
import { clock, EVALUATED_AT, EVALUATED_AT_MS } from './fixtures.ts';

describe('mostUrgentClock', () => {
  it('prefers the most overdue or closest moving clock', () => {
    const clocks = [
      clock({ metric: 'resolution', remainingMinutes: 300 }),
      clock({ metric: 'next_response', state: 'breached', remainingMinutes: -4 }),
      clock({ metric: 'periodic_update', remainingMinutes: 10 }),
    ];
    expect(mostUrgentClock(clocks, EVALUATED_AT, EVALUATED_AT_MS)?.clock.metric).toBe('next_response');
  });

  it('ranks a clock waiting for business hours by its time left, ahead of paused ones', () => {
    const waiting = clock({ metric: 'first_response', state: 'pending_start', remainingMinutes: 60, businessWindow: null });
    const paused = clock({ metric: 'resolution', state: 'paused', remainingMinutes: 1 });
    const later = clock({ metric: 'resolution', state: 'running', remainingMinutes: 120, businessWindow: null });
    expect(mostUrgentClock([paused, later, waiting], EVALUATED_AT, EVALUATED_AT_MS)?.clock).toBe(waiting);
  });

  it('puts binding clocks before targets, moving before paused, waiting and finished ones', () => {
    const target = clock({ metric: 'periodic_update', binding: false, remainingMinutes: 2 });
    const contract = clock({ metric: 'resolution', remainingMinutes: 600 });
    expect(mostUrgentClock([target, contract], EVALUATED_AT, EVALUATED_AT_MS)?.clock).toBe(contract);
    const paused = clock({ metric: 'resolution', state: 'paused', remainingMinutes: 1 });
    const met = clock({ metric: 'first_response', state: 'met', remainingMinutes: -1 });
    expect(mostUrgentClock([met, paused, target], EVALUATED_AT, EVALUATED_AT_MS)?.clock).toBe(target);
    expect(mostUrgentClock([met, paused], EVALUATED_AT, EVALUATED_AT_MS)?.clock).toBe(paused);
    expect(mostUrgentClock([], EVALUATED_AT, EVALUATED_AT_MS)).toBeUndefined();
  });

  it('uses the time left now, not at the evaluation', () => {
    // A: 20 m left but not counting until 13:00; B: 30 m left and counting from 09:00.
    const a = clock({ metric: 'first_response', remainingMinutes: 20, businessWindow: { start: '2026-11-23T13:00:00Z', end: '2026-11-23T17:00:00Z' } });
    const b = clock({ metric: 'next_response', remainingMinutes: 30 });
    expect(mostUrgentClock([a, b], EVALUATED_AT, EVALUATED_AT_MS)?.clock).toBe(a);
    expect(mostUrgentClock([a, b], EVALUATED_AT, EVALUATED_AT_MS + 15 * 60_000)?.clock).toBe(b);
  });
});

describe('rankBySla', () => {
  it('ranks rows by their most urgent clock, leaves finished and unknown rows unranked, keeps page order on ties', () => {
    const ranks = rankBySla([
      { id: 'a', key: [0, 30] },
      { id: 'b', key: [0, -5] },
      { id: 'c', key: [6, 0] },
      { id: 'd', key: undefined },
      { id: 'e', key: [2, 1] },
      { id: 'f', key: [0, 30] },
    ]);
    expect([...ranks]).toEqual([
      ['b', 1],
      ['a', 2],
      ['f', 3],
      ['e', 4],
    ]);
  });

  it('compares urgency by group, then time left', () => {
    expect(compareUrgency([0, -5], [0, 30])).toBeLessThan(0);
    expect(compareUrgency([1, -500], [0, 30])).toBeGreaterThan(0);
    expect(compareUrgency([0, Number.POSITIVE_INFINITY], [0, Number.POSITIVE_INFINITY])).toBe(0);
  });
});
