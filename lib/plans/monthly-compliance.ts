import type { DateTime } from 'luxon';
import { dayNumberFromIsoDate, isoDateOfDayNumber, localIsoDate, parseIsoInstantMs } from '../sla/index.ts';
import type { Ticket } from '../ticket.ts';
import { METRIC_LABELS } from './clock-builder.ts';
import type { Config, Contract, Customer, Metric } from './config-schema.ts';
import { evaluateTicket } from './evaluate-ticket.ts';
import type { Clock, TicketEvaluation } from './evaluation-schema.ts';
import { matchCustomer, versionOn } from './match-customer.ts';

/** One binding metric's tally for the month. */
export interface MetricTally {
  metric: Metric;
  label: string;
  met: number;
  missed: number;
  /** Not decided yet (still running or paused). */
  open: number;
}

/** One ticket's line in a compliance report (and in the customer-facing report). */
export interface ComplianceTicket {
  id: string;
  subject: string;
  url?: string;
  createdAt: string;
  severity: string | null;
  firstResponse: { minutes: number | null; targetMinutes: number; state: Clock['state'] } | null;
  /** Business minutes of each later response (answered ones). */
  laterResponses: number[];
  averageMinutes: number | null;
  /** Binding metrics missed on this ticket. */
  breaches: string[];
  covered: boolean;
  /** The clocks are estimates (the helpdesk did not show the whole history). */
  estimated: boolean;
  /** Binding targets this ticket met and missed (its share of the row's tallies). */
  decided: { met: number; missed: number };
}

export interface CreditEstimate {
  /** True when a binding target was missed this month. */
  owed: boolean;
  kind: 'full-month' | 'up-to-percent';
  /** Full fee, or the maximum at the vendor's discretion (`upTo`); null without a fee on the contract. */
  amount: number | null;
  currency: string | null;
  upTo: boolean;
  /** Last day to claim it (YYYY-MM-DD), when the terms require a claim. */
  claimBy: string | null;
  expiresAfterMonths: number | null;
  terms: string | null;
}

export interface ComplianceRow {
  customerId: string;
  customerName: string;
  planId: string;
  planName: string;
  tickets: number;
  metrics: MetricTally[];
  /** Mean of all later responses across the month's tickets (the Priority Support measure). */
  averageResponse: { achievedMinutes: number | null; targetMinutes: number | null; responses: number };
  /** Met ÷ decided binding targets, in percent (null when nothing was decided). */
  attainmentPercent: number | null;
  credit: CreditEstimate | null;
  ticketDetails: ComplianceTicket[];
}

