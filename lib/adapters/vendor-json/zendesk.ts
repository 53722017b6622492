/**
 * The parts of Zendesk Support API v2 responses the adapter reads. Objects are loose: Zendesk adds
 * fields without notice, and only a change to a field we read should fail validation.
 * Reference: developer.zendesk.com/api-reference/ticketing/tickets/{tickets,ticket_audits}/,
 * …/reference-guides/ticket-audit-events-reference, …/reference-guides/via-object-reference.
 */
import { z } from 'zod/mini';
import { parseOrThrow } from '../../schema-error.ts';
import { isoInstantSchema, type TicketChannel } from '../../ticket.ts';
import type { HelpdeskSource } from '../types.ts';

const zendeskId = z.number().check(z.int());

/** Follow-up page links: offset pagination (`next_page`) or cursor pagination (`meta.has_more` + `links.next`). */
export const zendeskPageLinksSchema = z.looseObject({
  next_page: z.nullish(z.string()),
  meta: z.optional(z.looseObject({ has_more: z.boolean() })),
  links: z.optional(z.looseObject({ next: z.nullish(z.string()) })),
});
export type ZendeskPageLinks = z.infer<typeof zendeskPageLinksSchema>;

/**
 * Reads a list and its follow-up pages, validating each. A failed first page is an error (it is the
 * resource itself); a failed later page, or more than `maxPages`, only makes the result incomplete.
 *
 * @example
 * const { pages, complete } = await readZendeskPages(source, '/api/v2/views/42/tickets.json', zendeskViewTicketsPageSchema, 'view 42', 10);
 */
export async function readZendeskPages<P extends ZendeskPageLinks>(
  source: HelpdeskSource,
  path: string,
  schema: z.ZodMiniType<P>,
  what: string,
  maxPages: number,
): Promise<{ pages: P[]; complete: boolean }> {
  const pages: P[] = [];
  for (let next: string | null | undefined = path; next; ) {
    if (pages.length === maxPages) return { pages, complete: false };
    let json: unknown;
    try {
      json = await source.getJson(next);
    } catch (error) {
      if (pages.length === 0) throw error;
      return { pages, complete: false };
    }
    const page = parseOrThrow(schema, json, `${what} (page ${pages.length + 1})`);
    pages.push(page);
    const nextUrl = page.meta ? (page.meta.has_more ? page.links?.next : undefined) : page.next_page;
    next = nextUrl && new URL(nextUrl).pathname + new URL(nextUrl).search; // same origin: only the path is kept
  }
  return { pages, complete: true };
}

/** `role` is `end-user`, `agent` or `admin`; custom agent roles still report `agent`. */
export const zendeskUserSchema = z.looseObject({
  id: zendeskId,
  name: z.string(),
  email: z.nullish(z.string()),
  role: z.string(),
});
export type ZendeskUser = z.infer<typeof zendeskUserSchema>;

const namedSchema = z.looseObject({ id: zendeskId, name: z.string() });

/** Custom field values: text, number, checkbox, drop-down tag, multi-select tags, or empty. */
const customFieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

/** Zendesk's status categories, normalized (custom statuses report their category here too). */
export const zendeskStatusSchema = z.pipe(
  z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']),
  z.transform((status) => (status === 'hold' ? 'on_hold' : status)),
);

/** Via types (developer.zendesk.com/documentation/ticketing/reference-guides/via-types) by normalized channel. */
const channels = new Map<string, TicketChannel>([
  ['email', 'email'], ['mail', 'email'],
  ['web', 'web'], ['web_form', 'web'], ['web_widget', 'web'], ['dropbox', 'web'], ['help_center', 'portal'],
  ['api', 'api'], ['web_service', 'api'],
  ['chat', 'chat'], ['chat_transcript', 'chat'], ['native_messaging', 'chat'],
  ['voice', 'phone'], ['phone_call_inbound', 'phone'], ['phone_call_outbound', 'phone'], ['voicemail', 'phone'],
]);
/** `via.channel`, normalized: documented as a via type (`email`) or a via id (`4`); the REST API sends types. */
const zendeskChannelSchema = z.pipe(z.union([z.string(), z.number()]), z.transform((channel) => channels.get(String(channel)) ?? 'other'));

