import { describe, expect, it } from 'vitest';
import {
  countdownText,
  formatCountdown,
  isCountingAt,
  nextTextChangeAt,
  reevaluateAt,
  remainingAt,
  toCountdown,
} from '../../lib/overlay/countdown.ts';
import { clock, EVALUATED_AT, EVALUATED_AT_MS, MINUTE } from './fixtures.ts';

const at = (iso: string) => Date.parse(iso);

describe('remainingAt (the countdown rule)', () => {
  it('counts a running clock down 1:1 inside its business window and holds it after the window ends', () => {
    // 30 m left at 09:00, window 08:00–17:00.
    const countdown = toCountdown(clock(), EVALUATED_AT);
    expect(remainingAt(countdown, EVALUATED_AT_MS)).toBe(30);
    expect(remainingAt(countdown, at('2026-11-23T09:10:00Z'))).toBe(20);
    expect(remainingAt(countdown, at('2026-11-23T09:45:00Z'))).toBe(-15);
    const closingSoon = toCountdown(clock({ businessWindow: { start: '2026-11-23T08:00:00Z', end: '2026-11-23T09:20:00Z' }, deadline: '2026-11-24T08:10:00Z' }), EVALUATED_AT);
    expect(remainingAt(closingSoon, at('2026-11-23T23:00:00Z'))).toBe(10);
    expect(remainingAt(toCountdown(clock({ remainingMinutes: 90 }), EVALUATED_AT), EVALUATED_AT_MS + 61 * MINUTE)).toBe(29);
  });

  it('holds a running clock while the calendar is closed, then counts from the window’s start', () => {
    // Friday 18:00 UTC, 60 m left, next window Monday 09:00–17:00.
    const friday = '2026-11-27T18:00:00Z';
    const countdown = toCountdown(clock({ remainingMinutes: 60, deadline: '2026-11-30T10:00:00Z', businessWindow: { start: '2026-11-30T09:00:00Z', end: '2026-11-30T17:00:00Z' } }), friday);
    expect(remainingAt(countdown, at('2026-11-28T12:00:00Z'))).toBe(60);
    expect(isCountingAt(countdown, at('2026-11-28T12:00:00Z'))).toBe(false);
    expect(remainingAt(countdown, at('2026-11-30T09:00:00Z'))).toBe(60);
    expect(remainingAt(countdown, at('2026-11-30T09:25:00Z'))).toBe(35);
    expect(isCountingAt(countdown, at('2026-11-30T09:25:00Z'))).toBe(true);
  });

  it('lets an overdue clock grow only inside the window', () => {
    const countdown = toCountdown(clock({ state: 'breached', remainingMinutes: -5, deadline: '2026-11-23T08:55:00Z' }), EVALUATED_AT);
    expect(remainingAt(countdown, at('2026-11-23T09:07:00Z'))).toBe(-12);
    expect(remainingAt(countdown, at('2026-11-23T20:00:00Z'))).toBe(-5 - 8 * 60);
  });

  it('never moves paused, waiting or finished clocks, nor a calendar without business time', () => {
    const later = at('2026-11-23T12:00:00Z');
    for (const state of ['paused', 'pending_start', 'met', 'met_late'] as const) {
      expect(remainingAt(toCountdown(clock({ state, remainingMinutes: 25 }), EVALUATED_AT), later)).toBe(25);
    }
    expect(remainingAt(toCountdown(clock({ businessWindow: null }), EVALUATED_AT), later)).toBe(30);
    expect(remainingAt(toCountdown(clock({ state: 'paused', remainingMinutes: null }), EVALUATED_AT), later)).toBeNull();
  });

  it('without a business window only narrows: at most the wall time to the deadline', () => {
    // 60 m left on Friday 16:30 UTC; deadline Monday 09:30 (closed over the weekend).
    const countdown = toCountdown(clock({ remainingMinutes: 60, deadline: '2026-11-30T09:30:00Z', businessWindow: undefined }), '2026-11-27T16:30:00Z');
    expect(remainingAt(countdown, at('2026-11-28T12:00:00Z'))).toBe(60);
    expect(isCountingAt(countdown, at('2026-11-28T12:00:00Z'))).toBe(false);
    expect(remainingAt(countdown, at('2026-11-30T09:00:00Z'))).toBe(30);
    expect(isCountingAt(countdown, at('2026-11-30T09:00:00Z'))).toBe(true);
    const overdue = toCountdown(clock({ state: 'breached', remainingMinutes: -5, businessWindow: undefined }), EVALUATED_AT);
    expect(remainingAt(overdue, at('2026-11-23T10:00:00Z'))).toBe(-5);
  });
});

describe('formatCountdown and countdownText', () => {
  it('shows time left, overdue counting up, and seconds only near zero while moving', () => {
    expect(formatCountdown(130, false)).toBe('2 h 10 m left');
    expect(formatCountdown(4.5, true)).toBe('4 m 30 s left');
    expect(formatCountdown(0.75, true)).toBe('45 s left');
    expect(formatCountdown(4.5, false)).toBe('5 m left');
    expect(formatCountdown(12.5, true)).toBe('13 m left');
    expect(formatCountdown(29.99, false)).toBe('30 m left');
    expect(formatCountdown(-12, false)).toBe('overdue 12 m');
    expect(formatCountdown(-12.7, false)).toBe('overdue 12 m');
    expect(formatCountdown(-1 / 6, true)).toBe('overdue 10 s');
    const countdown = toCountdown(clock({ remainingMinutes: 5 }), EVALUATED_AT);
    expect(countdownText(countdown, EVALUATED_AT_MS + 30_500)).toBe('4 m 30 s left');
    expect(countdownText(countdown, EVALUATED_AT_MS + 31_000)).toBe('4 m 29 s left');
    expect(countdownText(toCountdown(clock({ state: 'paused', remainingMinutes: null }), EVALUATED_AT), EVALUATED_AT_MS)).toBeNull();
  });
});

