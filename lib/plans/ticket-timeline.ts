import { parseIsoInstantMs } from '../sla/index.ts';
import type { Ticket, TicketStatus } from '../ticket.ts';

/** A stretch of time in one status; `toMs` null while it lasts. */
export interface StatusSegment {
  fromMs: number;
  toMs: number | null;
  status: TicketStatus;
}

/** Who wrote a public message. */
export type Speaker = 'customer' | 'agent';

/** A ticket's history as instants, built once per evaluation. */
export interface TicketTimeline {
  createdMs: number;
  /** Public messages in time order (internal notes never count as replies); `at` is the helpdesk's own timestamp. */
  messages: { atMs: number; at: string; speaker: Speaker }[];
  statusSegments: StatusSegment[];
  priorityChanges: { atMs: number; priority: string }[];
  /** True when the history is complete and consistent with the current status. */
  exact: boolean;
  notes: string[];
}

const isSolved = (status: TicketStatus) => status === 'solved' || status === 'closed';

/**
 * Turns a ticket's events up to `nowMs` into time-ordered messages, status segments and priority
 * changes. Events before creation are moved to creation; when the recorded status changes do not end in the
 * ticket's current status (history not fully visible), the current status is assumed from the last
 * update and the timeline is marked inexact.
 *
 * @example
 * buildTimeline(ticket, nowMs).statusSegments // => [{ fromMs, toMs, status: 'new' }, { fromMs, toMs: null, status: 'open' }]
 */
export function buildTimeline(ticket: Ticket, nowMs: number): TicketTimeline {
  const createdMs = parseIsoInstantMs(ticket.createdAt);
  const notes: string[] = [];
  let exact = ticket.complete;
  if (!ticket.complete) notes.push('The helpdesk did not show the whole history: clocks are estimates.');
  // Evaluating at an earlier "now" (the simulator, tests, reports) sees only what had happened by then.
  // Events and their instants in two parallel arrays: no wrapper object per event (this runs per ticket).
  const kept: Ticket['events'][number][] = [];
  const keptMs: number[] = [];
  let inOrder = true;
  for (let index = 0; index < ticket.events.length; index++) {
    const event = ticket.events[index] as Ticket['events'][number];
    const atMs = Math.max(parseIsoInstantMs(event.at), createdMs);
    if (atMs > nowMs) continue;
    if (keptMs.length > 0 && atMs < (keptMs[keptMs.length - 1] as number)) inOrder = false;
    kept.push(event);
    keptMs.push(atMs);
  }
  const seesPresent = kept.length === ticket.events.length;
  let events = kept;
  let eventMs = keptMs;
  // Adapters deliver events in order; sorting (stably, by time) is only needed when they did not.
  if (!inOrder) {
    const order = kept.map((_, k) => k).sort((a, b) => (keptMs[a] as number) - (keptMs[b] as number) || a - b);
    events = order.map((k) => kept[k] as Ticket['events'][number]);
    eventMs = order.map((k) => keptMs[k] as number);
  }

  // With recorded changes the ticket started as new; without any, it has always had its current status.
  const everChanged = ticket.events.some((event) => event.type === 'status_change' && event.status !== undefined);
  const messages: TicketTimeline['messages'] = [];
  const statusSegments: StatusSegment[] = [{ fromMs: createdMs, toMs: null, status: everChanged ? 'new' : ticket.status }];
  const priorityChanges: TicketTimeline['priorityChanges'] = [];
  for (let k = 0; k < events.length; k++) {
    const event = events[k] as Ticket['events'][number];
    const atMs = eventMs[k] as number;
    if (event.type === 'customer_message' || event.type === 'agent_reply') {
      const at = atMs === createdMs ? ticket.createdAt : event.at;
      messages.push({ atMs, at, speaker: event.type === 'customer_message' ? 'customer' : 'agent' });
    } else if (event.type === 'status_change' && event.status !== undefined) {
      const current = statusSegments[statusSegments.length - 1] as StatusSegment;
      const status = event.status;
      if (status === current.status) continue;
      if (atMs === current.fromMs) {
        current.status = status;
        continue;
      }
      current.toMs = atMs;
      statusSegments.push({ fromMs: atMs, toMs: null, status });
    } else if (event.type === 'priority_change' && event.priority !== undefined) {
      priorityChanges.push({ atMs, priority: event.priority });
    }
  }
  // A solved ticket without any recorded status change was open until it was solved, whenever that was.
  const solvedWithoutHistory = !everChanged && isSolved(ticket.status);
  if (solvedWithoutHistory) (statusSegments[0] as StatusSegment).status = 'open';
  const last = statusSegments[statusSegments.length - 1] as StatusSegment;
  if (seesPresent && last.status !== ticket.status) {
    // The visible history does not explain the current status: date the change at the last update we know of.
    const updatedMs = ticket.updatedAt === undefined ? createdMs : parseIsoInstantMs(ticket.updatedAt);
    // A loop, not Math.max(...spread): no array per ticket.
    let lastKnownMs = updatedMs;
    for (const atMs of eventMs) lastKnownMs = Math.max(lastKnownMs, atMs);
    if (lastKnownMs > last.fromMs) {
      last.toMs = lastKnownMs;
      statusSegments.push({ fromMs: lastKnownMs, toMs: null, status: ticket.status });
    } else {
      last.status = ticket.status;
    }
    exact = false;
    notes.push(`When the ticket became ${ticket.status.replace('_', ' ')} is not in its history: taken as its last update.`);
  }
  return { createdMs, messages, statusSegments, priorityChanges, exact, notes };
}
