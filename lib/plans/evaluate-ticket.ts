import type { DateTime } from 'luxon';
import { isoInstantOfMs } from '../sla/index.ts';
import type { Ticket } from '../ticket.ts';
import type { EvaluationContext } from './clock-builder.ts';
import type { Config } from './config-schema.ts';
import { deriveSeverity } from './derive-severity.ts';
import { checkEligibility } from './eligibility.ts';
import type { Clock, TicketEvaluation } from './evaluation-schema.ts';
import { matchCustomer } from './match-customer.ts';
import { averageResponseClock, firstResponseClock, nextResponseClock, periodicUpdateClock, resolutionClock } from './metric-clocks.ts';
import { buildTimeline } from './ticket-timeline.ts';

const METRIC_CLOCKS = [firstResponseClock, nextResponseClock, periodicUpdateClock, averageResponseClock, resolutionClock];

function timeBudget(ticket: Ticket, ctx: EvaluationContext): TicketEvaluation['timeBudget'] {
  const budget = ctx.version.timeBudget;
  if (!budget) return undefined;
  const used = ticket.timeSpentMinutes ?? null;
  const state = used === null ? 'unknown' : used > budget.minutesPerTicket ? 'exceeded' : used >= (budget.minutesPerTicket * budget.warnAtPercent) / 100 ? 'warning' : 'ok';
  return { label: budget.label, budgetMinutes: budget.minutesPerTicket, usedMinutes: used, state };
}

/**
 * Every clock the contract implies for a ticket at `now`: the matched customer and plan (or why
 * none), the severity and how it was derived, eligibility, and one clock per applicable metric
 * (first response, next response, periodic update, average response, resolution), each with its
 * deadline, state, next change and explanation. Pure: the same inputs always give the same result.
 *
 * @example
 * const evaluation = evaluateTicket(ticket, config, DateTime.fromISO('2026-11-23T10:00Z'));
 * evaluation.clocks.map((clock) => [clock.metric, clock.state, clock.deadline]);
 */
export function evaluateTicket(ticket: Ticket, config: Config, now: DateTime): TicketEvaluation {
  const nowMs = now.toMillis();
  const base = { ticketId: ticket.id, helpdesk: ticket.helpdesk, evaluatedAt: isoInstantOfMs(nowMs) };
  const matched = matchCustomer(ticket, config);
  if (matched.match.status !== 'matched' || !matched.customer || !matched.version || !matched.planId || !matched.plan) {
    return { ...base, match: matched.match, severity: null, eligibility: { eligible: false, issues: [] }, clocks: [], estimated: !ticket.complete };
  }
  const timeline = buildTimeline(ticket, nowMs);
  const severity = deriveSeverity(ticket, timeline, config, matched.planId, matched.version);
  const eligibility = checkEligibility(ticket, matched.version, matched.customer);
  const ctx: EvaluationContext = {
    ticket,
    timeline,
    config,
    customer: matched.customer,
    planName: matched.plan.name,
    version: matched.version,
    severity,
    eligible: eligibility.eligible,
    eligibilityIssues: eligibility.issues,
    nowMs,
    pauseCache: new Map(),
  };
  const clocks = METRIC_CLOCKS.map((build) => build(ctx)).filter((clock): clock is Clock => clock !== undefined);
  const budget = timeBudget(ticket, ctx);
  // Plain literals, no conditional spreads: V8 builds those through a slow generic path, and this runs per ticket.
  const evaluation: TicketEvaluation = {
    ticketId: base.ticketId,
    helpdesk: base.helpdesk,
    evaluatedAt: base.evaluatedAt,
    match: matched.match,
    severity: { id: severity.current.id, label: severity.current.label, rank: severity.current.rank, color: severity.current.color, derivedFrom: severity.derivedFrom },
    eligibility,
    clocks,
    estimated: !timeline.exact,
  };
  if (budget !== undefined) evaluation.timeBudget = budget;
  return evaluation;
}
