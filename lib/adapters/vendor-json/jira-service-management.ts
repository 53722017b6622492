/**
 * The parts of Jira Service Management Cloud's JSON the adapter reads. Loose objects: Atlassian adds
 * fields all the time, and only the ones named here may break a read.
 *
 * Sources: the JSM Cloud REST reference (`/rest/servicedeskapi/request`, `…/comment`, `…/status`,
 * `…/servicedesk/{id}/queue/{id}/issue`) and the Jira platform v3 reference (`/rest/api/3/issue/{key}`,
 * `/rest/api/3/search/jql`, which replaced the removed `/rest/api/3/search`).
 */
import { z } from 'zod/mini';
import { isoInstantSchema, type TicketChannel, type TicketStatus } from '../../ticket.ts';

// Names first: categories are coarse ("Waiting for customer" and "In progress" are both INDETERMINATE).
const STATUS_NAMES: Record<string, TicketStatus> = {
  'waiting for customer': 'pending', 'awaiting customer': 'pending', pending: 'pending', 'on hold': 'on_hold',
  'waiting for approval': 'on_hold', 'waiting for vendor': 'on_hold', 'waiting for third party': 'on_hold', resolved: 'solved',
  done: 'solved', completed: 'solved', closed: 'closed', canceled: 'closed', cancelled: 'closed', declined: 'closed',
};
const STATUS_CATEGORIES: Record<string, TicketStatus> = { NEW: 'new', INDETERMINATE: 'open', DONE: 'solved' };
// `jira`: an agent raised it in Jira's own UI. The portal widget and the anonymous portal are portal requests.
const CHANNELS: Record<string, TicketChannel> = {
  email: 'email', portal: 'portal', anonymousportal: 'portal', widget: 'portal', jira: 'web', api: 'api', chat: 'chat', slack: 'chat',
};

/**
 * The normalized status of a JSM/Jira status: well-known names first, then the status category
 * (JSM's `NEW`/`INDETERMINATE`/`DONE`, or the platform's `new`/`indeterminate`/`done`).
 *
 * @example
 * jsmStatus('Waiting for customer', 'INDETERMINATE') // => 'pending'
 * jsmStatus('Triage', 'new') // => 'new'
 */
export function jsmStatus(name: string, category = ''): TicketStatus {
  return STATUS_NAMES[name.trim().toLowerCase()] ?? STATUS_CATEGORIES[category.toUpperCase()] ?? 'open';
}

/**
 * The channel of a `request.channel.type` issue property value (`undefined` when the property is absent).
 *
 * @example
 * jsmChannel('anonymousportal') // => 'portal'
 */
export function jsmChannel(value: string | undefined): TicketChannel | undefined {
  return value === undefined ? undefined : (CHANNELS[value] ?? 'other');
}

/**
 * A custom field value as text: options, users and organizations by name, lists joined with `, `;
 * SLA clocks and other objects without a name are skipped.
 *
 * @example
 * customFieldText([{ id: '3', name: 'Northwind Traders' }]) // => 'Northwind Traders'
 * customFieldText({ id: '10060', value: 'Gold' }) // => 'Gold'
 */
export function customFieldText(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(customFieldText).filter((part) => part !== undefined).join(', ') || undefined;
  // SLA fields (`sd-sla-field`) have a `name` too ("Time to first response"), but they are clocks, not values.
  if (typeof value !== 'object' || value === null || 'completedCycles' in value || 'ongoingCycle' in value) return undefined;
  const properties = new Map<string, unknown>(Object.entries(value));
  return ['value', 'name', 'displayName'].map((key) => properties.get(key)).find((text) => typeof text === 'string');
}

/**
 * A Jira platform timestamp. Jira writes the offset without a colon (`2026-11-24T06:40:00.000+1100`,
 * in the agent's own zone), which `isoInstantSchema` rejects, so it is normalized to a UTC instant.
 */
const jiraInstantSchema = z.pipe(
  z.string(),
  z.transform((value, payload) => {
    const withColon = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    if (isoInstantSchema.safeParse(withColon).success) return new Date(Date.parse(withColon)).toISOString();
    // zod/mini's transforms get the bare payload (no addIssue): the issue goes on its list directly.
    payload.issues.push({ code: 'custom', input: value, message: 'expected an ISO-8601 instant, e.g. 2026-11-23T09:00:00.000+0000' });
    return z.NEVER;
  }),
);

/** JSM's `DateDTO`; `epochMillis` is exact, whatever zone and locale `iso8601`/`friendly` were written in. */
const jsmDateSchema = z.pipe(
  z.looseObject({ epochMillis: z.number().check(z.int(), z.gte(0), z.lte(8.64e15)) }),
  z.transform((date) => new Date(date.epochMillis).toISOString()),
);

