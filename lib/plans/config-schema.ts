import { IANAZone } from 'luxon';
import { z } from 'zod';
import { calendarSpecSchema, holidaySpecSchema, intervalSchema, WEEKDAYS, type Weekday } from '../sla/index.ts';
import { HELPDESK_IDS, TICKET_CHANNELS, TICKET_STATUSES } from '../ticket.ts';
import { METRICS } from './metrics.ts';
import { siteSchema } from './site-schema.ts';

export { METRICS, type Metric } from './metrics.ts';
export { siteSchema, type Site } from './site-schema.ts';

/** The configuration format version this build writes (older versions are migrated on load). */
export const CONFIG_VERSION = 1;


const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected a lower-case id (letters, digits, - and _)');
const name = z.string().trim().min(1, 'must not be empty').max(200);
const isoDate = z.iso.date({ error: 'expected a date YYYY-MM-DD' });
const timezone = z.string().refine((zone) => IANAZone.isValidZone(zone), {
  error: (issue) => `unknown time zone ${JSON.stringify(issue.input)} (expected an IANA name such as "Europe/London")`,
});
const weeklySchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(intervalSchema).optional()])) as Record<Weekday, z.ZodOptional<z.ZodArray<typeof intervalSchema>>>,
);

/**
 * A calendar the plans can refer to: a fixed calendar (one zone, or a follow-the-sun union), or
 * business hours in the *customer's* time zone (and with the customer's holidays), resolved per
 * customer at evaluation time.
 */
export const calendarEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), name, spec: calendarSpecSchema }),
  z.strictObject({
    kind: z.literal('customer-hours'),
    name,
    weekly: weeklySchema,
    holidays: z.array(holidaySpecSchema).optional(),
    /** Used for customers that have no time zone configured. */
    fallbackTimezone: timezone,
  }),
]);
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

export const durationSchema = z.strictObject({
  amount: z.number().positive('must be greater than 0').max(1_000_000),
  unit: z.enum(['minutes', 'hours', 'business_days']),
});
export type TargetDuration = z.infer<typeof durationSchema>;

export const targetSchema = z.strictObject({
  severity: id,
  metric: z.enum(METRICS),
  /** first/next response, resolution: the time allowed; periodic update: the cadence; average response: the maximum mean. */
  duration: durationSchema,
  /** Id of the calendar the clock runs on (business time counts only inside it). */
  calendar: id,
  /** Non-binding targets are shown but never count as breaches or in compliance. */
  binding: z.boolean().default(true),
  warn: z
    .strictObject({
      percentElapsed: z.number().min(1).max(99).optional(),
      minutesLeft: z.number().positive().optional(),
    })
    .default({ percentElapsed: 75 }),
  start: z
    .strictObject({
      /** `next-window`: a request outside the service window starts the clock at the next window (OTRS). */
      rule: z.enum(['submission', 'next-window']),
      /** The service window (default: the target's calendar). */
      windowCalendar: id.optional(),
    })
    .default({ rule: 'submission' }),
  pause: z
    .strictObject({
      statuses: z.array(z.enum(TICKET_STATUSES)),
      /** Keep counting while paused if the customer spoke last (an agent cannot park a question unanswered). */
      unlessCustomerSpokeLast: z.boolean().default(false),
    })
    .default({ statuses: [], unlessCustomerSpokeLast: false }),
});
export type Target = z.infer<typeof targetSchema>;

export const severitySchema = z.strictObject({
  id,
  label: name,
  /** 1 = most severe. */
  rank: z.number().int().min(1).max(99),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #d73a49'),
});
export type Severity = z.infer<typeof severitySchema>;

export const creditRuleSchema = z.strictObject({
  /** `full-month`: a missed month credits the whole fee; `up-to-percent`: up to `percent` % at the vendor's discretion. */
  kind: z.enum(['full-month', 'up-to-percent']),
  percent: z.number().min(0).max(100).optional(),
  /** Days after the end of the month within which the customer must claim (absent: no claim needed). */
  claimWindowDays: z.number().int().positive().optional(),
  /** Months after which a granted credit expires. */
  expiryMonths: z.number().int().positive().optional(),
  /** The words of the contract, shown next to the estimate. */
  terms: z.string().max(2000).optional(),
});
export type CreditRule = z.infer<typeof creditRuleSchema>;

