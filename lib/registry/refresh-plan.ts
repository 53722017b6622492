import { DateTime } from 'luxon';
import { z } from 'zod/mini';
import { HELPDESK_IDS, isoInstantSchema, type HelpdeskId } from '../ticket.ts';
import { instantMs, isoInstant } from './instants.ts';
import { pinKey, type QueuePin } from './queue-pins.ts';
import { isOpenStatus, type RegistryEntry, type TicketRegistry } from './ticket-registry.ts';

/** Why the background does not read a site. */
export const SKIP_REASONS = ['reads-only-from-page', 'no-permission', 'no-adapter', 'no-queue-support'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** The background's last attempts to read one helpdesk site. */
export const siteRefreshSchema = z.strictObject({
  helpdesk: z.enum(HELPDESK_IDS),
  lastAttemptAt: z.optional(isoInstantSchema),
  lastSuccessAt: z.optional(isoInstantSchema),
  /** Tickets read in the last successful run. */
  ticketsRead: z.optional(z.number().check(z.int(), z.nonnegative())),
  lastError: z.optional(z.string()),
  /** Consecutive failures; drives the backoff. */
  failures: z.number().check(z.int(), z.nonnegative()),
  /** No request to this site before then (rate limit or repeated failures). */
  backoffUntil: z.optional(isoInstantSchema),
  skipped: z.optional(z.enum(SKIP_REASONS)),
});
export type SiteRefresh = z.output<typeof siteRefreshSchema>;

/** The last read of one pinned queue. */
export const pinRefreshSchema = z.strictObject({
  lastReadAt: z.optional(isoInstantSchema),
  ticketCount: z.optional(z.number().check(z.int(), z.nonnegative())),
  lastError: z.optional(z.string()),
});
export type PinRefresh = z.output<typeof pinRefreshSchema>;

/** What the popup needs to say how fresh background data is and what could not be read. */
export const refreshStatusSchema = z.strictObject({
  lastRunAt: z.optional(isoInstantSchema),
  /** By origin. */
  sites: z.record(z.string(), siteRefreshSchema),
  /** By {@link pinKey}. */
  pins: z.record(z.string(), pinRefreshSchema),
});
export type RefreshStatus = z.output<typeof refreshStatusSchema>;

/**
 * A status with nothing refreshed yet.
 *
 * @example
 * emptyRefreshStatus().sites // => {}
 */
export function emptyRefreshStatus(): RefreshStatus {
  return { sites: {}, pins: {} };
}

/** One helpdesk site to re-read: its open tickets and its pinned queues. */
export interface RefreshTarget {
  helpdesk: HelpdeskId;
  origin: string;
  /** Open tickets, least recently read first. */
  ticketIds: string[];
  pins: QueuePin[];
}

/** The result of {@link planRefresh}. */
export interface RefreshPlan {
  targets: RefreshTarget[];
  /** Sites left alone this time because they are backing off. */
  waiting: { origin: string; until: string }[];
}

/** Tickets re-read per site and run: the least recently read go first, the rest on later runs. */
export const MAX_TICKETS_PER_SITE = 500;

/**
 * Which sites to read and what: every site with open tickets or pinned queues, except those backing off.
 *
 * @example
 * planRefresh(registry, pins, status, now).targets[0] // => { helpdesk: 'zendesk', origin: 'https://acme.zendesk.com', ticketIds: ['42'], pins: [] }
 */
export function planRefresh(
  registry: TicketRegistry,
  pins: readonly QueuePin[],
  status: RefreshStatus,
  now: DateTime,
  maxTicketsPerSite = MAX_TICKETS_PER_SITE,
): RefreshPlan {
  const bySite = new Map<string, { helpdesk: HelpdeskId; origin: string; entries: RegistryEntry[]; pins: QueuePin[] }>();
  const siteOf = (helpdesk: HelpdeskId, origin: string) => {
    const key = `${helpdesk}|${origin}`;
    let site = bySite.get(key);
    if (!site) {
      site = { helpdesk, origin, entries: [], pins: [] };
      bySite.set(key, site);
    }
    return site;
  };
  for (const entry of Object.values(registry.entries)) {
    if (isOpenStatus(entry.ticket.status)) siteOf(entry.ticket.helpdesk, entry.origin).entries.push(entry);
  }
  for (const pin of pins) siteOf(pin.helpdesk, pin.origin).pins.push(pin);

  const plan: RefreshPlan = { targets: [], waiting: [] };
  for (const site of bySite.values()) {
    const until = status.sites[site.origin]?.backoffUntil;
    if (until !== undefined && instantMs(until) > now.toMillis()) {
      plan.waiting.push({ origin: site.origin, until });
      continue;
    }
    const ticketIds = site.entries
      .sort((a, b) => instantMs(a.lastSeenAt) - instantMs(b.lastSeenAt))
      .slice(0, maxTicketsPerSite)
      .map((entry) => entry.ticket.id);
    plan.targets.push({ helpdesk: site.helpdesk, origin: site.origin, ticketIds, pins: site.pins });
  }
  return plan;
}

/**
 * Splits ids into batches of at most `size`.
 *
 * @example
 * batches(['1', '2', '3'], 2) // => [['1', '2'], ['3']]
 */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 3_600_000;
const RETRY_AFTER_MAX_MS = 86_400_000;

/**
 * How long to leave a site alone after `failures` consecutive failures: what its `Retry-After` asked
 * for (up to a day), else 1 min doubling up to 1 h.
 *
 * @example
 * backoffMs(1) // => 60000
 * backoffMs(3) // => 240000
 * backoffMs(1, 5000) // => 5000
 */
export function backoffMs(failures: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(retryAfterMs, 0), RETRY_AFTER_MAX_MS);
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(failures - 1, 0), BACKOFF_MAX_MS);
}

