import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildMonthReport, rowKey } from '../../lib/reports/month-report.ts';
import { creditText, formatDateTime, formatMoney, formatMonth } from '../../lib/reports/report-text.ts';
import { answeredAfter, reportConfig, ticket } from './fixtures.ts';

const now = DateTime.fromISO('2026-12-05T12:00:00Z', { zone: 'utc' });
const config = reportConfig();

const tickets = [
  ticket({ id: 'A1', requester: { email: 'ann@acme.example' }, createdAt: '2026-11-03T10:00:00Z', events: answeredAfter('2026-11-03T10:00:00Z', 20) }),
  ticket({ id: 'A2', requester: { email: 'ann@acme.example' }, createdAt: '2026-11-10T10:00:00Z', events: answeredAfter('2026-11-10T10:00:00Z', 90) }),
  ticket({ id: 'A3', requester: { email: 'ann@acme.example' }, createdAt: '2026-11-30T10:00:00Z', events: answeredAfter('2026-11-30T10:00:00Z', 5), complete: false }),
  // 03:00 UTC on Monday 9 November is still Sunday the 8th in New York, Initech's zone.
  ticket({ id: 'I1', requester: { email: 'ivy@initech.example' }, createdAt: '2026-11-09T03:00:00Z', events: answeredAfter('2026-11-09T03:00:00Z', 30), complete: false }),
  ticket({ id: 'OCT', requester: { email: 'ann@acme.example' }, createdAt: '2026-10-30T10:00:00Z' }),
];
const report = buildMonthReport(tickets, config, '2026-11', now);

describe('buildMonthReport', () => {
  it('cuts the month into Monday-to-Sunday weeks', () => {
    expect(report.weeks.map((week) => [week.from, week.to])).toEqual([
      ['2026-11-01', '2026-11-01'],
      ['2026-11-02', '2026-11-08'],
      ['2026-11-09', '2026-11-15'],
      ['2026-11-16', '2026-11-22'],
      ['2026-11-23', '2026-11-29'],
      ['2026-11-30', '2026-11-30'],
    ]);
  });

  it('tallies each week’s tickets in the customer’s zone, and the weeks add up to the month', () => {
    const initech = rowKey({ customerId: 'initech', planId: 'priority-support' });
    expect(report.weeks.map((week) => week.tallies[initech]?.met ?? null)).toEqual([null, 1, null, null, null, null]);
    for (const row of report.compliance.rows) {
      const key = rowKey(row);
      const sum = (field: 'met' | 'missed') => report.weeks.reduce((total, week) => total + (week.tallies[key]?.[field] ?? 0), 0);
      expect([sum('met'), sum('missed')]).toEqual([
        row.metrics.reduce((total, tally) => total + tally.met, 0),
        row.metrics.reduce((total, tally) => total + tally.missed, 0),
      ]);
    }
    expect(report.weeks[2]?.tallies['acme/priority-support']).toMatchObject({ missed: 1 });
  });

  it('lists the month’s tickets whose history was incomplete, per row', () => {
    expect(report.estimated).toEqual({ 'acme/priority-support': ['A3'], 'initech/priority-support': ['I1'] });
  });

  it('orders severities from the most severe', () => {
    const both = buildMonthReport([], reportConfig(), '2026-11', now);
    expect(both.severityOrder).toEqual(['Priority', 'Urgent', 'High', 'Medium', 'Low']);
  });

  it('rejects a malformed month', () => {
    expect(() => buildMonthReport(tickets, config, '2026-1', now)).toThrow(/YYYY-MM/);
  });
});

describe('report text', () => {
  const owed = { owed: true, kind: 'up-to-percent' as const, amount: 400, currency: 'USD', upTo: true, claimBy: '2026-12-30', expiresAfterMonths: 12, terms: 'Request within 30 days.' };

  it('formats months, instants in a zone, and money with its code', () => {
    expect(formatMonth('2026-11')).toBe('November 2026');
    expect(formatDateTime('2026-11-03T10:00:00Z', 'Europe/Berlin')).toBe('3 Nov 2026, 11:00');
    expect(formatMoney(1234.5, 'EUR')).toBe('EUR 1,234.50');
  });

  it('describes an owed credit, its claim window and expiry', () => {
    expect(creditText(owed, 0, '2026-12-05')).toEqual({
      amount: "Up to USD 400.00, at the vendor's discretion",
      claim: 'Claim by 30 Dec 2026',
      expiry: 'Credits expire 12 months after they are granted.',
      terms: 'Request within 30 days.',
    });
    expect(creditText(owed, 0, '2026-12-31').claim).toBe('The claim window closed on 30 Dec 2026');
    expect(creditText({ ...owed, kind: 'full-month', upTo: false, amount: 800, claimBy: null, expiresAfterMonths: null }, 0, '2026-12-05')).toMatchObject({
      amount: 'USD 800.00: the full month',
      claim: 'No claim needed',
      expiry: null,
    });
    expect(creditText({ ...owed, amount: null, currency: null }, 0, '2026-12-05').amount).toBe("Up to the contract’s share of the monthly fee (no fee on file), at the vendor's discretion");
  });

  it('says when nothing is owed, or nothing yet, or the plan has no credits', () => {
    expect(creditText({ ...owed, owed: false, amount: 0 }, 0, '2026-12-05')).toMatchObject({ amount: 'None', claim: null });
    expect(creditText({ ...owed, owed: false, amount: 0 }, 2, '2026-11-20').amount).toBe('None so far (2 targets still open)');
    expect(creditText(null, 0, '2026-12-05').amount).toBe('No service credits in this plan');
  });
});
