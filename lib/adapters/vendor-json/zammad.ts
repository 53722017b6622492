/**
 * The parts of Zammad's REST JSON the adapter reads. Loose objects: Zammad adds attributes between
 * versions and admins add their own ticket attributes, so only the fields named here may break a read.
 *
 * Sources: zammad-documentation `api/ticket/*.rst`, and Zammad's `TicketsController` (`#ticket_all`,
 * `#ticket_history`, `#search`), `TicketArticlesController#index_by_ticket`, `TicketOverviewsController`
 * and `History.list`.
 */
import { z } from 'zod/mini';
import { isoInstantSchema, type TicketChannel, type TicketStatus } from '../../ticket.ts';

// Zammad's built-in states; `pending close` auto-closes unless the customer replies, which is what "solved" means here.
const STATES: Record<string, TicketStatus> = {
  new: 'new', open: 'open', 'pending reminder': 'pending', 'pending close': 'solved', closed: 'closed', merged: 'closed', removed: 'closed',
};
// Article types (`Ticket::Article::Type` names) of the first article; messenger types count as chat.
const CHANNELS: Record<string, TicketChannel> = {
  email: 'email', web: 'web', phone: 'phone', chat: 'chat', sms: 'chat', 'telegram personal-message': 'chat',
  'whatsapp message': 'chat', 'twitter direct-message': 'chat', 'facebook feed message': 'chat',
};
// Core ticket attributes (ids, timestamps, SLA bookkeeping, association names); the rest are admin-defined attributes.
const CORE_ATTRIBUTES = new Set([
  'id', 'number', 'title', 'note', 'article_count', 'time_unit', 'pending_time', 'preferences', 'state', 'priority', 'group', 'owner',
  'customer', 'organization', 'created_by', 'updated_by', 'create_article_type', 'create_article_sender',
]);
const CORE_SUFFIX = /_(?:id|ids|at|in_min)$/;

/**
 * The normalized status of a Zammad state name; admin-defined states by their wording.
 *
 * @example
 * zammadStatus('pending reminder') // => 'pending'
 * zammadStatus('waiting for pending parts') // => 'pending'
 */
export function zammadStatus(state: string): TicketStatus {
  const name = state.trim().toLowerCase();
  return STATES[name] ?? (name.includes('pending') ? 'pending' : /clos|merg/.test(name) ? 'closed' : 'open');
}

/**
 * The channel of an article type name (`email`, `web`, `phone`, `note`, …).
 *
 * @example
 * zammadChannel('telegram personal-message') // => 'chat'
 */
export function zammadChannel(type: string): TicketChannel {
  return CHANNELS[type] ?? 'other';
}

/**
 * Admin-defined ticket attributes as text, by attribute name (Zammad sends them as extra ticket keys).
 *
 * @example
 * zammadCustomFields({ id: 7, group_id: 1, support_contract: 'SC-2025-118', vip: true }) // => { support_contract: 'SC-2025-118', vip: 'true' }
 */
export function zammadCustomFields(ticket: Record<string, unknown>): Record<string, string> {
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  return Object.fromEntries(
    Object.entries(ticket).flatMap(([name, value]) => {
      const shown = Array.isArray(value) ? value.map(text).filter(Boolean).join(', ') : text(value);
      return !CORE_ATTRIBUTES.has(name) && !CORE_SUFFIX.test(name) && shown ? [[name, shown]] : [];
    }),
  );
}

const id = z.number().check(z.int());
/** Zammad serializes decimals as strings ("15.0"). */
const decimal = z.union([z.number(), z.pipe(z.string().check(z.regex(/^-?\d+(?:\.\d+)?$/)), z.transform(Number))]);
const byId = <T extends z.ZodMiniType>(item: T) => z.record(z.string(), item);
const named = z.looseObject({ name: z.string() });

/** A ticket's own attributes (`attributes_with_association_ids`). `owner_id` 1 is Zammad's "nobody". */
export const zammadTicketSchema = z.looseObject({
  id,
  number: z.string(),
  title: z.string(),
  group_id: z.nullish(id),
  state_id: id,
  priority_id: id,
  organization_id: z.nullish(id),
  owner_id: z.nullish(id),
  customer_id: id,
  article_count: z.nullish(z.number().check(z.int())),
  /** Total accounted time, in the configured time unit. */
  time_unit: z.nullish(decimal),
  created_at: isoInstantSchema,
  updated_at: isoInstantSchema,
});

const userSchema = z.looseObject({
  login: z.nullish(z.string()),
  email: z.nullish(z.string()),
  firstname: z.nullish(z.string()),
  lastname: z.nullish(z.string()),
});
export type ZammadUser = z.output<typeof userSchema>;

/** `GET /api/v1/tickets/{id}?all=true`: the ticket plus everything it refers to, keyed by model and id. */
export const zammadTicketAllSchema = z.looseObject({
  ticket_id: id,
  tags: z.optional(z.array(z.string())),
  assets: z.looseObject({
    Ticket: byId(zammadTicketSchema),
    User: z.optional(byId(userSchema)),
    Organization: z.optional(byId(named)),
    Group: z.optional(byId(named)),
    TicketState: z.optional(byId(named)),
    TicketPriority: z.optional(byId(named)),
  }),
});

/** `GET /api/v1/ticket_articles/by_ticket/{id}?expand=true`: `sender` is Customer/Agent/System. */
export const zammadArticlesSchema = z.array(
  z.looseObject({
    id,
    sender: z.string(),
    type: z.string(),
    internal: z.boolean(),
    created_at: isoInstantSchema,
    created_by_id: z.nullish(id),
    created_by: z.nullish(z.string()),
  }),
);

/** `GET /api/v1/ticket_history/{id}`: `History.list` rows, oldest first. */
export const zammadHistorySchema = z.looseObject({
  history: z.array(
    z.looseObject({
      object: z.string(),
      type: z.string(),
      attribute: z.nullish(z.string()),
      value_to: z.nullish(z.string()),
      created_at: isoInstantSchema,
      created_by_id: z.nullish(id),
    }),
  ),
});

/** `GET /api/v1/tickets/{id}/time_accountings`: `time_unit` is a decimal, serialized as a string ("15.0"). */
export const zammadTimeAccountingsSchema = z.array(
  z.looseObject({ time_unit: decimal }),
);

/** `GET /api/v1/tickets/search?…&expand=true`: tickets with association names (logins for users). */
export const zammadSearchSchema = z.array(
  z.extend(zammadTicketSchema, {
    state: z.string(),
    priority: z.string(),
    group: z.nullish(z.string()),
    organization: z.nullish(z.string()),
    customer: z.nullish(z.string()),
    owner: z.nullish(z.string()),
    create_article_type: z.nullish(z.string()),
    create_article_sender: z.nullish(z.string()),
    first_response_at: z.nullish(isoInstantSchema),
    last_contact_agent_at: z.nullish(isoInstantSchema),
    last_contact_customer_at: z.nullish(isoInstantSchema),
  }),
);

/** `GET /api/v1/ticket_overviews?view={link}`: the overview's ticket ids in its order. */
export const zammadOverviewSchema = z.looseObject({
  index: z.looseObject({ tickets: z.array(z.looseObject({ id })) }),
});