export const planVersionSchema = z.strictObject({
  /** The first version may omit it (in force since forever). */
  effectiveFrom: isoDate.optional(),
  severities: z.array(severitySchema).min(1, 'a plan needs at least one severity'),
  defaultSeverity: id,
  targets: z.array(targetSchema),
  /** What a change of severity does to a running clock. */
  severityChange: z.enum(['restart', 'retroactive', 'keep-elapsed']).default('keep-elapsed'),
  /** What reopening a solved ticket does to the resolution clock. */
  reopen: z.enum(['resume', 'restart']).default('resume'),
  eligibility: z
    .strictObject({
      /** Only tickets from these channels count (absent: all). */
      channels: z.array(z.enum(TICKET_CHANNELS)).optional(),
      /** At most this many named requesters (listed on the customer); others are flagged. */
      namedContacts: z.number().int().positive().optional(),
      /** The requester's email must be at one of the customer's email domains. */
      requireCustomerDomain: z.boolean().default(false),
    })
    .default({ requireCustomerDomain: false }),
  credit: creditRuleSchema.optional(),
  /** Agent time included per ticket (e.g. 4 h of Technical Guidance on Demand). */
  timeBudget: z
    .strictObject({ label: name, minutesPerTicket: z.number().positive(), warnAtPercent: z.number().min(1).max(100).default(80) })
    .optional(),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planSchema = z.strictObject({
  name,
  description: z.string().max(2000).optional(),
  /** Versions in order of `effectiveFrom`; a ticket uses the version in force when it was created. */
  versions: z.array(planVersionSchema).min(1, 'a plan needs at least one version'),
});
export type Plan = z.infer<typeof planSchema>;

/** Conditions that must all hold (at least one). */
export const matchRuleSchema = z
  .strictObject({
    /** The requester's email domain; subdomains match too (`example.com` matches `eu.example.com`). */
    emailDomain: z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'expected a domain like example.com').optional(),
    organization: z.string().trim().min(1).optional(),
    tag: z.string().trim().min(1).optional(),
    helpdesk: z.enum(HELPDESK_IDS).optional(),
    field: z.strictObject({ name: z.string().min(1), value: z.string() }).optional(),
  })
  .refine((rule) => Object.values(rule).some((value: unknown) => value !== undefined), 'a rule needs at least one condition');
export type MatchRule = z.infer<typeof matchRuleSchema>;

export const contractSchema = z.strictObject({
  plan: id,
  from: isoDate.optional(),
  /** Last day the contract applies (inclusive). */
  until: isoDate.optional(),
  monthlyFee: z.strictObject({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO currency code like USD') }).optional(),
});
export type Contract = z.infer<typeof contractSchema>;

export const customerSchema = z.strictObject({
  id,
  name,
  /** The customer's time zone, for calendars in "customer hours". */
  timezone: timezone.optional(),
  holidays: z.array(holidaySpecSchema).optional(),
  /** Any rule matching selects this customer (customers are tried in order; first match wins). */
  rules: z.array(matchRuleSchema).min(1, 'a customer needs at least one matching rule'),
  /** Plans over time; none in force means "no plan" (tickets are shown as not covered). */
  contracts: z.array(contractSchema),
  /** Named requesters (emails), when the plan limits who may open tickets. */
  namedContacts: z.array(z.string().trim().toLowerCase()).optional(),
});
export type Customer = z.infer<typeof customerSchema>;

export const severityMappingSchema = z.strictObject({
  helpdesk: z.enum(HELPDESK_IDS),
  /** Only for this plan (absent: any plan). */
  plan: id.optional(),
  /** Where the helpdesk keeps the severity. */
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('priority') }),
    z.strictObject({ kind: z.literal('field'), field: z.string().min(1) }),
    z.strictObject({ kind: z.literal('tag') }),
  ]),
  /** Helpdesk value (case-insensitive) → severity id. */
  values: z.record(z.string(), id),
});
export type SeverityMapping = z.infer<typeof severityMappingSchema>;


