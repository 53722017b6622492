import type { DateTime } from 'luxon';
import type { Ticket } from '../ticket.ts';
import type { Config } from './config-schema.ts';
import type { TicketEvaluation } from './evaluation-schema.ts';

/**
 * Every clock the contract implies for a ticket at `now`: the matched customer and plan (or why
 * none), the severity and how it was derived, eligibility, and one clock per applicable metric.
 * Pure: the same inputs always give the same result.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a stub until issue #3 lands; the parameters are its final signature.
export function evaluateTicket(ticket: Ticket, config: Config, now: DateTime): TicketEvaluation {
  throw new Error('evaluateTicket: being implemented (issue #3)');
}
