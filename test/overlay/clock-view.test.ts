import { describe, expect, it } from 'vitest';
import { clockLabel, describeClock, describeState, DISPLAY_STATES, timeBudgetText } from '../../lib/overlay/clock-view.ts';
import { toCountdown } from '../../lib/overlay/countdown.ts';
import type { Clock } from '../../lib/plans/evaluation-schema.ts';
import { clock, EVALUATED_AT, EVALUATED_AT_MS } from './fixtures.ts';

const context = { nowMs: EVALUATED_AT_MS, agentZone: 'Europe/Berlin' };
const view = (overrides: Partial<Clock>, nowMs = EVALUATED_AT_MS) => {
  const subject = clock(overrides);
  return describeClock(subject, toCountdown(subject, EVALUATED_AT), { ...context, nowMs });
};

describe('describeState', () => {
  it('gives every display state its own icon and name', () => {
    const examples: [Pick<Clock, 'state' | 'warning'>, number | null][] = [
      [{ state: 'running', warning: 'none' }, 30],
      [{ state: 'running', warning: 'warning' }, 10],
      [{ state: 'breached', warning: 'breached' }, -5],
      [{ state: 'paused', warning: 'none' }, 30],
      [{ state: 'pending_start', warning: 'none' }, 60],
      [{ state: 'met', warning: 'none' }, 12],
      [{ state: 'met_late', warning: 'breached' }, -3],
    ];
    const described = examples.map(([subject, remaining]) => describeState(subject, remaining));
    expect(described.map((description) => description.state)).toEqual([...DISPLAY_STATES]);
    expect(new Set(described.map((description) => description.icon)).size).toBe(DISPLAY_STATES.length);
    expect(new Set(described.map((description) => description.name)).size).toBe(DISPLAY_STATES.length);
  });

  it('shows a running clock overdue as soon as its countdown crosses zero on the page', () => {
    expect(describeState({ state: 'running', warning: 'warning' }, -0.1).state).toBe('breached');
    expect(describeState({ state: 'running', warning: 'breached' }, 2).state).toBe('breached');
  });
});

describe('clockLabel', () => {
  it('uses the plan’s label, or the metric’s name', () => {
    expect(clockLabel({ metric: 'periodic_update', label: 'Status update to the customer' })).toBe('Status update to the customer');
    expect(clockLabel({ metric: 'periodic_update', label: ' ' })).toBe('Periodic update');
  });
});

describe('describeClock', () => {
  it('running: time left, deadline in the agent’s zone, the customer’s time for the hover', () => {
    expect(view({})).toMatchObject({
      state: 'running',
      label: 'First response',
      status: '30 m left',
      deadline: 'due 10:30',
      customerDeadline: '20:30 customer time (Australia/Sydney)',
      binding: true,
      estimated: false,
    });
  });

  it('breached: counts up and says it was due', () => {
    expect(view({ state: 'breached', warning: 'breached', remainingMinutes: -12, deadline: '2026-11-23T08:48:00Z' })).toMatchObject({
      state: 'breached',
      status: 'overdue 12 m',
      deadline: 'was due 09:48',
    });
  });

  it('paused: with the reason and what is left when it resumes', () => {
    expect(view({ state: 'paused', pausedBecause: 'waiting for the customer', deadline: null, remainingMinutes: 80 })).toMatchObject({
      state: 'paused',
      status: 'paused: waiting for the customer',
      deadline: null,
      details: ['1 h 20 m left when it resumes'],
    });
  });

  it('waiting for the service window: when it starts, in customer time', () => {
    const waiting = view({ state: 'pending_start', start: null, nextChangeAt: '2026-11-24T22:00:00Z', deadline: null, businessWindow: null });
    expect(waiting).toMatchObject({ state: 'waiting', status: 'starts Wed 09:00 customer time' });
    expect(view({ state: 'pending_start', start: null, nextChangeAt: null, deadline: null, businessWindow: null }).status).toBe('waiting for the service window');
    // The clock's start is when the ticket came in (already past); counting begins with the business window.
    const cameInSaturday = view({ state: 'pending_start', start: '2026-11-21T10:00:00Z', nextChangeAt: null, deadline: null, businessWindow: { start: '2026-11-24T22:00:00Z', end: '2026-11-25T06:00:00Z' } });
    expect(cameInSaturday.status).toBe('starts Wed 09:00 customer time');
  });

  it('met and met late: when, and by how much it was late', () => {
    expect(view({ state: 'met', metAt: '2026-11-23T08:50:00Z', remainingMinutes: 40 })).toMatchObject({ state: 'met', status: 'met 09:50', deadline: null, details: [] });
    expect(view({ state: 'met_late', metAt: '2026-11-23T08:50:00Z', remainingMinutes: -25 })).toMatchObject({
      state: 'met_late',
      status: 'met late 09:50',
      details: ['25 m over target'],
    });
  });

  it('non-binding and estimated clocks say so', () => {
    expect(view({ binding: false, exact: false })).toMatchObject({ binding: false, estimated: true });
  });

  it('average response: the average so far and the budget for the next reply', () => {
    expect(view({ metric: 'average_response', label: '', average: { achievedMinutes: 42, responses: 5, budgetMinutes: 70 } })).toMatchObject({
      label: 'Average response',
      details: ['average 42 m over 5 responses', 'next reply within 1 h 10 m keeps the average'],
    });
  });

  it('moves with the page’s clock between evaluations', () => {
    expect(view({}, EVALUATED_AT_MS + 25 * 60_000).status).toBe('5 m 00 s left');
    expect(view({}, EVALUATED_AT_MS + 45 * 60_000)).toMatchObject({ state: 'breached', status: 'overdue 15 m', deadline: 'was due 10:30' });
  });
});

describe('timeBudgetText', () => {
  it('shows use against the budget, warns near and over the limit, and never guesses unrecorded time', () => {
    expect(timeBudgetText({ label: 'guidance', budgetMinutes: 240, usedMinutes: 80, state: 'ok' })).toBe('guidance used 1 h 20 m of 4 h');
    expect(timeBudgetText({ label: 'guidance', budgetMinutes: 240, usedMinutes: 220, state: 'warning' })).toBe('guidance used 3 h 40 m of 4 h: near the limit');
    expect(timeBudgetText({ label: 'guidance', budgetMinutes: 240, usedMinutes: 300, state: 'exceeded' })).toBe('guidance used 5 h of 4 h: over by 1 h');
    expect(timeBudgetText({ label: 'guidance', budgetMinutes: 240, usedMinutes: null, state: 'unknown' })).toBe('guidance budget 4 h: this helpdesk records no time');
  });
});
