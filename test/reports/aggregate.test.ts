import { describe, expect, it } from 'vitest';
import { attainment, breachesBySeverity, creditExposure, tallyRows, weeklyAttainment } from '../../lib/reports/aggregate.ts';
import { recentMonths } from '../../lib/reports/recent-months.ts';
import { formatWeek } from '../../lib/reports/report-text.ts';
import { acmeBasic, acmePriority, initechQuiet } from './compliance-fixture.ts';
import { fixtureReport } from './month-report-fixture.ts';

describe('aggregates over the rows shown', () => {
  it('sums met and missed targets, and attainment is met ÷ decided', () => {
    expect(tallyRows([acmeBasic, acmePriority, initechQuiet])).toEqual({ met: 3, missed: 2 });
    expect(attainment({ met: 2, missed: 1 })).toBe(66.7);
    expect(attainment({ met: 0, missed: 0 })).toBeNull();
  });

  it('sums weeks across rows rather than averaging their percentages', () => {
    const weeks = weeklyAttainment(fixtureReport.weeks, [acmeBasic, acmePriority]);
    expect(weeks.map((week) => [week.met, week.missed, week.percent])).toEqual([
      [0, 1, 0],
      [2, 0, 100],
      [0, 1, 0],
      [0, 0, null],
      [1, 0, 100],
      [0, 0, null],
    ]);
    expect(weeklyAttainment(fixtureReport.weeks, [initechQuiet]).every((week) => week.percent === null)).toBe(true);
  });

  it('counts breaches by severity, most severe first', () => {
    expect(breachesBySeverity([acmePriority, acmeBasic], ['Urgent', 'High', 'Priority'])).toEqual([
      { severity: 'Urgent', breaches: 1, tickets: 1 },
      { severity: 'Priority', breaches: 1, tickets: 1 },
    ]);
    const unranked = { ...acmeBasic, ticketDetails: acmeBasic.ticketDetails.map((detail) => ({ ...detail, severity: null, breaches: ['First response', 'Periodic update'] })) };
    expect(breachesBySeverity([unranked], [])).toEqual([{ severity: 'No severity', breaches: 2, tickets: 1 }]);
  });

  it('adds credit owed per currency and counts credits without a fee', () => {
    const credit = acmePriority.credit;
    if (!credit) throw new Error('fixture has a credit');
    const euro = { ...acmePriority, credit: { ...credit, upTo: false, amount: 300, currency: 'EUR' } };
    const unpriced = { ...acmePriority, credit: { ...credit, amount: null, currency: null } };
    expect(creditExposure([acmePriority, acmePriority, euro, unpriced, initechQuiet, acmeBasic])).toEqual({
      byCurrency: [
        { currency: 'EUR', amount: 300, upTo: false },
        { currency: 'USD', amount: 800, upTo: true },
      ],
      unpriced: 1,
    });
  });
});

describe('months and weeks', () => {
  it('offers the months up to today, newest first, across a year boundary', () => {
    expect(recentMonths('2026-01-15', 3)).toEqual(['2026-01', '2025-12', '2025-11']);
    expect(recentMonths('2026-12-31', 13).at(-1)).toBe('2025-12');
    expect(() => recentMonths('2026-13-01', 2)).toThrow(/YYYY-MM-DD/);
  });

  it('names a week by its dates', () => {
    expect(formatWeek('2026-11-02', '2026-11-08')).toBe('2–8 Nov');
    expect(formatWeek('2026-11-30', '2026-11-30')).toBe('30 Nov');
  });
});
