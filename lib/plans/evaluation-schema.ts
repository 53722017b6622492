import { z } from 'zod/mini';
import { isoInstantSchema } from '../ticket.ts';
import { METRICS } from './metrics.ts';

export const CLOCK_STATES = ['pending_start', 'running', 'paused', 'met', 'breached', 'met_late'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

/** `warning`: a warning threshold was crossed; `breached`: the target was missed. */
export const WARNING_LEVELS = ['none', 'warning', 'breached'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** "Why this number": everything that went into a clock, for people to check. */
export const explanationSchema = z.strictObject({
  /** One sentence, e.g. "1 h on Priority Support 24x5 (Sydney, London, Los Angeles) from the customer's email at 22:15 UTC". */
  summary: z.string(),
  calendar: z.strictObject({ id: z.string(), name: z.string(), zones: z.array(z.string()) }),
  target: z.strictObject({ text: z.string(), minutes: z.number(), source: z.string() }),
  start: z.strictObject({ at: z.nullable(isoInstantSchema), reason: z.string() }),
  pauses: z.array(z.strictObject({ from: isoInstantSchema, to: z.nullable(isoInstantSchema), status: z.string() })),
  holidays: z.array(z.strictObject({ date: z.string(), name: z.optional(z.string()), zone: z.string() })),
  dstShifts: z.array(z.strictObject({ at: isoInstantSchema, zone: z.string(), offsetBeforeMinutes: z.number(), offsetAfterMinutes: z.number() })),
  notes: z.array(z.string()),
});
export type Explanation = z.infer<typeof explanationSchema>;

/** One response cycle (a customer message and the reply to it), for compliance and the customer report. */
export const responseCycleSchema = z.strictObject({
  askedAt: isoInstantSchema,
  repliedAt: z.nullable(isoInstantSchema),
  /** Business minutes from question to reply (or to now while waiting). */
  businessMinutes: z.number(),
  /** Whether this cycle met its own target (null while it is still open). */
  met: z.nullable(z.boolean()),
});
export type ResponseCycle = z.infer<typeof responseCycleSchema>;

export const clockSchema = z.strictObject({
  metric: z.enum(METRICS),
  label: z.string(),
  state: z.enum(CLOCK_STATES),
  binding: z.boolean(),
  /** False when the ticket's history was incomplete: the clock is an estimate. */
  exact: z.boolean(),
  start: z.nullable(isoInstantSchema),
  /** UTC ISO, or null while paused / not applicable. */
  deadline: z.nullable(isoInstantSchema),
  /** Business minutes left (negative: overdue); null while paused with nothing to count down. */
  remainingMinutes: z.nullable(z.number()),
  elapsedMinutes: z.number(),
  targetMinutes: z.number(),
  percentElapsed: z.number(),
  warning: z.enum(WARNING_LEVELS),
  /** When this clock's state or warning level changes next without new ticket events (schedule ticks and alerts on it). */
  nextChangeAt: z.nullable(isoInstantSchema),
  /**
   * The business window of the clock's calendar containing `evaluatedAt`, or the next one
   * (`nextBusinessWindowMs`); null when the calendar has no business time. Between evaluations the
   * page counts a running or breached clock 1:1 inside this window and not at all before it, and asks
   * again at its end: wall time alone cannot tell when business time passes. Optional so evaluators
   * can add it in their own time; without it the page only narrows the countdown (lib/overlay/countdown.ts).
   */
  businessWindow: z.optional(z.nullable(z.strictObject({ start: isoInstantSchema, end: isoInstantSchema }))),
  /** Why paused, when paused. */
  pausedBecause: z.optional(z.string()),
  /** The zone of the clock's calendar (the customer's, for customer hours): the UI shows local time there on hover. */
  zone: z.string(),
  /** When the clock was met, for met / met_late. */
  metAt: z.nullable(isoInstantSchema),
  /** Average response: the achieved mean so far and the responses it is over. */
  average: z.optional(z.strictObject({ achievedMinutes: z.nullable(z.number()), responses: z.number(), budgetMinutes: z.nullable(z.number()) })),
  /** Response metrics: every cycle so far. */
  cycles: z.optional(z.array(responseCycleSchema)),
  explanation: explanationSchema,
});
export type Clock = z.infer<typeof clockSchema>;

export const matchSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('matched'),
    customerId: z.string(),
    customerName: z.string(),
    planId: z.string(),
    planName: z.string(),
    /** The plan version's effectiveFrom (absent for the first version). */
    planVersionFrom: z.optional(z.string()),
    reason: z.string(),
  }),
  z.strictObject({ status: z.literal('no_plan'), customerId: z.optional(z.string()), customerName: z.optional(z.string()), reason: z.string() }),
]);
export type PlanMatch = z.infer<typeof matchSchema>;

export const ticketEvaluationSchema = z.strictObject({
  ticketId: z.string(),
  helpdesk: z.string(),
  evaluatedAt: isoInstantSchema,
  match: matchSchema,
  severity: z.nullable(z.strictObject({ id: z.string(), label: z.string(), rank: z.number(), color: z.string(), derivedFrom: z.string() })),
  eligibility: z.strictObject({ eligible: z.boolean(), issues: z.array(z.string()) }),
  clocks: z.array(clockSchema),
  /** True when any clock is an estimate (history incomplete). */
  estimated: z.boolean(),
  timeBudget: z.optional(
    z.strictObject({
      label: z.string(),
      budgetMinutes: z.number(),
      /** Null when the helpdesk records no time: shown as unknown, never guessed. */
      usedMinutes: z.nullable(z.number()),
      state: z.enum(['ok', 'warning', 'exceeded', 'unknown']),
    }),
  ),
});
export type TicketEvaluation = z.infer<typeof ticketEvaluationSchema>;
