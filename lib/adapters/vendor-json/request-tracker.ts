/**
 * Zod schemas of the Request Tracker REST2 JSON the adapter reads (RT 5.0, `/REST/2.0/…`), checked against
 * real responses in `test/fixtures/request-tracker/rest2/`. Objects are not strict: RT adds `_url`, `type`
 * and `_hyperlinks` everywhere, and versions add fields.
 */
import { z } from 'zod/mini';

/** RT numbers arrive as strings (`"100"`), ids as numbers on some endpoints and strings on others. */
const integer = z.pipe(z.union([z.number().check(z.int()), z.string().check(z.regex(/^-?\d+$/, 'expected an integer'))]), z.transform(Number));
const id = z.pipe(z.union([z.number().check(z.int()), z.string().check(z.regex(/^\d+$/, 'expected a numeric id'))]), z.transform(String));

/** RT writes unset dates as the epoch, and `Told` as `null` on `/ticket/:id`: both mean "not set". */
const UNSET_DATE = '1970-01-01T00:00:00Z';
const rtDate = z.iso.datetime({ offset: true, error: 'expected an ISO-8601 date, e.g. 2026-11-22T04:40:57Z' });
const optionalDate = z.pipe(
  z.optional(z.nullable(rtDate)),
  z.transform((date) => (date == null || date === UNSET_DATE ? undefined : date)),
);
const requiredDate = rtDate.check(z.refine((date) => date !== UNSET_DATE, 'expected a date, got the unset date 1970-01-01'));

/** A user reference; `id` is the user's Name (for mailed-in users their address, in the case they wrote it). */
export const rtUserSchema = z.object({
  id: z.string().check(z.minLength(1)),
  Name: z.optional(z.string()),
  EmailAddress: z.optional(z.string()),
  RealName: z.optional(z.string()),
  Organization: z.optional(z.string()),
});
export type RtUser = z.output<typeof rtUserSchema>;

/** One item of `/tickets?query=…&fields=…` with the queue, owner and requestors expanded. */
export const rtTicketSchema = z.object({
  id,
  Subject: z.string(),
  Status: z.string().check(z.minLength(1)),
  Priority: integer,
  Queue: z.object({ id, Name: z.string().check(z.minLength(1)) }),
  Owner: rtUserSchema,
  Requestor: z.array(rtUserSchema),
  Creator: rtUserSchema,
  Created: requiredDate,
  LastUpdated: optionalDate,
  Told: optionalDate,
  Resolved: optionalDate,
  TimeWorked: integer,
  // An empty string, not a list, when the ticket's queue has no custom fields.
  CustomFields: z.pipe(
    z.optional(z.union([z.array(z.object({ name: z.string(), values: z.array(z.unknown()) })), z.literal('')])),
    z.transform((fields) => fields || []),
  ),
});
export type RtTicket = z.output<typeof rtTicketSchema>;

/** One item of `/ticket/:id/history?fields=Type,Field,OldValue,NewValue,Created,Creator`. */
export const rtTransactionSchema = z.object({
  id,
  Type: z.string().check(z.minLength(1)),
  Field: z.optional(z.nullable(z.string())),
  OldValue: z.optional(z.nullable(z.string())),
  NewValue: z.optional(z.nullable(z.string())),
  Created: requiredDate,
  Creator: rtUserSchema,
});
export type RtTransaction = z.output<typeof rtTransactionSchema>;

/** One item of `/transaction/:id/attachments?fields=Headers`: the raw MIME headers as one string. */
export const rtAttachmentSchema = z.object({ Headers: z.string() });

/**
 * A page of any REST2 collection. `pages` is `0.0` for an empty result and `null` when RT cannot count.
 *
 * @example
 * rtPageSchema(rtTransactionSchema).parse(await source.getJson('/rt/REST/2.0/ticket/1/history?fields=Type,Created,Creator')).items[0]?.Type // => 'Create'
 */
export function rtPageSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), page: z.number(), pages: z.optional(z.nullable(z.number())) });
}
/** A page of ids only (`fields=`). */
export const rtIdPageSchema = rtPageSchema(z.object({ id }));

/**
 * The adapter's site options (`SiteSettings.options`):
 * - `webPath`: RT's `$WebPath` (`''` for the root; `/rt` when unset), for the home page and for reading without a page;
 * - `priorityAsString`: shaped like RT's `%PriorityAsString` (queue name or `Default` → label → number, or `0` for
 *   plain numbers); defaults to RT's shipped Low/Medium/High = 0/50/100. REST2 (5.0.3) only gives the number.
 */
export const rtSiteOptionsSchema = z.prefault(
  z.object({
    webPath: z.optional(
      z.pipe(z.string().check(z.regex(/^(\/[^/]+)*\/?$/, 'expected a path such as /rt')), z.transform((path) => path.replace(/\/$/, ''))),
    ),
    priorityAsString: z._default(z.record(z.string(), z.union([z.record(z.string(), z.number()), z.literal(0)])), {
      Default: { Low: 0, Medium: 50, High: 100 },
    }),
  }),
  {},
);
export type RtSiteOptions = z.output<typeof rtSiteOptionsSchema>;