/** A user as both APIs return it. `emailAddress` is null when the user's privacy settings hide it. */
export const jiraUserSchema = z.looseObject({
  accountId: z.optional(z.string()),
  emailAddress: z.nullish(z.string()),
  displayName: z.optional(z.string()),
  /** Platform API only: `atlassian` (licensed user), `app` or `customer` (portal-only account). */
  accountType: z.optional(z.string()),
});
export type JiraUser = z.output<typeof jiraUserSchema>;

/** JSM's paged collections (`PagedDTO`): `start`/`limit` paging, `isLastPage` says whether more exist. */
function pagedSchema<T extends z.ZodMiniType>(item: T) {
  return z.looseObject({ isLastPage: z.optional(z.boolean()), values: z.array(item) });
}

const requestStatusSchema = z.looseObject({
  status: z.string(),
  /** `NEW`, `INDETERMINATE`, `DONE` or `UNDEFINED`. */
  statusCategory: z.optional(z.string()),
  statusDate: jsmDateSchema,
});

/** `GET /rest/servicedeskapi/request/{key}/status`: status history (Cloud lists the newest first). */
export const jsmStatusPageSchema = pagedSchema(requestStatusSchema);

/** `GET /rest/servicedeskapi/request/{key}?expand=participant,status,requestType,serviceDesk` */
export const jsmRequestSchema = z.looseObject({
  issueKey: z.string(),
  createdDate: jsmDateSchema,
  reporter: jiraUserSchema,
  currentStatus: requestStatusSchema,
  status: z.optional(jsmStatusPageSchema),
  participants: z.optional(pagedSchema(jiraUserSchema)),
  requestType: z.optional(z.looseObject({ name: z.string() })),
  serviceDesk: z.optional(z.looseObject({ projectName: z.optional(z.string()) })),
});

/** `GET /rest/servicedeskapi/request/{key}/comment`: `public: false` is an internal comment. */
export const jsmCommentPageSchema = pagedSchema(
  z.looseObject({ id: z.string(), public: z.boolean(), author: jiraUserSchema, created: jsmDateSchema }),
);

/** `GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/queue/{queueId}/issue` */
export const jsmQueuePageSchema = pagedSchema(z.looseObject({ key: z.string() }));

/** A changed field; `toText` is Jira's `toString` (the new value's display text, e.g. the priority name). */
const changelogItemSchema = z.pipe(
  // `toString` is read as unknown: when the key is missing, a JSON object still inherits Object.prototype.toString.
  z.looseObject({ field: z.string(), toString: z.unknown() }),
  z.transform((item) => ({ field: item.field, toText: typeof item.toString === 'string' ? item.toString : undefined })),
);

const issueFieldsSchema = z.looseObject({
  summary: z.string(),
  status: z.looseObject({ name: z.string(), statusCategory: z.optional(z.looseObject({ key: z.string() })) }),
  priority: z.nullish(z.looseObject({ name: z.string() })),
  labels: z.optional(z.array(z.string())),
  assignee: z.nullish(jiraUserSchema),
  reporter: z.nullish(jiraUserSchema),
  created: jiraInstantSchema,
  updated: z.optional(jiraInstantSchema),
  /** Present when time tracking is on; `timeSpentSeconds` is the sum of all worklogs. */
  timetracking: z.optional(z.looseObject({ timeSpentSeconds: z.optional(z.number().check(z.nonnegative())) })),
  worklog: z.optional(z.looseObject({ worklogs: z.array(z.looseObject({ timeSpentSeconds: z.number().check(z.nonnegative()) })) })),
});

/** Field id → display name (`expand=names`) and field id → type (`expand=schema`). */
const namesSchema = z.record(z.string(), z.string());
const fieldSchemasSchema = z.record(z.string(), z.looseObject({ custom: z.optional(z.string()) }));

/** `GET /rest/api/3/issue/{key}?fields=…&properties=request.channel.type&expand=names,schema,changelog` */
export const jiraIssueSchema = z.looseObject({
  key: z.string(),
  fields: issueFieldsSchema,
  names: z.optional(namesSchema),
  schema: z.optional(fieldSchemasSchema),
  /** JSM stores how the request came in as the issue property `request.channel.type`. */
  properties: z.optional(z.looseObject({ 'request.channel.type': z.optional(z.looseObject({ value: z.string() })) })),
  changelog: z.optional(
    z.looseObject({
      total: z.number().check(z.int()),
      histories: z.array(
        z.looseObject({ created: jiraInstantSchema, author: z.optional(jiraUserSchema), items: z.array(changelogItemSchema) }),
      ),
    }),
  ),
});
export type JiraIssue = z.output<typeof jiraIssueSchema>;

/** `GET /rest/api/3/search/jql?…&expand=names,schema`: `names` and `schema` come once, for all issues. */
export const jiraSearchSchema = z.looseObject({
  issues: z.array(jiraIssueSchema),
  names: z.optional(namesSchema),
  schema: z.optional(fieldSchemasSchema),
});