export interface MonthlyCompliance {
  month: string;
  rows: ComplianceRow[];
  /** Tickets of the month that no customer plan covered. */
  withoutPlan: number;
}

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** First and last local date of a month, as day numbers. */
function monthDays(month: string): { first: number; last: number } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`month must be YYYY-MM (got ${JSON.stringify(month)})`);
  const year = Number(match[1]);
  const monthNumber = Number(match[2]);
  const first = dayNumberFromIsoDate(`${month}-01`);
  const next = monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}-01`;
  return { first, last: dayNumberFromIsoDate(next) - 1 };
}

/** A clock's verdict: met, missed, or still open. */
function verdict(clock: Clock): 'met' | 'missed' | 'open' {
  if (clock.state === 'met') return 'met';
  if (clock.state === 'met_late' || clock.state === 'breached') return 'missed';
  return 'open';
}

/** Met, missed and still-open verdicts. */
type Counts = Pick<MetricTally, 'met' | 'missed' | 'open'>;

/**
 * A binding clock's verdicts: per cycle for next response and periodic updates, one otherwise. The
 * average is promised "until the ticket is resolved": it is decided only on solved tickets, and a
 * ticket without later responses has no average to judge (undefined).
 */
function clockVerdicts(clock: Clock, ticket: Ticket): Counts | undefined {
  if (clock.metric === 'average_response' && (clock.average?.responses ?? 0) === 0 && clock.state !== 'running' && clock.state !== 'breached') return undefined;
  const counts: Counts = { met: 0, missed: 0, open: 0 };
  if (clock.metric === 'next_response' || clock.metric === 'periodic_update') {
    for (const cycle of clock.cycles ?? []) {
      if (cycle.met === true) counts.met++;
      else if (cycle.met === false) counts.missed++;
    }
    // The current cycle (the clock itself) is open, met or missed in its own right.
    if (clock.metric === 'periodic_update' || clock.metAt === null) counts[verdict(clock)]++;
    return counts;
  }
  const resolved = ticket.status === 'solved' || ticket.status === 'closed';
  counts[clock.metric === 'average_response' && !resolved ? 'open' : verdict(clock)]++;
  return counts;
}

/** The customer's contracts for a plan that overlap the month, latest start last. */
function contractsInMonth(customer: Customer, planId: string, firstDay: number, lastDay: number): Contract[] {
  return customer.contracts
    .filter((contract) => {
      const from = contract.from === undefined ? Number.NEGATIVE_INFINITY : dayNumberFromIsoDate(contract.from);
      const until = contract.until === undefined ? Number.POSITIVE_INFINITY : dayNumberFromIsoDate(contract.until);
      return contract.plan === planId && from <= lastDay && until >= firstDay;
    })
    .sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
}

function credit(customer: Customer, config: Config, planId: string, firstDay: number, lastDay: number, missed: boolean): CreditEstimate | null {
  const plan = config.plans[planId];
  const rule = plan ? versionOn(plan, isoDateOfDayNumber(lastDay)).credit : undefined;
  if (!rule) return null;
  // The fee of this row's own contract: after a plan change mid-month, another plan's contract is in force at month end.
  const fee = contractsInMonth(customer, planId, firstDay, lastDay).at(-1)?.monthlyFee;
  const upTo = rule.kind === 'up-to-percent';
  const amount = fee === undefined ? null : upTo ? (fee.amount * (rule.percent ?? 100)) / 100 : fee.amount;
  return {
    owed: missed,
    kind: rule.kind,
    amount: missed ? amount : 0,
    currency: fee?.currency ?? null,
    upTo,
    claimBy: rule.claimWindowDays === undefined ? null : isoDateOfDayNumber(lastDay + rule.claimWindowDays),
    expiresAfterMonths: rule.expiryMonths ?? null,
    terms: rule.terms ?? null,
  };
}

/**
 * Monthly compliance per customer and plan: tickets created in the month (in the customer's time
 * zone), met and missed per binding target, the average of later responses, attainment, and the
 * service-credit estimate with its claim deadline. Each ticket is judged by the contract and plan
 * version in force when it was created, so a month with a plan change has one row per plan.
 *
 * @example
 * monthlyCompliance(tickets, config, '2026-11', now).rows[0].credit // => { owed: true, amount: 400, upTo: true, claimBy: '2026-12-30', … }
 */
export function monthlyCompliance(tickets: readonly Ticket[], config: Config, month: string, now: DateTime): MonthlyCompliance {
  const { first, last } = monthDays(month);
  const rows = new Map<string, { row: ComplianceRow; tallies: Map<Metric, MetricTally>; laterResponses: number[]; customer: Customer }>();
  const rowFor = (customer: Customer, planId: string) => {
    const key = `${customer.id}\u0000${planId}`;
    let entry = rows.get(key);
    if (!entry) {
      entry = {
        row: {
          customerId: customer.id,
          customerName: customer.name,
          planId,
          planName: config.plans[planId]?.name ?? planId,
          tickets: 0,
          metrics: [],
          averageResponse: { achievedMinutes: null, targetMinutes: null, responses: 0 },
          attainmentPercent: null,
          credit: null,
          ticketDetails: [],
        },
        tallies: new Map(),
        laterResponses: [],
        customer,
      };
      rows.set(key, entry);
    }
    return entry;
  };
  // Every customer with a contract during the month gets a row, even without tickets.
  for (const customer of config.customers) {
    for (const planId of new Set(customer.contracts.map((contract) => contract.plan))) {
      if (planId in config.plans && contractsInMonth(customer, planId, first, last).length > 0) rowFor(customer, planId);
    }
  }

  let withoutPlan = 0;
  for (const ticket of tickets) {
    const matched = matchCustomer(ticket, config);
    const zone = matched.customer?.timezone ?? 'UTC';
    const createdDay = dayNumberFromIsoDate(localIsoDate(zone, parseIsoInstantMs(ticket.createdAt)));
    if (createdDay < first || createdDay > last) continue;
    if (!matched.customer || !matched.planId) {
      withoutPlan++;
      continue;
    }
    const evaluation: TicketEvaluation = evaluateTicket(ticket, config, now);
    const entry = rowFor(matched.customer, matched.planId);
    entry.row.tickets++;
    const binding = evaluation.clocks.filter((clock) => clock.binding);
    const decided = { met: 0, missed: 0 };
    for (const clock of binding) {
      const counts = clockVerdicts(clock, ticket);
      if (!counts) continue;
      let tally = entry.tallies.get(clock.metric);
      if (!tally) {
        tally = { metric: clock.metric, label: METRIC_LABELS[clock.metric], met: 0, missed: 0, open: 0 };
        entry.tallies.set(clock.metric, tally);
      }
      tally.met += counts.met;
      tally.missed += counts.missed;
      tally.open += counts.open;
      decided.met += counts.met;
      decided.missed += counts.missed;
    }
    const firstResponse = evaluation.clocks.find((clock) => clock.metric === 'first_response');
    const laterSource = evaluation.clocks.find((clock) => clock.metric === 'average_response') ?? evaluation.clocks.find((clock) => clock.metric === 'next_response');
    const later = (laterSource?.cycles ?? []).filter((cycle) => cycle.repliedAt !== null).map((cycle) => cycle.businessMinutes);
    if (evaluation.eligibility.eligible) entry.laterResponses.push(...later);
    const average = evaluation.clocks.find((clock) => clock.metric === 'average_response');
    if (average && entry.row.averageResponse.targetMinutes === null) entry.row.averageResponse.targetMinutes = average.explanation.target.minutes;
    entry.row.ticketDetails.push({
      id: ticket.id,
      subject: ticket.subject,
      ...(ticket.url === undefined ? {} : { url: ticket.url }),
      createdAt: ticket.createdAt,
      severity: evaluation.severity?.label ?? null,
      firstResponse: firstResponse
        ? { minutes: firstResponse.metAt === null ? null : firstResponse.elapsedMinutes, targetMinutes: firstResponse.targetMinutes, state: firstResponse.state }
        : null,
      laterResponses: later,
      averageMinutes: later.length > 0 ? later.reduce((a, b) => a + b, 0) / later.length : null,
      breaches: binding.filter((clock) => verdict(clock) === 'missed' || (clock.cycles ?? []).some((cycle) => cycle.met === false)).map((clock) => clock.label),
      covered: evaluation.eligibility.eligible,
      estimated: evaluation.estimated,
      decided,
    });
  }

  const out: ComplianceRow[] = [];
  for (const { row, tallies, laterResponses, customer } of rows.values()) {
    row.metrics = [...tallies.values()];
    const responses = laterResponses.length;
    row.averageResponse.responses = responses;
    row.averageResponse.achievedMinutes = responses > 0 ? laterResponses.reduce((a, b) => a + b, 0) / responses : null;
    const met = row.metrics.reduce((sum, tally) => sum + tally.met, 0);
    const missed = row.metrics.reduce((sum, tally) => sum + tally.missed, 0);
    row.attainmentPercent = met + missed > 0 ? Math.round((met / (met + missed)) * 1000) / 10 : null;
    row.credit = credit(customer, config, row.planId, first, last, missed > 0);
    row.ticketDetails.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    out.push(row);
  }
  out.sort((a, b) => a.customerName.localeCompare(b.customerName) || a.planName.localeCompare(b.planName));
  return { month, rows: out, withoutPlan };
}
