import { DateTime } from 'luxon';
import { monthlyCompliance, type ComplianceRow, type Config, type MonthlyCompliance } from '../plans/index.ts';
import { dayNumberFromIsoDate, isoDateOfDayNumber, localIsoDate } from '../sla/index.ts';
import type { Ticket } from '../ticket.ts';

/** Met and missed binding targets. */
export interface Tally {
  met: number;
  missed: number;
}

/** A week of the month (Monday to Sunday, cut at the month's ends) and its tallies per row. */
export interface ReportWeek {
  /** First and last date, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  /** By {@link rowKey}; rows without tickets that week are absent. */
  tallies: Record<string, Tally>;
}

/** Everything the reports page shows for one month. */
export interface MonthReport {
  compliance: MonthlyCompliance;
  /** Attainment by week of ticket creation. */
  weeks: ReportWeek[];
  /** Ids of tickets whose history the extension saw only in part (their clocks are estimates), by {@link rowKey}. */
  estimated: Record<string, string[]>;
  /** Severity labels, most severe first, for charts and tables. */
  severityOrder: string[];
  /** Each customer's time zone (UTC when none is set): dates in a customer's rows are local to them. */
  customerZones: Record<string, string>;
}

/**
 * The key of a report row (one customer on one plan).
 *
 * @example
 * rowKey({ customerId: 'acme', planId: 'priority-support' }) // => 'acme/priority-support'
 */
export function rowKey(row: Pick<ComplianceRow, 'customerId' | 'planId'>): string {
  // Ids are lower-case letters, digits, - and _ (config schema), so '/' cannot occur inside one.
  return `${row.customerId}/${row.planId}`;
}

/** The Monday-to-Sunday weeks of a month, the first and last cut at the month's ends. */
function weeksOf(month: string): { from: string; to: string }[] {
  const first = DateTime.fromISO(`${month}-01`, { zone: 'utc' });
  const firstDay = dayNumberFromIsoDate(`${month}-01`);
  const lastDay = firstDay + first.endOf('month').day - 1;
  const weeks: { from: string; to: string }[] = [];
  // Luxon weekdays run 1 (Monday) … 7 (Sunday).
  for (let start = firstDay, end = firstDay + 7 - first.weekday; start <= lastDay; start = end + 1, end += 7) {
    weeks.push({ from: isoDateOfDayNumber(start), to: isoDateOfDayNumber(Math.min(end, lastDay)) });
  }
  return weeks;
}

/** Severity labels of every plan version, most severe (lowest rank) first. */
function severityOrder(config: Config): string[] {
  const ranks = new Map<string, number>();
  for (const plan of Object.values(config.plans)) {
    for (const version of plan.versions) {
      for (const severity of version.severities) ranks.set(severity.label, Math.min(ranks.get(severity.label) ?? severity.rank, severity.rank));
    }
  }
  return [...ranks].sort(([a, rankA], [b, rankB]) => rankA - rankB || a.localeCompare(b)).map(([label]) => label);
}

/**
 * A month's compliance (see `monthlyCompliance`) with what the reports page adds: attainment by week
 * of ticket creation and the tickets whose clocks are estimates, both read off each ticket's line,
 * so they follow exactly the evaluator's rules for month, customer, plan and verdict.
 *
 * @example
 * const report = buildMonthReport(tickets, config, '2026-11', now);
 * report.weeks.map((week) => week.from) // => ['2026-11-01', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']
 */
export function buildMonthReport(tickets: readonly Ticket[], config: Config, month: string, now: DateTime): MonthReport {
  const compliance = monthlyCompliance(tickets, config, month, now);
  const customerZones = Object.fromEntries(config.customers.map((customer) => [customer.id, customer.timezone ?? 'UTC']));
  const weeks: ReportWeek[] = weeksOf(month).map((week) => ({ ...week, tallies: {} }));
  const estimated: Record<string, string[]> = {};
  // Weeks and estimates come from each ticket's own line: every ticket is evaluated once.
  for (const row of compliance.rows) {
    const key = rowKey(row);
    const zone = customerZones[row.customerId] ?? 'UTC';
    for (const detail of row.ticketDetails) {
      if (detail.estimated) (estimated[key] ??= []).push(detail.id);
      // The same local date the evaluator uses to put a ticket in a month: the customer's zone.
      const created = localIsoDate(zone, Date.parse(detail.createdAt));
      const week = weeks.find((candidate) => candidate.from <= created && created <= candidate.to);
      if (!week) continue;
      const tally = (week.tallies[key] ??= { met: 0, missed: 0 });
      tally.met += detail.decided.met;
      tally.missed += detail.decided.missed;
    }
  }
  return { compliance, weeks, estimated, severityOrder: severityOrder(config), customerZones };
}
