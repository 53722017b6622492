import type { ComplianceRow } from '../plans/index.ts';
import { rowKey, type ReportWeek, type Tally } from './month-report.ts';

/**
 * Met and missed binding targets over rows.
 *
 * @example
 * tallyRows(compliance.rows) // => { met: 41, missed: 3 }
 */
export function tallyRows(rows: readonly ComplianceRow[]): Tally {
  let met = 0;
  let missed = 0;
  for (const row of rows) {
    for (const tally of row.metrics) {
      met += tally.met;
      missed += tally.missed;
    }
  }
  return { met, missed };
}

/**
 * Attainment in percent (one decimal), or null when no target was decided.
 *
 * @example
 * attainment({ met: 2, missed: 1 }) // => 66.7
 */
export function attainment(tally: Tally): number | null {
  const decided = tally.met + tally.missed;
  return decided === 0 ? null : Math.round((tally.met / decided) * 1000) / 10;
}

/** One week's attainment over the rows shown. */
export interface WeekAttainment extends Tally {
  from: string;
  to: string;
  percent: number | null;
}

/**
 * Attainment by week over the rows shown (met and missed summed across them, not averaged).
 *
 * @example
 * weeklyAttainment(report.weeks, visibleRows).map((week) => week.percent) // => [null, 100, 50, …]
 */
export function weeklyAttainment(weeks: readonly ReportWeek[], rows: readonly ComplianceRow[]): WeekAttainment[] {
  const keys = rows.map(rowKey);
  return weeks.map((week) => {
    const tally = { met: 0, missed: 0 };
    for (const key of keys) {
      tally.met += week.tallies[key]?.met ?? 0;
      tally.missed += week.tallies[key]?.missed ?? 0;
    }
    return { from: week.from, to: week.to, ...tally, percent: attainment(tally) };
  });
}

/** Missed binding targets of one severity. */
export interface SeverityBreaches {
  severity: string;
  breaches: number;
  tickets: number;
}

/**
 * Missed binding targets by severity (a ticket that missed first response and the average counts
 * twice), in `order` (most severe first); severities without a breach are left out.
 *
 * @example
 * breachesBySeverity(rows, ['Urgent', 'High']) // => [{ severity: 'Urgent', breaches: 3, tickets: 2 }]
 */
export function breachesBySeverity(rows: readonly ComplianceRow[], order: readonly string[]): SeverityBreaches[] {
  const bySeverity = new Map<string, SeverityBreaches>();
  for (const detail of rows.flatMap((row) => row.ticketDetails)) {
    if (detail.breaches.length === 0) continue;
    const severity = detail.severity ?? 'No severity';
    const entry = bySeverity.get(severity) ?? { severity, breaches: 0, tickets: 0 };
    entry.breaches += detail.breaches.length;
    entry.tickets++;
    bySeverity.set(severity, entry);
  }
  const rank = (severity: string) => {
    const index = order.indexOf(severity);
    return index < 0 ? order.length : index;
  };
  return [...bySeverity.values()].sort((a, b) => rank(a.severity) - rank(b.severity) || a.severity.localeCompare(b.severity));
}

/** Service credit owed in one currency. */
export interface Exposure {
  currency: string;
  amount: number;
  /** True when any part of it is a maximum at the vendor's discretion. */
  upTo: boolean;
}

/**
 * Service credit owed over rows, per currency; `unpriced` counts rows that owe a credit but have no
 * fee on their contract.
 *
 * @example
 * creditExposure(rows) // => { byCurrency: [{ currency: 'USD', amount: 400, upTo: true }], unpriced: 0 }
 */
export function creditExposure(rows: readonly ComplianceRow[]): { byCurrency: Exposure[]; unpriced: number } {
  const byCurrency = new Map<string, Exposure>();
  let unpriced = 0;
  for (const { credit } of rows) {
    if (!credit?.owed) continue;
    if (credit.amount === null || credit.currency === null) {
      unpriced++;
      continue;
    }
    const entry = byCurrency.get(credit.currency) ?? { currency: credit.currency, amount: 0, upTo: false };
    entry.amount += credit.amount;
    entry.upTo ||= credit.upTo;
    byCurrency.set(credit.currency, entry);
  }
  return { byCurrency: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)), unpriced };
}
