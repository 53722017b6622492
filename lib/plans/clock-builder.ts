import {
  businessDaysMs,
  holidaysBetween,
  isoInstantOfMs,
  nextBusinessWindowMs,
  offsetChangesBetween,
  type BusinessCalendar,
} from '../sla/index.ts';
import type { Ticket } from '../ticket.ts';
import { metInTime, runClock, type ClockLeg, type ClockOutcome, type PauseInterval } from './clock-run.ts';
import type { Config, Customer, Metric, PlanVersion, Target, TargetDuration } from './config-schema.ts';
import { severityAt, type DerivedSeverity } from './derive-severity.ts';
import type { Clock, Explanation } from './evaluation-schema.ts';
import { calendarZones, resolveCalendar } from './resolve-calendar.ts';
import type { Speaker, TicketTimeline } from './ticket-timeline.ts';

type Message = TicketTimeline['messages'][number];

const MINUTE_MS = 60_000;
/** The page asks again at the end of the window it was given, so a day ahead is plenty (and cheap for 24x7). */
const BUSINESS_WINDOW_HORIZON_MS = 86_400_000;

export const METRIC_LABELS: Record<Metric, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  periodic_update: 'Update',
  average_response: 'Average response',
  resolution: 'Resolution',
};

/** What every clock of one ticket shares. */
export interface EvaluationContext {
  ticket: Ticket;
  timeline: TicketTimeline;
  config: Config;
  customer: Customer;
  planName: string;
  version: PlanVersion;
  severity: DerivedSeverity;
  /** False when the plan does not cover the ticket: every clock is then non-binding. */
  eligible: boolean;
  eligibilityIssues: string[];
  nowMs: number;
  /** Status pauses per pause rule, computed once per evaluation (every cycle of a metric shares them). */
  pauseCache: Map<Target['pause'], PauseInterval[]>;
}

/** A clock to build: which metric, from when, stopped when. */
export interface ClockRequest {
  metric: Metric;
  startMs: number;
  startReason: string;
  stopMs: number | null;
  /** Extra time that does not count besides the target's pause statuses (e.g. solved stretches before a reopen). */
  extraPauses?: PauseInterval[];
  /** Overrides the target's allowance (average response budgets). */
  targetMsOverride?: number;
  notes?: string[];
}

