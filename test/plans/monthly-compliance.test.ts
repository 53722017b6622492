import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { monthlyCompliance } from '../../lib/plans/index.ts';
import { scenarioConfig, ticket } from './scenario-config.ts';

const now = DateTime.fromISO('2026-12-05T12:00:00Z', { zone: 'utc' });
const config = scenarioConfig();

describe('monthlyCompliance', () => {
  // Acme (Priority Support, $800/month) in November 2026: one ticket answered in 20 minutes, one in 2 hours.
  const onTime = ticket({
    id: 'A1',
    requester: { email: 'ann@acme.example' },
    createdAt: '2026-11-23T10:00:00Z',
    status: 'solved',
    events: [
      { at: '2026-11-23T10:00:00Z', type: 'customer_message' },
      { at: '2026-11-23T10:20:00Z', type: 'agent_reply' },
      { at: '2026-11-23T11:00:00Z', type: 'customer_message' },
      { at: '2026-11-23T11:30:00Z', type: 'agent_reply' },
      { at: '2026-11-23T12:00:00Z', type: 'status_change', status: 'solved' },
    ],
  });
  const late = ticket({
    id: 'A2',
    requester: { email: 'bo@acme.example' },
    createdAt: '2026-11-24T10:00:00Z',
    events: [
      { at: '2026-11-24T10:00:00Z', type: 'customer_message' },
      { at: '2026-11-24T12:00:00Z', type: 'agent_reply' },
    ],
  });
  const december = ticket({ id: 'A3', requester: { email: 'ann@acme.example' }, createdAt: '2026-12-01T10:00:00Z' });
  const stranger = ticket({ id: 'X1', requester: { email: 'x@nowhere.example' }, createdAt: '2026-11-10T10:00:00Z' });

  it('tallies binding targets, the average of later responses and attainment for the month', () => {
    const report = monthlyCompliance([onTime, late, december, stranger], config, '2026-11', now);
    const acme = report.rows.find((row) => row.customerId === 'acme');
    expect(acme).toMatchObject({ planName: 'Priority Support', tickets: 2 });
    expect(acme?.metrics.find((tally) => tally.metric === 'first_response')).toMatchObject({ met: 1, missed: 1, open: 0 });
    // The only later response (11:00 → 11:30) took 30 minutes.
    expect(acme?.averageResponse).toEqual({ achievedMinutes: 30, targetMinutes: 60, responses: 1 });
    expect(acme?.ticketDetails.map((detail) => [detail.id, detail.breaches])).toEqual([
      ['A1', []],
      ['A2', ['First response']],
    ]);
    expect(report.withoutPlan).toBe(1);
  });

  it('estimates the credit under the 2023 Terms: up to 50 % of the fee, claim within 30 days of month end', () => {
    const acme = monthlyCompliance([onTime, late], config, '2026-11', now).rows.find((row) => row.customerId === 'acme');
    expect(acme?.credit).toMatchObject({ owed: true, kind: 'up-to-percent', amount: 400, currency: 'USD', upTo: true, claimBy: '2026-12-30', expiresAfterMonths: 12 });
    // Decided: A1's first response (met) and average (met, solved ticket), A2's first response (missed).
    // A2 has no later responses, so no average to judge.
    expect(acme?.attainmentPercent).toBe(66.7);
  });

  it('a month without misses owes nothing; before the 2023 Terms a miss credits the full month', () => {
    const clean = monthlyCompliance([onTime], config, '2026-11', now).rows.find((row) => row.customerId === 'acme');
    expect(clean?.credit).toMatchObject({ owed: false, amount: 0 });
    const old = ticket({ id: 'O1', requester: { email: 'ann@acme.example' }, createdAt: '2022-03-07T10:00:00Z', events: [{ at: '2022-03-07T10:00:00Z', type: 'customer_message' }, { at: '2022-03-07T13:00:00Z', type: 'agent_reply' }] });
    const march2022 = monthlyCompliance([old], config, '2022-03', now).rows.find((row) => row.customerId === 'acme');
    expect(march2022?.credit).toMatchObject({ owed: true, kind: 'full-month', amount: 800, upTo: false, claimBy: null });
  });

  it('a plan change mid-month gives one row per plan, each ticket judged by the plan in force when it was created', () => {
    const changing = scenarioConfig((input) => {
      const globex = input.customers.find((c) => c.id === 'globex');
      if (globex) {
        globex.contracts = [
          { plan: 'neptune-basic', until: '2026-11-14', monthlyFee: { amount: 300, currency: 'EUR' } },
          { plan: 'neptune-extended', from: '2026-11-15', monthlyFee: { amount: 900, currency: 'EUR' } },
        ];
      }
    });
    const before = ticket({ id: 'G1', requester: { email: 'kim@globex.example' }, priority: 'urgent', createdAt: '2026-11-10T10:00:00Z' });
    const after = ticket({ id: 'G2', requester: { email: 'kim@globex.example' }, priority: 'urgent', createdAt: '2026-11-20T10:00:00Z' });
    const rows = monthlyCompliance([before, after], changing, '2026-11', now).rows.filter((row) => row.customerId === 'globex');
    expect(rows.map((row) => [row.planId, row.ticketDetails.map((detail) => detail.id)])).toEqual([
      ['neptune-basic', ['G1']],
      ['neptune-extended', ['G2']],
    ]);
    // Each row is priced with its own contract, not the one in force at month end.
    const withCredit = scenarioConfig((input) => {
      const globex = input.customers.find((c) => c.id === 'globex');
      const basic = input.plans['neptune-basic']?.versions[0];
      if (globex && basic) {
        globex.contracts = [
          { plan: 'neptune-basic', until: '2026-11-14', monthlyFee: { amount: 300, currency: 'EUR' } },
          { plan: 'neptune-extended', from: '2026-11-15', monthlyFee: { amount: 900, currency: 'EUR' } },
        ];
        basic.credit = { kind: 'full-month' };
      }
    });
    const basicRow = monthlyCompliance([before], withCredit, '2026-11', now).rows.find((row) => row.planId === 'neptune-basic');
    expect(basicRow?.credit).toMatchObject({ owed: true, amount: 300, currency: 'EUR' });
  });

  it('rejects a malformed month', () => {
    expect(() => monthlyCompliance([], config, '2026-13', now)).toThrow(/YYYY-MM/);
  });
});
