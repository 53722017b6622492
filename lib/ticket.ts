import { z } from 'zod/mini';
import { parseOrThrow } from './schema-error.ts';

/** Every helpdesk SLA Lens reads; the id is also the adapter's file name in `lib/adapters/`. */
export const HELPDESK_IDS = ['zendesk', 'freshdesk', 'jira-service-management', 'zammad', 'znuny', 'request-tracker', 'generic'] as const;
export type HelpdeskId = (typeof HELPDESK_IDS)[number];

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_CHANNELS = ['email', 'web', 'portal', 'chat', 'phone', 'api', 'other'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const TICKET_EVENT_TYPES = ['customer_message', 'agent_reply', 'internal_note', 'status_change', 'priority_change'] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/** An ISO-8601 instant with an explicit offset or `Z` (never a bare local time). */
export const isoInstantSchema = z.iso.datetime({ offset: true, error: 'expected an ISO-8601 instant with offset, e.g. 2026-11-23T09:00:00Z' });

export const ticketEventSchema = z.strictObject({
  at: isoInstantSchema,
  type: z.enum(TICKET_EVENT_TYPES),
  /** The status after a `status_change`. */
  status: z.optional(z.enum(TICKET_STATUSES)),
  /** The helpdesk's own priority value after a `priority_change`. */
  priority: z.optional(z.string()),
  /** Who wrote or changed it (email or display name), when known. */
  author: z.optional(z.string()),
});
export type TicketEvent = z.infer<typeof ticketEventSchema>;

/**
 * The normalized ticket: the contract between helpdesk adapters and the SLA engine. Adapters
 * produce it from one helpdesk's JSON or markup; everything downstream reads only this.
 */
export const ticketSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  helpdesk: z.enum(HELPDESK_IDS),
  /** The ticket in the helpdesk (http or https only: it becomes a link). */
  url: z.optional(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' })),
  subject: z.string(),
  requester: z.strictObject({
    /** Lower-cased; may be empty when the helpdesk does not show it. */
    email: z.pipe(z.string(), z.transform((email) => email.trim().toLowerCase())),
    name: z.optional(z.string()),
  }),
  organization: z.optional(z.string()),
  tags: z.array(z.string()),
  /** The helpdesk's own priority value (mapped to a plan severity by the configuration). */
  priority: z.optional(z.string()),
  status: z.enum(TICKET_STATUSES),
  channel: z.optional(z.enum(TICKET_CHANNELS)),
  assignee: z.optional(z.string()),
  group: z.optional(z.string()),
  createdAt: isoInstantSchema,
  /** Last change as the helpdesk reports it (used as a cache key). */
  updatedAt: z.optional(isoInstantSchema),
  events: z.array(ticketEventSchema),
  /** False when the adapter could not see the whole history: clocks are then shown as estimates. */
  complete: z.boolean(),
  /** Custom fields by name, for customer matching and severity mapping. */
  fields: z.optional(z.record(z.string(), z.string())),
  /** Agent time recorded on the ticket; absent when the helpdesk records none. */
  timeSpentMinutes: z.optional(z.number().check(z.nonnegative())),
});
export type Ticket = z.output<typeof ticketSchema>;
export type TicketInput = z.input<typeof ticketSchema>;

/**
 * Validates a ticket produced by an adapter (or received in a message).
 *
 * @throws {SchemaError} naming each offending field.
 * @example
 * parseTicket({ id: '1', helpdesk: 'zendesk', subject: 'Hi', requester: { email: 'A@B.example' }, tags: [],
 *   status: 'new', createdAt: '2026-11-23T09:00:00Z', events: [], complete: true }).requester.email // => 'a@b.example'
 */
export function parseTicket(input: unknown): Ticket {
  return parseOrThrow(ticketSchema, input, 'ticket');
}
