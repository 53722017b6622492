import { formatMinutes } from '../format/duration.ts';
import { formatInstant } from '../format/instant.ts';
import type { Metric } from '../plans/metrics.ts';
import type { Clock, TicketEvaluation } from '../plans/evaluation-schema.ts';
import { countdownText, remainingAt, type Countdown } from './countdown.ts';

/** What the agent sees a clock as; each has its own icon and words, so none relies on colour. */
export const DISPLAY_STATES = ['running', 'warning', 'breached', 'paused', 'waiting', 'met', 'met_late'] as const;
export type DisplayState = (typeof DISPLAY_STATES)[number];

export interface StateDescription {
  state: DisplayState;
  /** Decorative (aria-hidden): the name carries the meaning. */
  icon: string;
  name: string;
}

const STATE_DESCRIPTIONS: Record<DisplayState, Omit<StateDescription, 'state'>> = {
  running: { icon: '◷', name: 'on track' },
  warning: { icon: '⚠', name: 'at risk' },
  breached: { icon: '✕', name: 'overdue' },
  paused: { icon: '⏸', name: 'paused' },
  waiting: { icon: '⧗', name: 'not started' },
  met: { icon: '✓', name: 'met' },
  met_late: { icon: '⚑', name: 'met late' },
};

/**
 * How a clock looks at a moment: the evaluated state, except that a running clock whose countdown
 * crossed zero on the page is already shown overdue (the background confirms at `nextChangeAt`).
 *
 * @example
 * describeState({ state: 'running', warning: 'warning' }, 12) // => { state: 'warning', icon: '⚠', name: 'at risk' }
 */
export function describeState(clock: Pick<Clock, 'state' | 'warning'>, remainingMinutes: number | null): StateDescription {
  const state = displayStateOf(clock, remainingMinutes);
  return { state, ...STATE_DESCRIPTIONS[state] };
}

function displayStateOf(clock: Pick<Clock, 'state' | 'warning'>, remainingMinutes: number | null): DisplayState {
  switch (clock.state) {
    case 'pending_start':
      return 'waiting';
    case 'running':
      if ((remainingMinutes !== null && remainingMinutes < 0) || clock.warning === 'breached') return 'breached';
      return clock.warning === 'warning' ? 'warning' : 'running';
    default:
      return clock.state;
  }
}

const METRIC_LABELS: Record<Metric, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  periodic_update: 'Periodic update',
  average_response: 'Average response',
  resolution: 'Resolution',
};

/**
 * The clock's name: the plan's label, or the metric's name when the plan has none.
 *
 * @example
 * clockLabel({ metric: 'first_response', label: '' }) // => 'First response'
 */
export function clockLabel(clock: Pick<Clock, 'metric' | 'label'>): string {
  return clock.label.trim() || METRIC_LABELS[clock.metric];
}

/** Everything a clock shows, in words; `status` is the live part. */
export interface ClockView extends StateDescription {
  label: string;
  /** "2 h 10 m left", "overdue 12 m", "paused: waiting for the customer", "starts Mon 09:00 customer time", "met 10:42". */
  status: string;
  /** The wall-clock deadline in the agent's zone: "due 14:30". */
  deadline: string | null;
  /** The deadline in the clock's zone (the customer's), for the hover: "Tue 03:00 customer time (Australia/Sydney)". */
  customerDeadline: string | null;
  /** Secondary facts: time left when a paused clock resumes, how late, the average so far. */
  details: string[];
  binding: boolean;
  /** The ticket's history was incomplete. */
  estimated: boolean;
}

export interface ViewContext {
  nowMs: number;
  /** The agent's IANA zone (the browser's), passed in: lib/ never reads the host zone. */
  agentZone: string;
}