const configShape = z.strictObject({
  version: z.literal(CONFIG_VERSION),
  calendars: z.record(id, calendarEntrySchema),
  plans: z.record(id, planSchema),
  customers: z.array(customerSchema),
  severityMappings: z.array(severityMappingSchema),
  sites: z.array(siteSchema).default([]),
});

/** Cross-references: every id a config mentions must exist. */
export const configSchema = configShape.superRefine((config, ctx) => {
  const calendarIds = new Set(Object.keys(config.calendars));
  for (const [planId, plan] of Object.entries(config.plans)) {
    plan.versions.forEach((version, v) => {
      const severityIds = new Set(version.severities.map((severity) => severity.id));
      const at = ['plans', planId, 'versions', v];
      if (!severityIds.has(version.defaultSeverity)) {
        ctx.addIssue({ code: 'custom', path: [...at, 'defaultSeverity'], message: `unknown severity "${version.defaultSeverity}"` });
      }
      if (v > 0 && version.effectiveFrom === undefined) {
        ctx.addIssue({ code: 'custom', path: [...at, 'effectiveFrom'], message: 'every version after the first needs an effectiveFrom date' });
      }
      const previous = plan.versions[v - 1]?.effectiveFrom;
      if (previous !== undefined && version.effectiveFrom !== undefined && version.effectiveFrom <= previous) {
        ctx.addIssue({ code: 'custom', path: [...at, 'effectiveFrom'], message: `versions must be in date order (after ${previous})` });
      }
      version.targets.forEach((target, t) => {
        if (!severityIds.has(target.severity)) ctx.addIssue({ code: 'custom', path: [...at, 'targets', t, 'severity'], message: `unknown severity "${target.severity}"` });
        if (!calendarIds.has(target.calendar)) ctx.addIssue({ code: 'custom', path: [...at, 'targets', t, 'calendar'], message: `unknown calendar "${target.calendar}"` });
        const window = target.start.windowCalendar;
        if (window !== undefined && !calendarIds.has(window)) {
          ctx.addIssue({ code: 'custom', path: [...at, 'targets', t, 'start', 'windowCalendar'], message: `unknown calendar "${window}"` });
        }
        const twin = version.targets.findIndex((other) => other.severity === target.severity && other.metric === target.metric);
        if (twin !== t) ctx.addIssue({ code: 'custom', path: [...at, 'targets', t], message: `duplicate target for ${target.severity} / ${target.metric} (see targets[${twin}])` });
      });
    });
  }
  const customerIds = new Set<string>();
  config.customers.forEach((customer, c) => {
    if (customerIds.has(customer.id)) ctx.addIssue({ code: 'custom', path: ['customers', c, 'id'], message: `duplicate customer id "${customer.id}"` });
    customerIds.add(customer.id);
    customer.contracts.forEach((contract, k) => {
      if (!(contract.plan in config.plans)) ctx.addIssue({ code: 'custom', path: ['customers', c, 'contracts', k, 'plan'], message: `unknown plan "${contract.plan}"` });
      if (contract.from !== undefined && contract.until !== undefined && contract.until < contract.from) {
        ctx.addIssue({ code: 'custom', path: ['customers', c, 'contracts', k, 'until'], message: `"until" (${contract.until}) is before "from" (${contract.from})` });
      }
    });
  });
  config.severityMappings.forEach((mapping, m) => {
    if (mapping.plan !== undefined && !(mapping.plan in config.plans)) {
      ctx.addIssue({ code: 'custom', path: ['severityMappings', m, 'plan'], message: `unknown plan "${mapping.plan}"` });
    }
  });
});
export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
