/**
 * The parts of Freshdesk API v2 responses the adapter reads. Objects are loose: Freshdesk adds fields
 * without notice, and only a change to a field we read should fail validation.
 * Reference: developers.freshdesk.com/api/ (#view_a_ticket, #list_all_ticket_notes, #ticket_fields,
 * #view_agent, #view_group, #list_all_ticket_timeentries).
 */
import { z } from 'zod/mini';
import { parseOrThrow } from '../../schema-error.ts';
import { isoInstantSchema, type TicketChannel } from '../../ticket.ts';
import type { HelpdeskSource } from '../types.ts';

const freshdeskId = z.number().check(z.int());

const channels = new Map<number, TicketChannel>([
  [1, 'email'], [2, 'portal'], [3, 'phone'], [4, 'portal'], [7, 'chat'], [9, 'web'], [10, 'email'], [12, 'chat'],
]);
/** Ticket `source` 10: an agent wrote first (an outbound email), so the description is not the customer's. */
export const FRESHDESK_OUTBOUND_EMAIL = 10;
/** Conversation `source` 8: a forward goes to a third party, not to the customer. */
export const FRESHDESK_FORWARD = 8;

/**
 * The normalized channel of a ticket `source`: 1 Email, 2 Portal, 3 Phone, 4 Forum, 5 Twitter,
 * 6 Facebook, 7 Chat, 8 Mobihelp, 9 Feedback widget, 10 Outbound email, 11 E-commerce, 12 Bot; newer
 * channels are `other`.
 *
 * @example
 * freshdeskChannelOf(9) // => 'web'
 */
export const freshdeskChannelOf = (source: number): TicketChannel => channels.get(source) ?? 'other';

/** 1 Low, 2 Medium, 3 High, 4 Urgent; kept as the helpdesk's own (lower-case) names. */
const priorityNames = new Map([[1, 'low'], [2, 'medium'], [3, 'high'], [4, 'urgent']]);
const freshdeskPrioritySchema = z.pipe(z.number().check(z.int()), z.transform((priority) => priorityNames.get(priority) ?? String(priority)));

/**
 * One conversation. `incoming` is true for what the customer side sent, `private` for notes only
 * agents see; `source` is 0 Reply, 2 Note, 5 Tweet, 6 Survey feedback, 7 Facebook, 8 Forwarded
 * email, 9 Phone, 10 Mobihelp, 11 E-commerce.
 */
export const freshdeskConversationSchema = z.looseObject({
  id: freshdeskId,
  incoming: z.boolean(),
  private: z.boolean(),
  source: z.number().check(z.int()),
  user_id: z.nullable(freshdeskId),
  from_email: z.nullish(z.string()),
  created_at: isoInstantSchema,
});
export type FreshdeskConversation = z.infer<typeof freshdeskConversationSchema>;

/** Custom field values: text, number, checkbox, drop-down, date, or empty. */
const customFieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const instantOrNull = z.nullish(isoInstantSchema);

/** `GET /api/v2/tickets/{id}?include=requester,company,stats,conversations` */
export const freshdeskTicketSchema = z.looseObject({
  id: freshdeskId,
  subject: z.nullable(z.string()),
  /** 2 Open, 3 Pending, 4 Resolved, 5 Closed; 6 and up are the account's custom statuses. */
  status: z.number().check(z.int()),
  priority: freshdeskPrioritySchema,
  source: z.number().check(z.int()),
  requester_id: freshdeskId,
  responder_id: z.nullable(freshdeskId),
  group_id: z.nullable(freshdeskId),
  created_at: isoInstantSchema,
  updated_at: isoInstantSchema,
  tags: z._default(z.array(z.string()), []),
  custom_fields: z._default(z.record(z.string(), customFieldValueSchema), {}),
  requester: z.optional(z.looseObject({ id: freshdeskId, name: z.nullish(z.string()), email: z.nullish(z.string()) })),
  company: z.nullish(z.looseObject({ id: freshdeskId, name: z.string() })),
  /** Only `resolved_at`, `closed_at` and `first_responded_at` are documented; `status_updated_at` is what accounts send too. */
  stats: z.optional(z.looseObject({ status_updated_at: instantOrNull, resolved_at: instantOrNull, closed_at: instantOrNull })),
  /** The first ten conversations, oldest first ("use List All Conversations of a Ticket for more"). */
  conversations: z.optional(z.array(freshdeskConversationSchema)),
});
export type FreshdeskTicket = z.output<typeof freshdeskTicketSchema>;

/** `GET /api/v2/ticket_fields`: custom fields are keyed by `name` (`cf_plan`) on tickets and titled by `label`. */
export const freshdeskTicketFieldsSchema = z.array(z.looseObject({ name: z.string(), label: z.string() }));

/** `GET /api/v2/agents/{id}` */
export const freshdeskAgentSchema = z.looseObject({ id: freshdeskId, contact: z.looseObject({ name: z.string(), email: z.nullish(z.string()) }) });

/** `GET /api/v2/groups/{id}` */
export const freshdeskGroupSchema = z.looseObject({ id: freshdeskId, name: z.string() });

/** `GET /api/v2/tickets/{id}/time_entries`: `time_spent` is "hh:mm" (a running timer counts what it has so far). */
export const freshdeskTimeEntriesSchema = z.array(
  z.looseObject({
    id: freshdeskId,
    time_spent: z.pipe(
      z.string().check(z.regex(/^\d+:[0-5]\d$/, 'expected "hh:mm"')),
      z.transform((hoursMinutes) => hoursMinutes.split(':').map(Number).reduce((hours, minutes) => hours * 60 + minutes)),
    ),
  }),
);

/**
 * Reads a list that pages with `page` and `per_page` (at most 100). The pagination `Link` header is
 * out of reach of `getJson`, so a short page marks the end. A failed page, or more than `maxPages`,
 * leaves the result incomplete.
 *
 * @example
 * await readFreshdeskPages(source, '/api/v2/tickets/1042/conversations', freshdeskConversationSchema, 'conversations', 10)
 * // => { items: [...], complete: true }
 */
export async function readFreshdeskPages<T>(
  source: HelpdeskSource,
  path: string,
  schema: z.ZodMiniType<T>,
  what: string,
  maxPages: number,
): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const json: unknown = await source.getJson(`${path}?per_page=100&page=${page}`).catch(() => undefined);
    if (json === undefined) return { items, complete: false };
    const pageItems = parseOrThrow(z.array(schema), json, `${what} (page ${page})`);
    items.push(...pageItems);
    if (pageItems.length < 100) return { items, complete: true };
  }
  return { items, complete: false };
}
