import type { DateTime } from 'luxon';
import type { Ticket } from '../ticket.ts';
import type { Config } from './config-schema.ts';
import type { TicketEvaluation } from './evaluation-schema.ts';

/**
 * Every clock the contract implies for a ticket at `now`: the matched customer and plan (or why
 * none), the severity and how it was derived, eligibility, and one clock per applicable metric.
 * Pure: the same inputs always give the same result.
 */
export function evaluateTicket(ticket: Ticket, config: Config, now: DateTime): TicketEvaluation {
  void ticket;
  void config;
  void now;
  throw new Error('evaluateTicket: being implemented (issue #3)');
}
