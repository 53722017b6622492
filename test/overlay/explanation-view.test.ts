import { describe, expect, it } from 'vitest';
import { describeExplanation, formatUtcOffset } from '../../lib/overlay/explanation-view.ts';
import { clock, EVALUATED_AT_MS, explanation } from './fixtures.ts';

describe('describeExplanation', () => {
  it('puts every part of the explanation in words, instants in both zones', () => {
    const view = describeExplanation(
      clock({
        explanation: explanation({
          start: { at: null, reason: 'waiting for the first customer message' },
          calendar: { id: 'nine-to-five', name: '9–17 Berlin', zones: [] },
          pauses: [{ from: '2026-11-23T08:40:00Z', to: null, status: 'on hold' }],
          holidays: [{ date: '2026-12-24', zone: 'Europe/Berlin' }],
          dstShifts: [{ at: '2026-03-08T07:00:00Z', zone: 'America/New_York', offsetBeforeMinutes: -300, offsetAfterMinutes: -240 }],
        }),
      }),
      { nowMs: EVALUATED_AT_MS, agentZone: 'America/New_York' },
    );
    expect(view).toEqual({
      summary: explanation().summary,
      deadline: '04:30 your time (America/New_York), 20:30 customer time (Australia/Sydney)',
      target: '1 h (Premium plan, severity P1)',
      calendar: '9–17 Berlin',
      start: 'not started: waiting for the first customer message',
      pauses: ['03:40 – now: on hold'],
      holidays: ['2026-12-24 (Europe/Berlin)'],
      dstShifts: ['8 Mar 03:00 in America/New_York: UTC−5 → UTC−4'],
      notes: [],
    });
  });
});

describe('formatUtcOffset', () => {
  it('writes offsets as people do', () => {
    expect(formatUtcOffset(0)).toBe('UTC');
    expect(formatUtcOffset(60)).toBe('UTC+1');
    expect(formatUtcOffset(345)).toBe('UTC+5:45');
    expect(formatUtcOffset(-210)).toBe('UTC−3:30');
    expect(formatUtcOffset(780)).toBe('UTC+13');
  });
});
