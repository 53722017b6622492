import { businessMsBetween } from '../sla/index.ts';
import type { PauseInterval } from './clock-run.ts';
import { buildClock, durationMs, stoppedClockMet, targetFor, type EvaluationContext } from './clock-builder.ts';
import { severityAt } from './derive-severity.ts';
import type { Clock, ResponseCycle } from './evaluation-schema.ts';
import { resolveCalendar } from './resolve-calendar.ts';
import type { TicketTimeline } from './ticket-timeline.ts';

const MINUTE_MS = 60_000;

/** When the ticket was last solved or closed and still is (null while open). */
function currentSolveMs(ctx: EvaluationContext): number | null {
  const last = ctx.timeline.statusSegments[ctx.timeline.statusSegments.length - 1];
  return last && (last.status === 'solved' || last.status === 'closed') && last.fromMs <= ctx.nowMs ? last.fromMs : null;
}

function firstAgentReplyMs(ctx: EvaluationContext): number | null {
  return ctx.timeline.messages.find((message) => message.speaker === 'agent')?.atMs ?? null;
}

/** First response: from creation to the first public agent reply (internal notes never count). */
export function firstResponseClock(ctx: EvaluationContext): Clock | undefined {
  const replyMs = firstAgentReplyMs(ctx);
  const solvedMs = currentSolveMs(ctx);
  const notes = replyMs === null && solvedMs !== null ? ['Solved without a public reply: the clock stopped when it was solved.'] : [];
  return buildClock(ctx, { metric: 'first_response', startMs: ctx.timeline.createdMs, startReason: 'ticket creation', stopMs: replyMs ?? solvedMs, notes });
}

/** Customer messages after the first reply, each waiting for the next agent reply. */
interface Cycle {
  askMs: number;
  ask: string;
  replyMs: number | null;
  reply: string | null;
}

function responseCycles(ctx: EvaluationContext): Cycle[] {
  const firstReply = firstAgentReplyMs(ctx);
  if (firstReply === null) return [];
  const cycles: Cycle[] = [];
  let waiting: TicketTimeline['messages'][number] | null = null;
  for (const message of ctx.timeline.messages) {
    if (message.atMs <= firstReply) continue;
    if (message.speaker === 'customer' && waiting === null) waiting = message;
    else if (message.speaker === 'agent' && waiting !== null) {
      cycles.push({ askMs: waiting.atMs, ask: waiting.at, replyMs: message.atMs, reply: message.at });
      waiting = null;
    }
  }
  // A last word from the customer on a ticket solved after it ("thanks!") awaits nothing.
  const solvedMs = currentSolveMs(ctx);
  if (waiting !== null && !(solvedMs !== null && solvedMs >= waiting.atMs)) cycles.push({ askMs: waiting.atMs, ask: waiting.at, replyMs: null, reply: null });
  return cycles;
}

/** Next response: the latest customer message after a reply needs a reply; every cycle is listed. */
export function nextResponseClock(ctx: EvaluationContext): Clock | undefined {
  const cycles = responseCycles(ctx);
  const current = cycles[cycles.length - 1];
  if (!current) return undefined;
  const clock = buildClock(ctx, { metric: 'next_response', startMs: current.askMs, startReason: "the customer's message", stopMs: current.replyMs });
  if (!clock) return undefined;
  const calendar = resolveCalendar(ctx.config, targetFor(ctx.version, severityAt(ctx.severity, current.askMs).id, 'next_response')?.calendar ?? clock.explanation.calendar.id, ctx.customer);
  clock.cycles = cycles.map((cycle): ResponseCycle => ({
    askedAt: cycle.ask,
    repliedAt: cycle.reply,
    businessMinutes: businessMsBetween(calendar, cycle.askMs, cycle.replyMs ?? ctx.nowMs) / MINUTE_MS,
    met: cycleMet(ctx, 'next_response', cycle.askMs, cycle.replyMs, "the customer's message"),
  }));
  return clock;
}

/** Did one past cycle meet its own target (its own severity, pauses and calendar)? Null while open. */
function cycleMet(ctx: EvaluationContext, metric: 'next_response' | 'periodic_update', startMs: number, stopMs: number | null, startReason: string): boolean | null {
  if (stopMs === null) return null;
  return stoppedClockMet(ctx, { metric, startMs, startReason, stopMs }) ?? null;
}

/**
 * Average response: the mean of all later response times must stay within the target. While a
 * reply is pending, its budget is the latest reply that keeps the mean within target:
 * (n + 1) × target − (sum of the n earlier response times).
 */