export const zendeskTicketSchema = z.looseObject({
  id: zendeskId,
  subject: z.nullable(z.string()),
  status: zendeskStatusSchema,
  /** `urgent`, `high`, `normal`, `low`, or null when unset. */
  priority: z.nullable(z.string()),
  requester_id: zendeskId,
  submitter_id: z.nullish(zendeskId),
  assignee_id: z.nullable(zendeskId),
  group_id: z.nullable(zendeskId),
  organization_id: z.nullable(zendeskId),
  created_at: isoInstantSchema,
  updated_at: isoInstantSchema,
  tags: z.array(z.string()),
  custom_fields: z.array(z.looseObject({ id: zendeskId, value: customFieldValueSchema })),
  via: z.optional(z.looseObject({ channel: zendeskChannelSchema })),
});
export type ZendeskTicket = z.output<typeof zendeskTicketSchema>;

/** Side-loads of `include=users,groups,organizations`; absent when there is nothing to side-load. */
const sideloads = {
  users: z._default(z.array(zendeskUserSchema), []),
  groups: z._default(z.array(namedSchema), []),
  organizations: z._default(z.array(namedSchema), []),
};
export type ZendeskSideloads = { [K in keyof typeof sideloads]: z.output<(typeof sideloads)[K]> };

/** `GET /api/v2/tickets/{id}.json?include=users,groups,organizations` */
export const zendeskTicketShowSchema = z.looseObject({ ticket: zendeskTicketSchema, ...sideloads });

/** `GET /api/v2/tickets/show_many.json?ids=…&include=users,groups,organizations` */
export const zendeskTicketShowManySchema = z.looseObject({ tickets: z.array(zendeskTicketSchema), ...sideloads });

/** Audit events that are messages; a voice comment is a call recording or voicemail on the ticket. */
export const ZENDESK_COMMENT_EVENT_TYPES: readonly string[] = ['Comment', 'VoiceComment'];
/** Audit events that set a field: `Create` on a new ticket, `Change` afterwards. */
export const ZENDESK_FIELD_EVENT_TYPES: readonly string[] = ['Create', 'Change'];

/**
 * One audit event. Zendesk documents ~35 event types and adds more, so the type is open; the fields
 * we read are required only on the event types that carry them.
 */
export const zendeskAuditEventSchema = z
  .looseObject({
    type: z.string(),
    public: z.optional(z.boolean()),
    author_id: z.optional(zendeskId),
    /** `status`, `priority`, … or a custom field id as a string. */
    field_name: z.optional(z.string()),
    value: z.optional(customFieldValueSchema),
  })
  .check(
    z.superRefine((event, context) => {
      if (ZENDESK_COMMENT_EVENT_TYPES.includes(event.type)) {
        if (event.public === undefined) context.addIssue({ code: 'custom', path: ['public'], message: `a ${event.type} must say if it is public` });
        if (event.author_id === undefined) context.addIssue({ code: 'custom', path: ['author_id'], message: `a ${event.type} must name its author` });
      }
      if (ZENDESK_FIELD_EVENT_TYPES.includes(event.type) && event.field_name === undefined) {
        context.addIssue({ code: 'custom', path: ['field_name'], message: `a ${event.type} event must name its field` });
      }
    }),
  );
export type ZendeskAuditEvent = z.infer<typeof zendeskAuditEventSchema>;

/** `GET /api/v2/tickets/{id}/audits.json?include=users` (oldest first, 100 per page). */
export const zendeskAuditPageSchema = z.extend(zendeskPageLinksSchema, {
  audits: z.array(
    z.looseObject({
      created_at: isoInstantSchema,
      /** `-1` for Zendesk itself (triggers, automations). */
      author_id: zendeskId,
      events: z.array(zendeskAuditEventSchema),
    }),
  ),
  users: z._default(z.array(zendeskUserSchema), []),
});
export type ZendeskAudit = z.output<typeof zendeskAuditPageSchema>['audits'][number];

/** `GET /api/v2/ticket_fields.json` */
export const zendeskTicketFieldPageSchema = z.extend(zendeskPageLinksSchema, {
  ticket_fields: z.array(
    z.looseObject({
      id: zendeskId,
      title: z.string(),
      /** Drop-down and multi-select choices: tickets hold the `value` (a tag); agents see the `name`. */
      custom_field_options: z.optional(z.array(z.looseObject({ name: z.string(), value: z.string() }))),
    }),
  ),
});

/** `GET /api/v2/views/{id}/tickets.json` (full tickets; only the ids are read). */
export const zendeskViewTicketsPageSchema = z.extend(zendeskPageLinksSchema, {
  tickets: z.array(z.looseObject({ id: zendeskId })),
});