describe('nextTextChangeAt', () => {
  it('wakes at the next minute while minutes show, every second near zero, and not at all for still clocks', () => {
    const minutes = toCountdown(clock({ remainingMinutes: 30.5 }), EVALUATED_AT);
    // 30 m 30 s left shows "31 m"; it shows "30 m" after 30 s.
    expect(nextTextChangeAt(minutes, EVALUATED_AT_MS)).toBe(EVALUATED_AT_MS + 30_000);
    const seconds = toCountdown(clock({ remainingMinutes: 2 }), EVALUATED_AT);
    expect(nextTextChangeAt(seconds, EVALUATED_AT_MS)).toBe(EVALUATED_AT_MS + 1_000);
    expect(nextTextChangeAt(seconds, EVALUATED_AT_MS + 400)).toBe(EVALUATED_AT_MS + 1_000);
    // "10 m left" turns into "10 m 00 s left" just below ten minutes.
    const threshold = toCountdown(clock({ remainingMinutes: 10 }), EVALUATED_AT);
    expect(nextTextChangeAt(threshold, EVALUATED_AT_MS)).toBe(EVALUATED_AT_MS + 1);
    const overdue = toCountdown(clock({ state: 'breached', remainingMinutes: -20.25 }), EVALUATED_AT);
    expect(nextTextChangeAt(overdue, EVALUATED_AT_MS)).toBe(EVALUATED_AT_MS + 45_000);
    expect(nextTextChangeAt(toCountdown(clock({ state: 'paused' }), EVALUATED_AT), EVALUATED_AT_MS)).toBeNull();
    expect(nextTextChangeAt(toCountdown(clock({ state: 'met' }), EVALUATED_AT), EVALUATED_AT_MS)).toBeNull();
  });

  it('before the window opens, wakes when it opens; without a window, when narrowing begins', () => {
    const closed = toCountdown(clock({ businessWindow: { start: '2026-11-23T13:00:00Z', end: '2026-11-23T17:00:00Z' } }), EVALUATED_AT);
    expect(nextTextChangeAt(closed, EVALUATED_AT_MS)).toBe(at('2026-11-23T13:00:00Z'));
    const noWindow = toCountdown(clock({ remainingMinutes: 60, deadline: '2026-11-23T12:00:00Z', businessWindow: undefined }), EVALUATED_AT);
    expect(nextTextChangeAt(noWindow, EVALUATED_AT_MS)).toBe(at('2026-11-23T11:00:00Z'));
    expect(nextTextChangeAt(toCountdown(clock({ businessWindow: null }), EVALUATED_AT), EVALUATED_AT_MS)).toBeNull();
  });

  it('keeps the displayed value in step when followed tick by tick', () => {
    const countdown = toCountdown(clock({ remainingMinutes: 11 }), EVALUATED_AT);
    const texts: string[] = [];
    for (let now = EVALUATED_AT_MS, i = 0; i < 70; i++) {
      texts.push(countdownText(countdown, now) ?? '');
      now = Math.max(now + 1000, nextTextChangeAt(countdown, now) ?? Number.POSITIVE_INFINITY);
    }
    expect(texts.slice(0, 3)).toEqual(['11 m left', '10 m left', '9 m 59 s left']);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('reevaluateAt', () => {
  it('asks again at nextChangeAt or at the end of the counted window, whichever is first', () => {
    expect(reevaluateAt(toCountdown(clock(), EVALUATED_AT))).toBe(at('2026-11-23T09:15:00Z'));
    expect(reevaluateAt(toCountdown(clock({ nextChangeAt: null }), EVALUATED_AT))).toBe(at('2026-11-23T17:00:00Z'));
    expect(reevaluateAt(toCountdown(clock({ nextChangeAt: '2026-11-24T09:00:00Z' }), EVALUATED_AT))).toBe(at('2026-11-23T17:00:00Z'));
    expect(reevaluateAt(toCountdown(clock({ state: 'paused', nextChangeAt: null }), EVALUATED_AT))).toBeNull();
    // Without a window a moving clock is asked about every five minutes; a still one is not.
    expect(reevaluateAt(toCountdown(clock({ businessWindow: undefined, nextChangeAt: null }), EVALUATED_AT))).toBe(EVALUATED_AT_MS + 5 * MINUTE);
    expect(reevaluateAt(toCountdown(clock({ state: 'breached', businessWindow: undefined, nextChangeAt: null }), EVALUATED_AT))).toBe(EVALUATED_AT_MS + 5 * MINUTE);
    expect(reevaluateAt(toCountdown(clock({ state: 'met', businessWindow: undefined, nextChangeAt: null }), EVALUATED_AT))).toBeNull();
    // Instants at or before the evaluation are ignored, so a confused answer cannot make the page ask in a loop.
    expect(reevaluateAt(toCountdown(clock({ nextChangeAt: EVALUATED_AT, businessWindow: { start: '2026-11-23T07:00:00Z', end: '2026-11-23T08:00:00Z' } }), EVALUATED_AT))).toBeNull();
  });
});
