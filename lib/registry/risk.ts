import type { Clock, TicketEvaluation } from '../plans/index.ts';
import type { Ticket } from '../ticket.ts';
import type { EvaluationCache } from './evaluation-cache.ts';
import { instantMs } from './instants.ts';
import { isOpenStatus, type RegistryEntry, type TicketRegistry } from './ticket-registry.ts';

/** How much trouble a ticket is in, worst first. */
export const RISK_LEVELS = ['breached', 'warning', 'ok', 'paused', 'not_covered', 'not_evaluated'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * Binding clocks somebody can still act on: a met clock (on time or late) is history, and a
 * non-binding target never counts as a breach.
 *
 * @example
 * actionableClocks(evaluation).map((clock) => clock.metric) // => ['first_response']
 */
export function actionableClocks(evaluation: TicketEvaluation): Clock[] {
  return evaluation.clocks.filter((clock) => clock.binding && clock.state !== 'met' && clock.state !== 'met_late');
}

/**
 * The ticket's risk level from its evaluation (undefined: not evaluated yet).
 *
 * @example
 * riskOf(evaluation) // => 'warning'
 */
export function riskOf(evaluation: TicketEvaluation | undefined): RiskLevel {
  if (!evaluation) return 'not_evaluated';
  if (evaluation.match.status === 'no_plan') return 'not_covered';
  const clocks = actionableClocks(evaluation);
  if (clocks.some((clock) => clock.warning === 'breached' || clock.state === 'breached')) return 'breached';
  if (clocks.some((clock) => clock.warning === 'warning')) return 'warning';
  if (clocks.length > 0 && clocks.every((clock) => clock.state === 'paused')) return 'paused';
  return 'ok';
}

/**
 * The clock that breaches first (earliest deadline among actionable clocks; an overdue one is
 * earliest of all), or undefined when no clock is counting down.
 *
 * @example
 * mostUrgentClock(evaluation)?.label // => 'First response'
 */
export function mostUrgentClock(evaluation: TicketEvaluation | undefined): (Clock & { deadline: string }) | undefined {
  let best: (Clock & { deadline: string }) | undefined;
  for (const clock of evaluation ? actionableClocks(evaluation) : []) {
    if (clock.deadline === null || clock.state === 'paused') continue;
    const withDeadline = { ...clock, deadline: clock.deadline };
    if (!best || instantMs(withDeadline.deadline) < instantMs(best.deadline)) best = withDeadline;
  }
  return best;
}

const normalize = (text: string) => text.trim().toLowerCase();

/**
 * Is the ticket assigned to the agent? `identities` are the agent's names or emails as the helpdesks
 * show the assignee (compared case-insensitively).
 *
 * @example
 * isAssignedTo({ ...ticket, assignee: 'Ada Lovelace' }, ['ada lovelace', 'ada@example.com']) // => true
 */
export function isAssignedTo(ticket: Ticket, identities: readonly string[]): boolean {
  if (ticket.assignee === undefined) return false;
  const assignee = normalize(ticket.assignee);
  return identities.some((identity) => normalize(identity) === assignee);
}

/**
 * Is the ticket in one of the agent's groups (compared case-insensitively)?
 *
 * @example
 * isInGroups({ ...ticket, group: 'Tier 2' }, ['tier 2']) // => true
 */
export function isInGroups(ticket: Ticket, groups: readonly string[]): boolean {
  if (ticket.group === undefined) return false;
  const group = normalize(ticket.group);
  return groups.some((candidate) => normalize(candidate) === group);
}

/** An open ticket with its evaluation, if any. */
export interface TrackedTicket {
  key: string;
  entry: RegistryEntry;
  evaluation: TicketEvaluation | undefined;
}

/**
 * Open tickets of the registry with their cached evaluations.
 *
 * @example
 * openTickets(registry, cache).length // => 12
 */
export function openTickets(registry: TicketRegistry, cache: EvaluationCache): TrackedTicket[] {
  return Object.entries(registry.entries)
    .filter(([, entry]) => isOpenStatus(entry.ticket.status))
    .map(([key, entry]) => ({ key, entry, evaluation: cache.byKey[key]?.evaluation }));
}

/** The toolbar badge. */
export interface BadgeSummary {
  breached: number;
  warning: number;
  /** Empty when nothing is at risk (the badge disappears). */
  text: string;
  /** The worst level's colour: red for a breach, amber for a warning. */
  color: string;
  title: string;
}

export const BADGE_COLORS = { breached: '#d93025', warning: '#e37400' } as const;

/**
 * Counts breached and at-risk (warning) binding clocks on open tickets for the toolbar badge.
 *
 * @example
 * badgeSummary(openTickets(registry, cache)) // => { breached: 1, warning: 2, text: '3', color: '#d93025', title: 'SLA Lens: 1 breached, 2 at risk' }
 */
export function badgeSummary(tickets: readonly TrackedTicket[]): BadgeSummary {
  let breached = 0;
  let warning = 0;
  for (const { evaluation } of tickets) {
    if (!evaluation || evaluation.match.status !== 'matched') continue;
    for (const clock of actionableClocks(evaluation)) {
      if (clock.warning === 'breached' || clock.state === 'breached') breached++;
      else if (clock.warning === 'warning') warning++;
    }
  }
  const total = breached + warning;
  return {
    breached,
    warning,
    text: total === 0 ? '' : total > 999 ? '999+' : String(total),
    color: breached > 0 ? BADGE_COLORS.breached : BADGE_COLORS.warning,
    title: total === 0 ? 'SLA Lens: nothing at risk' : `SLA Lens: ${breached} breached, ${warning} at risk`,
  };
}
