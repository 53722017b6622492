/**
 * From Request Tracker's REST2 JSON (the schemas in ./request-tracker.ts) to the normalized {@link Ticket}:
 * RT's lifecycle statuses, its priority labels, transactions as events, and the channel a ticket came in by.
 */
import { parseTicket, type Ticket, type TicketChannel, type TicketEvent, type TicketStatus } from '../../ticket.ts';
import { byTime } from '../shared/event-order.ts';
import type * as rt from './request-tracker.ts';

/** RT's default lifecycle; 'stalled' waits on someone else, like on-hold. Custom statuses count as open. */
const STATUSES: Record<string, TicketStatus> = { new: 'new', open: 'open', stalled: 'on_hold', resolved: 'solved', rejected: 'closed', deleted: 'closed' };
/** RT stamps each message with `X-RT-Interface`: rt-mailgate says Email, the rt CLI talks REST 1.0. */
const CHANNELS: Record<string, TicketChannel> = { Email: 'email', Web: 'web', REST: 'api', REST2: 'api', CLI: 'api', API: 'api' };

/** Where RT is served (origin and `$WebPath`, e.g. `https://rt.example.com/rt`) and how it labels priorities. */
export interface RtSite {
  baseUrl: string;
  priorityAsString: rt.RtSiteOptions['priorityAsString'];
}

/**
 * RT's `_PriorityAsString`: the label with the highest number not above the priority (per queue, else `Default`).
 *
 * @example
 * priorityLabel(60, 'General', { Default: { Low: 0, Medium: 50, High: 100 } }) // => 'Medium'
 */
export function priorityLabel(priority: number, queue: string, config: RtSite['priorityAsString']): string {
  const labels = Object.entries((queue in config ? config[queue] : config['Default']) || {}).sort(([, a], [, b]) => b - a);
  return labels.find(([, value]) => priority >= value)?.[0] ?? String(priority);
}

/** RT's own SLA rule ("only requestors are outside actors"): whoever else writes on a ticket is staff. */
const isRequestor = (ticket: rt.RtTicket, user: rt.RtUser) => ticket.Requestor.some((requestor) => requestor.id === user.id);
// So a ticket staff opened on a requestor's behalf starts with a staff message, and RT starts no response clock either.
const messageType = (ticket: rt.RtTicket, user: rt.RtUser) => (isRequestor(ticket, user) ? 'customer_message' : 'agent_reply');
const authorOf = (user: rt.RtUser) => user.EmailAddress?.toLowerCase() || user.RealName || user.id;

/**
 * One history transaction as an event, or none (mail records, Due updates…).
 *
 * @example
 * toEvent({ id: '12', Type: 'Correspond', Created: '2026-11-22T04:40:57Z', Creator: agent }, ticket, site) // => { at: '2026-11-22T04:40:57Z', type: 'agent_reply', author: 'agent@example.com' }
 */
export function toEvent(txn: rt.RtTransaction, ticket: rt.RtTicket, site: RtSite): TicketEvent | [] {
  const base = { at: txn.Created, author: authorOf(txn.Creator) };
  if (txn.Type === 'Create' || txn.Type === 'Correspond') return { ...base, type: messageType(ticket, txn.Creator) };
  if (txn.Type === 'Comment') return { ...base, type: 'internal_note' };
  if (txn.Type === 'Status' || (txn.Type === 'Set' && txn.Field === 'Status')) return { ...base, type: 'status_change', status: STATUSES[txn.NewValue ?? ''] ?? 'open' };
  if (txn.Type !== 'Set' || txn.Field !== 'Priority' || !/^-?\d+$/.test(txn.NewValue ?? '')) return []; // mail records, Due updates…
  return { ...base, type: 'priority_change', priority: priorityLabel(Number(txn.NewValue), ticket.Queue.Name, site.priorityAsString) };
}

/**
 * Without the history: the creation, RT's `Told` (its last reply to the requestors) and the close.
 *
 * @example
 * derivedEvents(ticket).map((event) => event.type) // => ['customer_message', 'agent_reply', 'status_change']
 */
export function derivedEvents(ticket: rt.RtTicket): TicketEvent[] {
  const status = STATUSES[ticket.Status];
  const told: TicketEvent[] = ticket.Told ? [{ at: ticket.Told, type: 'agent_reply' }] : [];
  const closed: TicketEvent[] = ticket.Resolved && (status === 'solved' || status === 'closed') ? [{ at: ticket.Resolved, type: 'status_change', status }] : [];
  const created: TicketEvent = { at: ticket.Created, type: messageType(ticket, ticket.Creator), author: authorOf(ticket.Creator) };
  return [created, ...told, ...closed].sort(byTime);
}

/**
 * The channel named by the creation's `X-RT-Interface` header; a requestor on the web is using the self-service portal.
 *
 * @example
 * channelOf('X-RT-Interface: Email\nContent-Type: text/plain', ticket, requestor) // => 'email'
 */
export function channelOf(headers: string, ticket: rt.RtTicket, creator: rt.RtUser): TicketChannel | undefined {
  const name = /^X-RT-Interface:\s*(\S+)/im.exec(headers)?.[1];
  if (!name) return undefined;
  return name === 'Web' && isRequestor(ticket, creator) ? 'portal' : (CHANNELS[name] ?? 'other');
}

/** Zod keeps keys whose value is `undefined`; a normalized ticket leaves unknown fields out instead. */
const defined = (object: object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));

/**
 * The normalized ticket, with the events (and channel, when known) that were read or derived.
 *
 * @example
 * toTicket(ticket, { events: derivedEvents(ticket), complete: false }, site).priority // => 'Medium'
 */
export function toTicket(ticket: rt.RtTicket, more: Pick<Ticket, 'events' | 'complete'> & { channel?: TicketChannel }, site: RtSite): Ticket {
  const [requester] = ticket.Requestor;
  const fields = ticket.CustomFields.filter((cf) => cf.values.length > 0).map((cf): [string, string] => [cf.name, cf.values.join(', ')]);
  return parseTicket(defined({
    id: ticket.id,
    helpdesk: 'request-tracker',
    url: `${site.baseUrl}/Ticket/Display.html?id=${ticket.id}`,
    subject: ticket.Subject,
    requester: defined({ email: requester?.EmailAddress ?? '', name: requester?.RealName || undefined }),
    organization: requester?.Organization || undefined, // RT keeps it on the user
    tags: [],
    priority: priorityLabel(ticket.Priority, ticket.Queue.Name, site.priorityAsString),
    status: STATUSES[ticket.Status] ?? 'open',
    assignee: ticket.Owner.id === 'Nobody' ? undefined : ticket.Owner.Name || ticket.Owner.id, // "Nobody in particular"
    group: ticket.Queue.Name,
    createdAt: ticket.Created,
    updatedAt: ticket.LastUpdated,
    fields: fields.length > 0 ? Object.fromEntries(fields) : undefined,
    timeSpentMinutes: ticket.TimeWorked,
    ...more,
  }));
}