export function averageResponseClock(ctx: EvaluationContext): Clock | undefined {
  const target = targetFor(ctx.version, ctx.severity.current.id, 'average_response');
  if (!target || firstAgentReplyMs(ctx) === null) return undefined;
  const calendar = resolveCalendar(ctx.config, target.calendar, ctx.customer);
  const cycles = responseCycles(ctx);
  // Until the customer writes again after the first reply there is nothing to average.
  if (cycles.length === 0) return undefined;
  const answered = cycles.filter((cycle): cycle is Cycle & { replyMs: number } => cycle.replyMs !== null);
  const sum = answered.reduce((total, cycle) => total + businessMsBetween(calendar, cycle.askMs, cycle.replyMs), 0);
  const achieved = answered.length > 0 ? sum / answered.length / MINUTE_MS : null;
  const pending = cycles.find((cycle) => cycle.replyMs === null);
  const allowanceMs = durationMs(target.duration, calendar, pending?.askMs ?? ctx.timeline.createdMs);
  const responses = `${answered.length} later response${answered.length === 1 ? '' : 's'}`;

  let clock: Clock | undefined;
  let budgetMs: number | null = null;
  if (pending) {
    budgetMs = (answered.length + 1) * allowanceMs - sum;
    clock = buildClock(ctx, {
      metric: 'average_response',
      startMs: pending.askMs,
      startReason: "the customer's message",
      stopMs: null,
      targetMsOverride: budgetMs,
      notes: [
        achieved === null
          ? 'First later response: its time is the average.'
          : `Average of ${responses} so far: ${achieved.toFixed(1)} min; this reply may take up to the remaining budget.`,
        ...(budgetMs <= 0 ? ['The average is already over target: only faster later replies can bring it back.'] : []),
      ],
    });
  } else {
    const first = answered[0] as Cycle & { replyMs: number };
    const last = answered[answered.length - 1] as Cycle & { replyMs: number };
    clock = buildClock(ctx, {
      metric: 'average_response',
      startMs: first.askMs,
      startReason: 'the first later customer message',
      stopMs: last.replyMs,
      notes: [`Average of ${responses}: ${(achieved as number).toFixed(1)} min.`],
    });
    if (clock) {
      // Settled: the state is the verdict on the average so far, not on a single reply.
      const achievedMs = (achieved as number) * MINUTE_MS;
      const over = achievedMs > allowanceMs;
      Object.assign(clock, {
        state: over ? 'met_late' : 'met',
        warning: over ? 'breached' : 'none',
        deadline: null,
        nextChangeAt: null,
        targetMinutes: allowanceMs / MINUTE_MS,
        elapsedMinutes: achievedMs / MINUTE_MS,
        remainingMinutes: (allowanceMs - achievedMs) / MINUTE_MS,
        percentElapsed: Math.round((achievedMs / allowanceMs) * 1000) / 10,
      } satisfies Partial<Clock>);
    }
  }
  if (!clock) return undefined;
  clock.average = { achievedMinutes: achieved, responses: answered.length, budgetMinutes: budgetMs === null ? null : budgetMs / MINUTE_MS };
  // The average, not each reply, is the commitment: cycles carry no verdict of their own.
  clock.cycles = cycles.map((cycle): ResponseCycle => ({
    askedAt: cycle.ask,
    repliedAt: cycle.reply,
    businessMinutes: businessMsBetween(calendar, cycle.askMs, cycle.replyMs ?? ctx.nowMs) / MINUTE_MS,
    met: null,
  }));
  return clock;
}

/** Periodic update: after each agent reply, the next is due within the cadence while the ticket is open. */
export function periodicUpdateClock(ctx: EvaluationContext): Clock | undefined {
  const replies = ctx.timeline.messages.filter((message) => message.speaker === 'agent');
  const last = replies[replies.length - 1]?.atMs;
  if (last === undefined) return undefined;
  const solvedMs = currentSolveMs(ctx);
  const clock = buildClock(ctx, {
    metric: 'periodic_update',
    startMs: last,
    startReason: 'the last update to the customer',
    stopMs: solvedMs !== null && solvedMs >= last ? solvedMs : null,
    notes: solvedMs !== null ? ['Solved: no further updates are due.'] : [],
  });
  if (!clock) return undefined;
  const calendar = resolveCalendar(ctx.config, clock.explanation.calendar.id, ctx.customer);
  clock.cycles = replies.slice(0, -1).map((reply, k): ResponseCycle => {
    const next = replies[k + 1] as (typeof replies)[number];
    return {
      askedAt: reply.at,
      repliedAt: next.at,
      businessMinutes: businessMsBetween(calendar, reply.atMs, next.atMs) / MINUTE_MS,
      met: cycleMet(ctx, 'periodic_update', reply.atMs, next.atMs, 'the previous update'),
    };
  });
  return clock;
}

/** Resolution: from creation to solved, pausing per the target; a reopen resumes or restarts it (plan rule). */
export function resolutionClock(ctx: EvaluationContext): Clock | undefined {
  const segments = ctx.timeline.statusSegments;
  const solvedMs = currentSolveMs(ctx);
  const earlierSolves = segments.filter((segment) => (segment.status === 'solved' || segment.status === 'closed') && segment.toMs !== null);
  let startMs = ctx.timeline.createdMs;
  let startReason = 'ticket creation';
  const extraPauses: PauseInterval[] = [];
  const lastReopen = earlierSolves[earlierSolves.length - 1];
  if (ctx.version.reopen === 'restart' && lastReopen?.toMs != null) {
    startMs = lastReopen.toMs;
    startReason = 'the reopening';
  } else {
    for (const segment of earlierSolves) extraPauses.push({ fromMs: segment.fromMs, toMs: segment.toMs, reason: `${segment.status} (reopened later)` });
  }
  return buildClock(ctx, { metric: 'resolution', startMs, startReason, stopMs: solvedMs, extraPauses });
}
