import { z } from 'zod/mini';
import { parseOrThrow } from '../schema-error.ts';
import { TICKET_STATUSES, type TicketStatus } from '../ticket.ts';
import { isValidTimeZone } from '../format/wall-clock.ts';
import { dateFormatProblem } from './local-time.ts';

/**
 * Settings of the generic adapter, typed by an admin in the options page for a helpdesk SLA Lens has no
 * adapter for. Everything a page could trip over (a regex, a selector, a zone) is checked here, so a typo
 * is reported next to the field instead of being thrown later inside the helpdesk page.
 */

/** A regular expression source; with `groups`, it must have exactly that many capture groups (the ticket id). */
function regexSchema(groups?: number) {
  return z.string().check(
    z.superRefine((source, ctx) => {
      try {
        // `x|` always matches the empty string, so the match array has one slot per capture group.
        const found = (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;
        if (groups !== undefined && found !== groups) ctx.addIssue({ code: 'custom', message: `expected ${groups} capture group, found ${found}` });
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${error instanceof Error ? error.message : String(error)}` });
      }
    }),
  );
}

/** Validated by the DOM's own parser; where there is no DOM (background worker) the page checks it again. */
const selectorSchema = z.string().check(
  z.superRefine((selector, ctx) => {
    if (typeof document === 'undefined') return;
    try {
      document.createDocumentFragment().querySelector(selector);
    } catch {
      ctx.addIssue({ code: 'custom', message: `invalid CSS selector "${selector}"` });
    }
  }),
);
/** Alternatives tried in order, as everywhere in SLA Lens (lib/dom/select-first.ts). */
const selectorsSchema = z.array(selectorSchema).check(z.minLength(1));

export const timezoneSchema = z.string().check(
  z.refine(isValidTimeZone, {
    error: 'expected an IANA time zone, e.g. Europe/Berlin',
  }),
);
/**
 * Formats in Luxon's tokens (y, M/L, d, H/h, a, m, s, S, E/c and quoted text; see local-time.ts), tried in order
 * after ISO-8601 and SQL (`2026-11-23 09:15:00`). Each must name the year: lib/ reads no clock to fill it in.
 */
export const dateFormatsSchema = z.array(
  z.string().check(
    z.superRefine((format, ctx) => {
      const problem = dateFormatProblem(format);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  ),
);
/** Language of month and weekday names in the shown dates; never the browser's, which differs per agent. */
export const dateLocaleSchema = z._default(z.string().check(z.minLength(1)), 'en-US');

const fieldSelectorsSchema = z.strictObject({
  subject: selectorsSchema,
  status: selectorsSchema,
  createdAt: selectorsSchema,
  requesterEmail: z.optional(selectorsSchema),
  requesterName: z.optional(selectorsSchema),
  organization: z.optional(selectorsSchema),
  priority: z.optional(selectorsSchema),
  tags: z.optional(selectorsSchema),
  assignee: z.optional(selectorsSchema),
  group: z.optional(selectorsSchema),
  channel: z.optional(selectorsSchema),
});

/** Classifies an event: it matches (or contains) one of `selector`, or its text matches `text`. */
const eventMatcherSchema = z
  .strictObject({ selector: z.optional(selectorsSchema), text: z.optional(regexSchema()) })
  .check(z.refine((matcher) => matcher.selector ?? matcher.text, { error: 'expected a selector or a text pattern' }));

export const genericSiteOptionsSchema = z.strictObject({
  /** Matched against the URL's pathname + search + hash; the capture group is the ticket id. */
  ticketUrlPattern: regexSchema(1),
  listUrlPattern: z.optional(regexSchema()),
  timezone: timezoneSchema,
  dateFormats: z._default(dateFormatsSchema, []),
  locale: dateLocaleSchema,
  fields: fieldSelectorsSchema,
  /** Page status text (any case) → normalized status; merged over {@link DEFAULT_STATUS_MAP}. */
  statusMap: z._default(z.record(z.string(), z.enum(TICKET_STATUSES)), {}),
  /** Where the ticket strip goes; defaults to the subject element. */
  ticketAnchor: z.optional(selectorsSchema),
  events: z.optional(
    z.strictObject({
      item: selectorsSchema,
      /** Inside an item; its `datetime` attribute, text or `title` attribute is the time. */
      time: selectorsSchema,
      author: z.optional(selectorsSchema),
      internal: z.optional(eventMatcherSchema),
      customer: z.optional(eventMatcherSchema),
      /** When set, items matching none of the three are skipped; otherwise they are agent replies. */
      agent: z.optional(eventMatcherSchema),
    }),
  ),
  list: z.optional(
    z.strictObject({
      row: selectorsSchema,
      /** Attribute of the row holding the ticket id. Otherwise the id comes from the row's link. */
      idAttribute: z.optional(z.string().check(z.minLength(1))),
      link: z._default(selectorsSchema, ['a[href]']),
      /** Applied to the link's href; defaults to `ticketUrlPattern` on the resolved link URL. */
      hrefPattern: z.optional(regexSchema(1)),
      /** Field selectors inside a row, for `readTickets` (subject, status and createdAt are needed). */
      fields: z.optional(z.partial(fieldSelectorsSchema)),
    }),
  ),
});
export type GenericSiteOptions = z.output<typeof genericSiteOptionsSchema>;
export type GenericSiteOptionsInput = z.input<typeof genericSiteOptionsSchema>;
export type GenericFieldSelectors = z.output<typeof fieldSelectorsSchema>;

/** Common English status words; lower-case keys. */
export const DEFAULT_STATUS_MAP: Readonly<Record<string, TicketStatus>> = {
  new: 'new',
  open: 'open',
  'in progress': 'open',
  reopened: 'open',
  pending: 'pending',
  waiting: 'pending',
  'waiting on customer': 'pending',
  'awaiting customer': 'pending',
  'on hold': 'on_hold',
  hold: 'on_hold',
  solved: 'solved',
  resolved: 'solved',
  closed: 'closed',
  done: 'closed',
};

/**
 * Validates the generic adapter's `site.options`.
 *
 * @throws {SchemaError} naming each offending field, e.g. `fields.subject[0]: invalid CSS selector "h1["`.
 * @example
 * parseGenericSiteOptions({ ticketUrlPattern: '^/tickets/(\\d+)', timezone: 'Europe/Berlin',
 *   fields: { subject: ['h1'], status: ['.status'], createdAt: ['time.created'] } }).dateFormats // => []
 */
export function parseGenericSiteOptions(options: unknown): GenericSiteOptions {
  return parseOrThrow(genericSiteOptionsSchema, options, 'generic helpdesk settings');
}
