/**
 * Fabricated evaluations for overlay tests: the background's evaluator is written elsewhere, so the
 * tests build what it would send and validate it against the shared schema (a fixture that drifts
 * from the schema fails here, not in a confusing assertion).
 */
import { ticketEvaluationSchema, type Clock, type TicketEvaluation } from '../../lib/plans/evaluation-schema.ts';
import type { Ticket } from '../../lib/ticket.ts';

export const EVALUATED_AT = '2026-11-23T09:00:00Z';
export const EVALUATED_AT_MS = Date.parse(EVALUATED_AT);
export const MINUTE = 60_000;

export function explanation(overrides: Partial<Clock['explanation']> = {}): Clock['explanation'] {
  return {
    summary: '1 h on Priority Support 24x5 (Sydney, London, Los Angeles) from the customer’s email at 22:15 UTC',
    calendar: { id: 'follow-the-sun', name: 'Priority Support 24x5', zones: ['Australia/Sydney', 'Europe/London', 'America/Los_Angeles'] },
    target: { text: '1 h', minutes: 60, source: 'Premium plan, severity P1' },
    start: { at: '2026-11-23T08:30:00Z', reason: 'customer email received' },
    pauses: [],
    holidays: [],
    dstShifts: [],
    notes: [],
    ...overrides,
  };
}

export function clock(overrides: Partial<Clock> = {}): Clock {
  return {
    metric: 'first_response',
    label: 'First response',
    state: 'running',
    binding: true,
    exact: true,
    start: '2026-11-23T08:30:00Z',
    deadline: '2026-11-23T09:30:00Z',
    remainingMinutes: 30,
    elapsedMinutes: 30,
    targetMinutes: 60,
    percentElapsed: 50,
    warning: 'none',
    nextChangeAt: '2026-11-23T09:15:00Z',
    businessWindow: { start: '2026-11-23T08:00:00Z', end: '2026-11-23T17:00:00Z' },
    zone: 'Australia/Sydney',
    metAt: null,
    explanation: explanation(),
    ...overrides,
  };
}

export function evaluation(overrides: Partial<TicketEvaluation> = {}): TicketEvaluation {
  return ticketEvaluationSchema.parse({
    ticketId: '42',
    helpdesk: 'zendesk',
    evaluatedAt: EVALUATED_AT,
    match: { status: 'matched', customerId: 'acme', customerName: 'Acme', planId: 'premium', planName: 'Premium', reason: 'email domain acme.example' },
    severity: { id: 'p1', label: 'P1 Critical', rank: 1, color: '#b00020', derivedFrom: 'priority "urgent"' },
    eligibility: { eligible: true, issues: [] },
    clocks: [clock()],
    estimated: false,
    ...overrides,
  });
}

export function ticket(id: string, overrides: Partial<Ticket> = {}): Ticket {
  return {
    id,
    helpdesk: 'zendesk',
    subject: `Ticket ${id}`,
    requester: { email: 'jane@acme.example', name: 'Jane' },
    tags: [],
    status: 'open',
    createdAt: '2026-11-23T08:30:00Z',
    events: [],
    complete: true,
    ...overrides,
  };
}
