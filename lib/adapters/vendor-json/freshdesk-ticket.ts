/**
 * From Freshdesk's JSON (the schemas in ./freshdesk.ts) to the normalized {@link Ticket}: statuses by
 * number, who wrote each conversation, the one status change the API reveals, and time entries in minutes.
 */
import { byTime } from '../shared/event-order.ts';
import { parseTicket, type Ticket, type TicketEvent, type TicketStatus } from '../../ticket.ts';
import * as api from './freshdesk.ts';

/** 6 and 7 are the custom statuses accounts start with, "Waiting on customer" and "Waiting on third party". */
const statuses = new Map<number, TicketStatus>([[2, 'open'], [3, 'pending'], [4, 'solved'], [5, 'closed'], [6, 'pending'], [7, 'on_hold']]);

/** What a ticket's ids and keys point at: the account's field labels, agents and groups, and its site options. */
export interface FreshdeskLookups {
  origin: string;
  /** `customStatuses`: what the account's custom statuses mean for the clocks, e.g. `{ "8": "pending" }`. */
  options: { customStatuses?: Record<string, TicketStatus> | undefined };
  labels: Map<string, string>;
  agents: Map<number, { name: string; email?: string | null | undefined }>;
  groups: Map<number, string>;
}

/** The conversations read, and whether they are all of them. */
export interface FreshdeskHistory {
  conversations: api.FreshdeskConversation[];
  complete: boolean;
}

/** The description (the first message), then every conversation; authors by email when the ticket names them. */
function messageEvents(ticket: api.FreshdeskTicket, conversations: api.FreshdeskConversation[], agentName?: string): TicketEvent[] {
  const requesterEmail = ticket.requester?.email?.toLowerCase();
  const outbound = ticket.source === api.FRESHDESK_OUTBOUND_EMAIL; // an agent wrote first
  const description: TicketEvent = outbound
    ? { at: ticket.created_at, type: 'agent_reply', author: agentName }
    : { at: ticket.created_at, type: 'customer_message', author: requesterEmail };
  return [description].concat(
    conversations.map(({ user_id: userId, incoming, created_at: at, ...conversation }): TicketEvent => {
      const byAssignee = userId !== null && userId === ticket.responder_id;
      // A cc'd contact is known by the address it wrote from; agents all write from the support address.
      const fromContact = incoming ? conversation.from_email?.toLowerCase() : undefined;
      const author = userId === ticket.requester_id ? requesterEmail : byAssignee ? agentName : fromContact;
      const toCustomer = !conversation.private && (incoming || conversation.source !== api.FRESHDESK_FORWARD);
      // Public notes count as responses, as Freshdesk counts them.
      return { at, type: !toCustomer ? 'internal_note' : incoming ? 'customer_message' : 'agent_reply', author };
    }),
  );
}

/**
 * The minutes of a ticket's time entries, each entry counted once; `undefined` when they could not be read.
 *
 * @example
 * timeSpentMinutes([{ id: 1, time_spent: 90 }, { id: 2, time_spent: 15 }]) // => 105
 * timeSpentMinutes(undefined) // => undefined
 */
export function timeSpentMinutes(entries: { id: number; time_spent: number }[] | undefined): number | undefined {
  const minutesById = new Map(entries?.map((entry) => [entry.id, entry.time_spent]));
  return entries && [...minutesById.values()].reduce((sum, minutes) => sum + minutes, 0);
}

/**
 * The normalized ticket from a ticket, the conversations read for it and, when known, the time spent.
 *
 * @example
 * toTicket(ticket, lookups, { conversations, complete: true }, 105).status // => 'pending'
 */
export function toTicket(ticket: api.FreshdeskTicket, lookups: FreshdeskLookups, history: FreshdeskHistory, timeSpentMinutes?: number): Ticket {
  // An unmapped custom status counts as on hold: custom statuses usually stop the SLA timer.
  const status = lookups.options.customStatuses?.[ticket.status] ?? statuses.get(ticket.status) ?? 'on_hold';
  const agent = ticket.responder_id === null ? undefined : lookups.agents.get(ticket.responder_id);
  const events = messageEvents(ticket, history.conversations, agent?.email?.toLowerCase() ?? agent?.name);
  // The API keeps no status history, only since when the current status holds: history is whole only if it never changed.
  const statusSince = ticket.stats?.status_updated_at;
  const statusUnchanged = ticket.stats !== undefined && (!statusSince || Date.parse(statusSince) <= Date.parse(ticket.created_at));
  if (statusSince && !statusUnchanged) events.push({ at: statusSince, type: 'status_change', status });
  const filled = Object.entries(ticket.custom_fields).filter(([, value]) => value !== null && value !== '');
  return parseTicket({
    id: String(ticket.id),
    helpdesk: 'freshdesk',
    url: `${lookups.origin}/a/tickets/${ticket.id}`,
    subject: ticket.subject ?? '',
    requester: { email: ticket.requester?.email ?? '', name: ticket.requester?.name ?? undefined },
    organization: ticket.company?.name,
    tags: ticket.tags,
    priority: ticket.priority,
    status,
    channel: api.freshdeskChannelOf(ticket.source),
    assignee: agent?.name,
    group: ticket.group_id === null ? undefined : lookups.groups.get(ticket.group_id),
    createdAt: ticket.created_at,
    updatedAt: ticket.updated_at,
    events: events.toSorted(byTime),
    complete: history.complete && statusUnchanged,
    fields: Object.fromEntries(filled.map(([name, value]) => [lookups.labels.get(name) ?? name, String(value)])),
    timeSpentMinutes,
  });
}