const iso = isoInstantOfMs;
const readable = (ms: number) => `${iso(ms).slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Human text for a target duration.
 *
 * @example
 * durationText({ amount: 3, unit: 'business_days' }) // => '3 business days'
 */
export function durationText(duration: TargetDuration): string {
  const plural = duration.amount === 1 ? '' : 's';
  if (duration.unit === 'business_days') return `${duration.amount} business day${plural}`;
  return duration.unit === 'hours' ? `${duration.amount} hour${plural}` : `${duration.amount} minute${plural}`;
}

/** The allowance in business ms; business days are measured from the clock's start on its calendar (the business time up to the day-count deadline). */
export function durationMs(duration: TargetDuration, calendar: BusinessCalendar, fromMs: number): number {
  if (duration.unit === 'minutes') return Math.round(duration.amount * MINUTE_MS);
  if (duration.unit === 'hours') return Math.round(duration.amount * 60 * MINUTE_MS);
  return businessDaysMs(calendar, fromMs, Math.round(duration.amount));
}

/** The target for a severity and metric in the plan version. */
export function targetFor(version: PlanVersion, severityId: string, metric: Metric): Target | undefined {
  return version.targets.find((target) => target.severity === severityId && target.metric === metric);
}

/**
 * Status stretches that pause a target over the whole ticket, merged; with the guard, stretches after
 * a customer message keep counting. Clocks skip the ones before their start.
 */
function pausesFor(ctx: EvaluationContext, rule: Target['pause']): PauseInterval[] {
  const cached = ctx.pauseCache.get(rule);
  if (cached) return cached;
  const pauses: PauseInterval[] = [];
  const messages = ctx.timeline.messages;
  for (const segment of rule.statuses.length === 0 ? [] : ctx.timeline.statusSegments) {
    if (!rule.statuses.includes(segment.status)) continue;
    const end = segment.toMs ?? Number.POSITIVE_INFINITY;
    const reason = pauseReason(segment.status);
    if (!rule.unlessCustomerSpokeLast) {
      pauses.push({ fromMs: segment.fromMs, toMs: segment.toMs, reason });
      continue;
    }
    // Split at messages: a stretch after the customer spoke does not pause (they are waiting for us).
    // No arrays or closures per segment: the cuts are read off the messages as they come.
    let k = 0;
    let heard = 0;
    let speaker: Speaker | null = null;
    let previousCut = Number.NEGATIVE_INFINITY;
    for (let cut = segment.fromMs; ; ) {
      while (k < messages.length && !((messages[k] as Message).atMs > segment.fromMs && (messages[k] as Message).atMs < end)) k++;
      const nextCut = k < messages.length ? (messages[k] as Message).atMs : undefined;
      const pieceEnd = nextCut ?? segment.toMs;
      // Who spoke last strictly before cut + 1 (messages at or after it are not yet heard), carried on from the
      // previous cut (messages are in time order, so cuts only grow; start over if one did not).
      if (!(cut >= previousCut)) {
        heard = 0;
        speaker = null;
      }
      previousCut = cut;
      while (heard < messages.length && !((messages[heard] as Message).atMs >= cut + 1)) speaker = (messages[heard++] as Message).speaker;
      if (speaker !== 'customer' && (pieceEnd === null || pieceEnd > cut)) pauses.push({ fromMs: cut, toMs: pieceEnd, reason });
      if (nextCut === undefined) break;
      cut = nextCut;
      k++;
    }
  }
  const merged = mergePauses(pauses);
  ctx.pauseCache.set(rule, merged);
  return merged;
}

/** 'status on hold' for 'on_hold': the same few strings for every ticket, so built once each. */
const pauseReasons = new Map<string, string>();
function pauseReason(status: string): string {
  let reason = pauseReasons.get(status);
  if (reason === undefined) {
    reason = `status ${status.replace('_', ' ')}`;
    pauseReasons.set(status, reason);
  }
  return reason;
}

/** Sorted and merged copies of `pauses` (which it sorts in place: callers pass a fresh array). */
function mergePauses(pauses: PauseInterval[]): PauseInterval[] {
  pauses.sort((a, b) => a.fromMs - b.fromMs);
  const out: PauseInterval[] = [];
  for (const pause of pauses) {
    const last = out[out.length - 1];
    if (last && (last.toMs === null || pause.fromMs <= last.toMs)) {
      last.toMs = last.toMs === null || pause.toMs === null ? null : Math.max(last.toMs, pause.toMs);
    } else {
      out.push({ fromMs: pause.fromMs, toMs: pause.toMs, reason: pause.reason });
    }
  }
  return out;
}

/** A clock set up (start rule, legs, allowance, pauses), before it is run. */
export interface ClockSetup {
  target: Target;
  calendar: BusinessCalendar;
  severityLabel: string;
  legs: ClockLeg[];
  targetMs: number;
  pauses: PauseInterval[];
  startReason: string;
  notes: string[];
}

/** A clock set up and run, before it is explained. */
export interface PlannedClock extends ClockSetup {
  outcome: ClockOutcome;
}

const calendarOf = (ctx: EvaluationContext, target: Target) => resolveCalendar(ctx.config, target.calendar, ctx.customer);

/**
 * Sets up one clock: applies the start rule, the severity-change policy (legs on each severity's
 * calendar) and pauses. Undefined when the severity at its end has no target for the metric.
 */
function setUpClock(ctx: EvaluationContext, request: ClockRequest): ClockSetup | undefined {
  const endMs = request.stopMs ?? ctx.nowMs;
  const severity = severityAt(ctx.severity, endMs);
  const target = targetFor(ctx.version, severity.id, request.metric);
  if (!target) return undefined;
  const calendar = calendarOf(ctx, target);
  const notes = request.notes ? [...request.notes] : [];

  let startMs = request.startMs;
  let startReason = request.startReason;
  if (target.start.rule === 'next-window') {
    const windowCalendar = resolveCalendar(ctx.config, target.start.windowCalendar ?? target.calendar, ctx.customer);
    const window = nextBusinessWindowMs(windowCalendar, startMs, 1);
    if (window && window.startMs > startMs) {
      startMs = window.startMs;
      startReason = `the next service window (${startReason} came outside it)`;
    }
  }

  let legs: ClockLeg[] = [{ calendar, fromMs: startMs }];
  const history = ctx.severity.history;
  if (history.length > 1) {
    const changes = history.filter((step) => step.fromMs > startMs && step.fromMs <= endMs);
    const policy = ctx.version.severityChange;
    const last = changes[changes.length - 1];
    if (last && policy === 'restart') {
      legs = [{ calendar, fromMs: last.fromMs }];
      startReason = `the change of severity to ${last.severity.label} (the clock restarts)`;
    } else if (last && policy === 'keep-elapsed') {
      const before = severityAt(ctx.severity, startMs);
      legs = [{ calendar: calendarOf(ctx, targetFor(ctx.version, before.id, request.metric) ?? target), fromMs: startMs }];
      for (const step of changes) legs.push({ calendar: calendarOf(ctx, targetFor(ctx.version, step.severity.id, request.metric) ?? target), fromMs: step.fromMs });
      notes.push(`Severity changed to ${severity.label}: time already counted is kept, the new target applies.`);
    } else if (last) {
      notes.push(`Severity changed to ${severity.label}: its target applies from the start.`);
    }
  }
  const firstLeg = legs[0] as ClockLeg;
  const targetMs = request.targetMsOverride ?? durationMs(target.duration, calendar, firstLeg.fromMs);
  const statusPauses = pausesFor(ctx, target.pause);
  const pauses = request.extraPauses && request.extraPauses.length > 0 ? mergePauses([...statusPauses, ...request.extraPauses]) : statusPauses;
  return { target, calendar, severityLabel: severity.label, legs, targetMs, pauses, startReason, notes };
}

/**
 * Sets up and runs one clock: applies the start rule, the severity-change policy (legs on each
 * severity's calendar) and pauses. Undefined when the current severity has no target for the metric.
 */
export function planClock(ctx: EvaluationContext, request: ClockRequest): PlannedClock | undefined {
  const setup = setUpClock(ctx, request);
  if (!setup) return undefined;
  const outcome = runClock({ legs: setup.legs, targetMs: Math.max(setup.targetMs, 1), pauses: setup.pauses, stopMs: request.stopMs, nowMs: ctx.nowMs, warn: setup.target.warn });
  const { target, calendar, severityLabel, legs, targetMs, pauses, startReason, notes } = setup;
  return { target, calendar, severityLabel, legs, targetMs, pauses, startReason, notes, outcome };
}

/**
 * The verdict on one stopped clock: `planClock(ctx, request).outcome.state === 'met'`, without the
 * outcome's other numbers (a ticket's past response cycles each need only this). Undefined when the
 * severity at its stop has no target for the metric.
 *
 * @example
 * stoppedClockMet(ctx, { metric: 'periodic_update', startMs: replyMs, startReason: 'the previous update', stopMs: nextReplyMs }) // => true
 */
export function stoppedClockMet(ctx: EvaluationContext, request: ClockRequest & { stopMs: number }): boolean | undefined {
  const setup = setUpClock(ctx, request);
  if (!setup) return undefined;
  return metInTime({ legs: setup.legs, targetMs: Math.max(setup.targetMs, 1), pauses: setup.pauses, stopMs: request.stopMs });
}

/**
 * Builds one clock for display: {@link planClock} plus its explanation ("why this number").
 */
export function buildClock(ctx: EvaluationContext, request: ClockRequest): Clock | undefined {
  const planned = planClock(ctx, request);
  if (!planned) return undefined;
  const { target, calendar, legs, targetMs, pauses, startReason, outcome } = planned;
  const notes = planned.notes;
  if (!target.binding) notes.push('Suggested target, not contractually binding: never counted as a breach.');
  if (!ctx.eligible) notes.push(`Not covered by the plan (${ctx.eligibilityIssues.join('; ')}): shown for information only.`);
  notes.push(...ctx.timeline.notes);
  const firstLeg = legs[0] as ClockLeg;
  const calendarName = ctx.config.calendars[target.calendar]?.name ?? target.calendar;
  const spanEnd = Math.max(request.stopMs ?? ctx.nowMs, outcome.deadlineMs ?? 0, firstLeg.fromMs);
  const explanation: Explanation = {
    summary: `${durationText(target.duration)} on “${calendarName}”, counted from ${startReason} (${readable(firstLeg.fromMs)}).`,
    calendar: { id: target.calendar, name: calendarName, zones: calendarZones(calendar) },
    target: { text: durationText(target.duration), minutes: targetMs / MINUTE_MS, source: `${ctx.planName} · ${planned.severityLabel} · ${METRIC_LABELS[request.metric]}` },
    start: { at: iso(firstLeg.fromMs), reason: startReason },
    pauses: pauses
      .filter((pause) => pause.toMs === null || pause.toMs > firstLeg.fromMs)
      .map((pause) => ({ from: iso(Math.max(pause.fromMs, firstLeg.fromMs)), to: pause.toMs === null ? null : iso(pause.toMs), status: pause.reason })),
    holidays: holidaysBetween(calendar, firstLeg.fromMs, spanEnd),
    dstShifts: offsetChangesBetween(calendar, firstLeg.fromMs, spanEnd).map((change) => ({
      at: iso(change.atMs),
      zone: change.zone,
      offsetBeforeMinutes: change.offsetBeforeMinutes,
      offsetAfterMinutes: change.offsetAfterMinutes,
    })),
    notes,
  };
  // Where the clock is counting (or will next count): the page counts down 1:1 inside this window
  // between evaluations, and asks again at its end.
  const counting = outcome.state === 'running' || outcome.state === 'breached' || outcome.state === 'pending_start';
  const window = counting ? nextBusinessWindowMs((legs[legs.length - 1] as ClockLeg).calendar, ctx.nowMs, BUSINESS_WINDOW_HORIZON_MS) : undefined;
  const metric = request.metric;
  const label = METRIC_LABELS[metric];
  const state = outcome.state;
  const binding = target.binding && ctx.eligible;
  const exact = ctx.timeline.exact;
  const start = iso(firstLeg.fromMs);
  const deadline = outcome.deadlineMs === null ? null : iso(outcome.deadlineMs);
  const remainingMinutes = outcome.remainingMs === null ? null : outcome.remainingMs / MINUTE_MS;
  const elapsedMinutes = outcome.elapsedMs / MINUTE_MS;
  const targetMinutes = targetMs / MINUTE_MS;
  const { percentElapsed, warning, pausedBecause } = outcome;
  const nextChangeAt = outcome.nextChangeMs === null ? null : iso(outcome.nextChangeMs);
  const zone = calendar.timezone;
  const metAt = request.stopMs === null ? null : iso(request.stopMs);
  // One whole literal per shape (counting clocks have a business window, paused ones a reason, the
  // others neither) rather than conditional spreads or added fields: V8 copies spreads through a slow
  // generic path and grows a separate property store for added fields, and this runs for every clock.
  // Field order is the same in all three.
  if (counting) {
    const businessWindow = window ? { start: iso(window.startMs), end: iso(window.endMs) } : null;
    return { metric, label, state, businessWindow, binding, exact, start, deadline, remainingMinutes, elapsedMinutes, targetMinutes, percentElapsed, warning, nextChangeAt, zone, metAt, explanation };
  }
  if (pausedBecause !== undefined) {
    return { metric, label, state, binding, exact, start, deadline, remainingMinutes, elapsedMinutes, targetMinutes, percentElapsed, warning, nextChangeAt, pausedBecause, zone, metAt, explanation };
  }
  return { metric, label, state, binding, exact, start, deadline, remainingMinutes, elapsedMinutes, targetMinutes, percentElapsed, warning, nextChangeAt, zone, metAt, explanation };
}