/**
 * A `Retry-After` header in milliseconds from `now`: delay-seconds or an HTTP date; undefined when
 * absent or unreadable.
 *
 * @example
 * parseRetryAfter('120', now) // => 120000
 * parseRetryAfter('Mon, 23 Nov 2026 09:01:00 GMT', DateTime.fromISO('2026-11-23T09:00:00Z')) // => 60000
 */
export function parseRetryAfter(header: string | null, now: DateTime): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  try {
    const at = DateTime.fromHTTP(text, { zone: 'utc' });
    return at.isValid ? Math.max(at.toMillis() - now.toMillis(), 0) : undefined;
  } catch {
    // Luxon throws instead of returning an invalid DateTime when Settings.throwOnInvalid is set.
    return undefined;
  }
}

function withSite(status: RefreshStatus, origin: string, helpdesk: HelpdeskId, change: (site: SiteRefresh) => SiteRefresh): RefreshStatus {
  const site = status.sites[origin] ?? { helpdesk, failures: 0 };
  return { ...status, sites: { ...status.sites, [origin]: change({ ...site, helpdesk }) } };
}

/**
 * Records a successful read of a site (clears its error and backoff). Does not mutate `status`.
 *
 * @example
 * recordSiteSuccess(status, 'https://acme.zendesk.com', 'zendesk', now, 12).sites['https://acme.zendesk.com']?.failures // => 0
 */
export function recordSiteSuccess(status: RefreshStatus, origin: string, helpdesk: HelpdeskId, now: DateTime, ticketsRead: number): RefreshStatus {
  const at = isoInstant(now);
  return withSite(status, origin, helpdesk, (site) => ({
    helpdesk: site.helpdesk,
    lastAttemptAt: at,
    lastSuccessAt: at,
    ticketsRead,
    failures: 0,
  }));
}

/**
 * Records a failed read and when to try again (see {@link backoffMs}). Does not mutate `status`.
 *
 * @example
 * recordSiteFailure(status, origin, 'zendesk', now, 'HTTP 429', 30000).sites[origin]?.backoffUntil // => now + 30 s
 */
export function recordSiteFailure(
  status: RefreshStatus,
  origin: string,
  helpdesk: HelpdeskId,
  now: DateTime,
  error: string,
  retryAfterMs?: number,
): RefreshStatus {
  return withSite(status, origin, helpdesk, (site) => {
    const failures = site.failures + 1;
    return {
      ...site,
      lastAttemptAt: isoInstant(now),
      lastError: error,
      failures,
      backoffUntil: isoInstant(now.toMillis() + backoffMs(failures, retryAfterMs)),
      skipped: undefined,
    };
  });
}

/**
 * Records that a site is not read from the background, and why. Does not mutate `status`.
 *
 * @example
 * recordSiteSkipped(status, origin, 'znuny', 'reads-only-from-page').sites[origin]?.skipped // => 'reads-only-from-page'
 */
export function recordSiteSkipped(status: RefreshStatus, origin: string, helpdesk: HelpdeskId, reason: SkipReason): RefreshStatus {
  return withSite(status, origin, helpdesk, (site) => ({ helpdesk: site.helpdesk, failures: 0, skipped: reason, lastSuccessAt: site.lastSuccessAt }));
}

/**
 * Records the outcome of reading a pinned queue. Does not mutate `status`.
 *
 * @example
 * recordPinRead(status, pin, now, { ticketCount: 40 }).pins[pinKey(pin)]?.ticketCount // => 40
 */
export function recordPinRead(status: RefreshStatus, pin: QueuePin, now: DateTime, outcome: { ticketCount: number } | { error: string }): RefreshStatus {
  const key = pinKey(pin);
  const previous = status.pins[key] ?? {};
  const next: PinRefresh =
    'error' in outcome
      ? { ...previous, lastError: outcome.error }
      : { lastReadAt: isoInstant(now), ticketCount: outcome.ticketCount };
  return { ...status, pins: { ...status.pins, [key]: next } };
}

/**
 * The status without sites and pins nothing refers to any more. Does not mutate `status`.
 *
 * @example
 * forgetUnused(status, new Set(['https://acme.zendesk.com']), new Set()).pins // => {}
 */
export function forgetUnused(status: RefreshStatus, origins: ReadonlySet<string>, pinKeys: ReadonlySet<string>): RefreshStatus {
  return {
    ...status,
    sites: Object.fromEntries(Object.entries(status.sites).filter(([origin]) => origins.has(origin))),
    pins: Object.fromEntries(Object.entries(status.pins).filter(([key]) => pinKeys.has(key))),
  };
}