function statusOf(clock: Clock, countdown: Countdown, state: DisplayState, { nowMs, agentZone }: ViewContext): string {
  switch (state) {
    case 'running':
    case 'warning':
    case 'breached':
      return countdownText(countdown, nowMs) ?? STATE_DESCRIPTIONS[state].name;
    case 'paused':
      return clock.pausedBecause ? `paused: ${clock.pausedBecause}` : 'paused';
    case 'waiting': {
      // When counting begins: the next business window (clock.start is the submission, often already past).
      const startsAt = clock.businessWindow?.start ?? clock.nextChangeAt ?? clock.start;
      return startsAt ? `starts ${formatInstant(startsAt, clock.zone, nowMs)} customer time` : 'waiting for the service window';
    }
    case 'met':
    case 'met_late': {
      const prefix = state === 'met' ? 'met' : 'met late';
      return clock.metAt ? `${prefix} ${formatInstant(clock.metAt, agentZone, nowMs)}` : prefix;
    }
  }
}

function detailsOf(clock: Clock, state: DisplayState, remaining: number | null): string[] {
  const details: string[] = [];
  if (state === 'paused' && remaining !== null) details.push(`${formatMinutes(Math.max(0, remaining))} left when it resumes`);
  if (state === 'met_late' && remaining !== null && remaining < 0) details.push(`${formatMinutes(-remaining)} over target`);
  if (clock.average) {
    const { achievedMinutes, responses, budgetMinutes } = clock.average;
    if (achievedMinutes !== null) details.push(`average ${formatMinutes(achievedMinutes)} over ${responses} ${responses === 1 ? 'response' : 'responses'}`);
    if (budgetMinutes !== null) details.push(`next reply within ${formatMinutes(Math.max(0, budgetMinutes))} keeps the average`);
  }
  return details;
}

/**
 * A clock in words at `nowMs`, for the ticket strip and the list badges' hover text.
 *
 * @example
 * describeClock(clock, toCountdown(clock, evaluation.evaluatedAt), { nowMs, agentZone: 'Europe/Berlin' }).status // => '2 h 10 m left'
 */
export function describeClock(clock: Clock, countdown: Countdown, context: ViewContext): ClockView {
  const remaining = remainingAt(countdown, context.nowMs);
  const description = describeState(clock, remaining);
  const showsDeadline = clock.deadline !== null && ['running', 'warning', 'breached'].includes(description.state);
  return {
    ...description,
    label: clockLabel(clock),
    status: statusOf(clock, countdown, description.state, context),
    deadline: showsDeadline && clock.deadline ? `${description.state === 'breached' ? 'was due' : 'due'} ${formatInstant(clock.deadline, context.agentZone, context.nowMs)}` : null,
    customerDeadline: clock.deadline ? `${formatInstant(clock.deadline, clock.zone, context.nowMs)} customer time (${clock.zone})` : null,
    details: detailsOf(clock, description.state, remaining),
    binding: clock.binding,
    estimated: !clock.exact,
  };
}

/**
 * The time budget line: "guidance used 1 h 20 m of 4 h", with a warning near or over the limit, and
 * never a guess when the helpdesk records no time.
 *
 * @example
 * timeBudgetText({ label: 'guidance', budgetMinutes: 240, usedMinutes: 80, state: 'ok' }) // => 'guidance used 1 h 20 m of 4 h'
 * timeBudgetText({ label: 'guidance', budgetMinutes: 240, usedMinutes: null, state: 'unknown' }) // => 'guidance budget 4 h: this helpdesk records no time'
 */
export function timeBudgetText(budget: NonNullable<TicketEvaluation['timeBudget']>): string {
  const { label, budgetMinutes, usedMinutes, state } = budget;
  if (usedMinutes === null) return `${label} budget ${formatMinutes(budgetMinutes)}: this helpdesk records no time`;
  const line = `${label} used ${formatMinutes(usedMinutes)} of ${formatMinutes(budgetMinutes)}`;
  if (state === 'exceeded') return `${line}: over by ${formatMinutes(Math.max(0, usedMinutes - budgetMinutes))}`;
  return state === 'warning' ? `${line}: near the limit` : line;
}
