import { DateTime } from 'luxon';
// Not from lib/plans/index.ts: background tests mock lib/plans/evaluate-ticket.ts with fakeEvaluate,
// and the mock must not import the module it replaces.
import type { Config } from '../../lib/plans/config-schema.ts';
import { clockSchema, ticketEvaluationSchema, type Clock, type TicketEvaluation } from '../../lib/plans/evaluation-schema.ts';
import { emptyConfig, parseConfig } from '../../lib/plans/parse-config.ts';
import { withTemplate } from '../../lib/plans/templates.ts';
import { parseTicket, type Ticket, type TicketInput } from '../../lib/ticket.ts';

export const ORIGIN = 'https://acme.zendesk.com';
export const T0 = '2026-11-23T09:00:00.000Z';

export const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
export const plusMinutes = (iso: string, minutes: number) => at(iso).plus({ minutes }).toUTC().toISO({ includeOffset: true }) ?? iso;

/** A valid ticket; override any field. */
export function makeTicket(overrides: Partial<TicketInput> = {}): Ticket {
  const id = overrides.id ?? '42';
  return parseTicket({
    id,
    helpdesk: 'zendesk',
    url: `${ORIGIN}/agent/tickets/${id}`,
    subject: 'Printer on fire',
    requester: { email: 'ops@customer.example', name: 'Grace' },
    tags: [],
    status: 'open',
    createdAt: T0,
    updatedAt: T0,
    events: [{ at: T0, type: 'customer_message' }],
    complete: true,
    ...overrides,
  });
}

/** A valid running clock; override any field. */
export function makeClock(overrides: Partial<Clock> = {}): Clock {
  return clockSchema.parse({
    metric: 'first_response',
    label: 'First response',
    state: 'running',
    binding: true,
    exact: true,
    start: T0,
    deadline: plusMinutes(T0, 60),
    remainingMinutes: 60,
    elapsedMinutes: 0,
    targetMinutes: 60,
    percentElapsed: 0,
    warning: 'none',
    nextChangeAt: plusMinutes(T0, 45),
    zone: 'UTC',
    metAt: null,
    explanation: {
      summary: '1 h on 24x7',
      calendar: { id: '24x7', name: '24x7', zones: ['UTC'] },
      target: { text: '1 h', minutes: 60, source: 'plan' },
      start: { at: T0, reason: 'customer message' },
      pauses: [],
      holidays: [],
      dstShifts: [],
      notes: [],
    },
    ...overrides,
  });
}

/** A valid evaluation of a matched ticket; override any field. */
export function makeEvaluation(overrides: Partial<TicketEvaluation> = {}): TicketEvaluation {
  return ticketEvaluationSchema.parse({
    ticketId: '42',
    helpdesk: 'zendesk',
    evaluatedAt: T0,
    match: { status: 'matched', customerId: 'acme', customerName: 'Acme', planId: 'premium', planName: 'Premium', reason: 'email domain' },
    severity: { id: 'high', label: 'High', rank: 2, color: '#d93f0b', derivedFrom: 'priority' },
    eligibility: { eligible: true, issues: [] },
    clocks: [makeClock()],
    estimated: false,
    ...overrides,
  });
}

/**
 * A stand-in for `evaluateTicket`: one 24x7 first-response clock from `createdAt`, target from the
 * `target` field (default 60 min), warning at 75 %, paused while the ticket is pending, met once an
 * agent replied; a ticket tagged `no-plan` matches no plan, one tagged `evaluator-fails` throws.
 * Linear in time, so instants are easy to check.
 */
export function fakeEvaluate(ticket: Ticket, _config: Config, now: DateTime): TicketEvaluation {
  const evaluatedAt = now.toUTC().toISO() ?? T0;
  if (ticket.tags.includes('evaluator-fails')) throw new Error('evaluator bug');
  if (ticket.tags.includes('no-plan')) {
    return ticketEvaluationSchema.parse({
      ...makeEvaluation({ ticketId: ticket.id, helpdesk: ticket.helpdesk, evaluatedAt, clocks: [] }),
      match: { status: 'no_plan', reason: 'no customer matches' },
      severity: null,
    });
  }
  const target = Number(ticket.fields?.target ?? '60');
  const start = at(ticket.createdAt);
  const deadline = start.plus({ minutes: target });
  const elapsed = Math.max(now.diff(start, 'minutes').minutes, 0);
  const remaining = target - elapsed;
  const replied = ticket.events.find((event) => event.type === 'agent_reply');
  const paused = ticket.status === 'pending';
  const warnAt = start.plus({ minutes: target * 0.75 });
  const state = replied ? 'met' : paused ? 'paused' : remaining <= 0 ? 'breached' : 'running';
  const warning = remaining <= 0 ? 'breached' : elapsed >= target * 0.75 ? 'warning' : 'none';
  const nextChange = replied || paused ? null : now < warnAt ? warnAt : now < deadline ? deadline : null;
  const iso = (value: DateTime) => value.toUTC().toISO() ?? T0;
  return makeEvaluation({
    ticketId: ticket.id,
    helpdesk: ticket.helpdesk,
    evaluatedAt,
    match: {
      status: 'matched',
      customerId: ticket.organization ?? 'acme',
      customerName: ticket.organization ?? 'Acme',
      planId: ticket.fields?.plan ?? 'premium',
      planName: ticket.fields?.plan ?? 'Premium',
      reason: 'test',
    },
    clocks: [
      makeClock({
        state,
        start: iso(start),
        deadline: paused ? null : iso(deadline),
        remainingMinutes: paused ? null : remaining,
        elapsedMinutes: elapsed,
        targetMinutes: target,
        percentElapsed: (elapsed / target) * 100,
        warning,
        nextChangeAt: nextChange ? iso(nextChange) : null,
        metAt: replied ? replied.at : null,
        exact: ticket.complete,
      }),
    ],
    estimated: !ticket.complete,
  });
}

/** A configuration with one plan (so SLA Lens counts as configured). */
export function configuredConfig(): Config {
  return parseConfig(withTemplate(emptyConfig(), 'priority-support'));
}
