/**
 * A month with a plan change, end to end through monthlyCompliance: Globex (Berlin) is on Neptune
 * Basic until 14 November and on Priority Support from the 15th, so November has two rows and each
 * ticket is judged by the plan in force on its creation date in Berlin.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { monthlyCompliance, type ComplianceRow } from '../../lib/plans/index.ts';
import { reportConfig, ticket } from './fixtures.ts';

const now = DateTime.fromISO('2026-12-05T12:00:00Z', { zone: 'utc' });

const config = reportConfig((input) => {
  // Neptune Basic gets a credit rule of its own, so both rows have a credit to check.
  const basic = input.plans['neptune-basic']?.versions[0];
  if (basic) basic.credit = { kind: 'full-month', terms: 'A missed month credits that month’s fee.' };
  input.customers.push({
    id: 'globex',
    name: 'Globex',
    timezone: 'Europe/Berlin',
    rules: [{ emailDomain: 'globex.example' }],
    contracts: [
      { plan: 'neptune-basic', until: '2026-11-14', monthlyFee: { amount: 300, currency: 'EUR' } },
      { plan: 'priority-support', from: '2026-11-15', monthlyFee: { amount: 800, currency: 'EUR' } },
    ],
  });
});

const kim = { email: 'kim@globex.example' };
const tickets = [
  // Tue 10 Nov, Urgent on Neptune Basic (8 business hours in Berlin): answered Thu after 14 business hours.
  ticket({
    id: 'G1',
    requester: kim,
    priority: 'urgent',
    createdAt: '2026-11-10T10:00:00Z',
    events: [
      { at: '2026-11-10T10:00:00Z', type: 'customer_message' },
      { at: '2026-11-12T15:00:00Z', type: 'agent_reply' },
    ],
  }),
  // Sat 14 Nov 23:30 in Berlin (22:30 UTC): still Neptune Basic.
  ticket({ id: 'E1', requester: kim, createdAt: '2026-11-14T22:30:00Z' }),
  // Sun 15 Nov 00:30 in Berlin but still the 14th in UTC: Priority Support, because contracts change at the
  // customer's midnight. 24x5 coverage opens Sun 21:00 UTC (Mon 07:00 Brisbane): answered 40 minutes into it.
  ticket({
    id: 'E2',
    requester: kim,
    createdAt: '2026-11-14T23:30:00Z',
    events: [
      { at: '2026-11-14T23:30:00Z', type: 'customer_message' },
      { at: '2026-11-15T21:40:00Z', type: 'agent_reply' },
    ],
  }),
  // Fri 20 Nov on Priority Support, answered in 30 minutes.
  ticket({
    id: 'G2',
    requester: kim,
    priority: 'urgent',
    createdAt: '2026-11-20T10:00:00Z',
    events: [
      { at: '2026-11-20T10:00:00Z', type: 'customer_message' },
      { at: '2026-11-20T10:30:00Z', type: 'agent_reply' },
    ],
  }),
];

function globexRows(): ComplianceRow[] {
  return monthlyCompliance(tickets, config, '2026-11', now).rows.filter((row) => row.customerId === 'globex');
}

describe('a plan change in the middle of a month', () => {
  it('gives one row per plan, each with the tickets created while that plan was in force (in the customer’s zone)', () => {
    expect(globexRows().map((row) => [row.planId, row.ticketDetails.map((detail) => detail.id)])).toEqual([
      ['neptune-basic', ['G1', 'E1']],
      ['priority-support', ['E2', 'G2']],
    ]);
  });

  it('judges each ticket by the targets and severities of its own plan', () => {
    const details = globexRows().flatMap((row) => row.ticketDetails);
    const g1 = details.find((detail) => detail.id === 'G1');
    const g2 = details.find((detail) => detail.id === 'G2');
    expect(g1).toMatchObject({ severity: 'Urgent', firstResponse: { targetMinutes: 480, state: 'met_late' }, breaches: ['First response'] });
    expect(details.find((detail) => detail.id === 'E2')).toMatchObject({ severity: 'Priority', firstResponse: { minutes: 40, state: 'met' } });
    expect(g2).toMatchObject({ severity: 'Priority', firstResponse: { targetMinutes: 60, minutes: 30, state: 'met' }, breaches: [] });
  });

  it('tallies each row against its own plan’s binding targets', () => {
    const [basic, priority] = globexRows();
    expect(basic?.metrics).toEqual([{ metric: 'first_response', label: 'First response', met: 0, missed: 1, open: 0 }]);
    expect(basic?.attainmentPercent).toBe(0);
    expect(priority?.metrics.find((tally) => tally.metric === 'first_response')).toMatchObject({ met: 2, missed: 0, open: 0 });
    expect(priority?.credit).toMatchObject({ owed: false, amount: 0, currency: 'EUR', kind: 'up-to-percent', claimBy: '2026-12-30' });
  });

  // The month-end contract (Priority Support, 800 EUR) must not price the Neptune Basic row (fixed on main in 0496dd7).
  it('prices the Neptune Basic row’s credit with the Neptune Basic contract’s fee', () => {
    const [basic] = globexRows();
    expect(basic?.credit).toMatchObject({ owed: true, kind: 'full-month', amount: 300, currency: 'EUR' });
  });
});
