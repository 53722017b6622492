import type { DateTime } from 'luxon';
import { z } from 'zod/mini';
import { isoInstantSchema, ticketSchema, type HelpdeskId, type Ticket, type TicketStatus } from '../ticket.ts';
import { instantMs, isoInstant } from './instants.ts';

/**
 * An origin such as `https://support.example.com`: scheme, host and port only. Tickets, pins and
 * diagnostics are keyed by it, and background reads never leave it.
 */
export const originSchema = z.url({ protocol: /^https?$/, error: 'expected an http(s) origin like https://support.example.com' }).check(
  // Zod runs refinements even after the URL check failed, so the refinement must not assume a URL.
  z.refine((url) => URL.canParse(url) && new URL(url).origin === url, 'expected an origin like https://support.example.com (no path, no trailing slash)'),
);

/** One ticket the extension has seen, with where and when. */
export const registryEntrySchema = z.strictObject({
  origin: originSchema,
  ticket: ticketSchema,
  firstSeenAt: isoInstantSchema,
  /** Last time any context read this ticket (even when the stored version was kept). */
  lastSeenAt: isoInstantSchema,
  /** Bumped whenever the stored ticket is replaced, so evaluations of an older version are recognisably stale. */
  revision: z.number().check(z.int(), z.nonnegative()),
});
export type RegistryEntry = z.output<typeof registryEntrySchema>;

/** Every known ticket by {@link registryKey}. */
export const ticketRegistrySchema = z.strictObject({ entries: z.record(z.string(), registryEntrySchema) });
export type TicketRegistry = z.output<typeof ticketRegistrySchema>;

/** A ticket as read from one helpdesk origin. */
export interface SeenTicket {
  origin: string;
  ticket: Ticket;
}

/** What identifies a ticket across helpdesks: the same id on two sites is two tickets. */
export interface TicketRef {
  helpdesk: HelpdeskId;
  origin: string;
  id: string;
}

/** How long tickets are kept (see {@link pruneRegistry}). */
export interface RetentionPolicy {
  /** Solved and closed tickets are dropped this many days after they were solved. */
  closedDays: number;
  /** Any ticket nobody has read for this many days is dropped (it may have been deleted or moved). */
  unseenDays: number;
  /** At most this many entries; closed ones go first, then the least recently seen. */
  maxEntries: number;
}

/**
 * Monthly reports and credit claims need last month's tickets until its claim window closes: a
 * ticket from the 1st is needed until the end of the next month plus 30 days, about 92 days later.
 * Sized for a team queue of a few thousand tickets (`unlimitedStorage`).
 */
export const DEFAULT_RETENTION: RetentionPolicy = { closedDays: 95, unseenDays: 95, maxEntries: 5000 };

const CLOSED_STATUSES: readonly TicketStatus[] = ['solved', 'closed'];

/**
 * Whether a ticket still needs work (anything but solved or closed).
 *
 * @example
 * isOpenStatus('pending') // => true
 * isOpenStatus('solved') // => false
 */
export function isOpenStatus(status: TicketStatus): boolean {
  return !CLOSED_STATUSES.includes(status);
}

/**
 * The registry key of a ticket. Neither a helpdesk id nor an origin can contain `|`, so the key is unique
 * whatever the ticket id contains.
 *
 * @example
 * registryKey({ helpdesk: 'zendesk', origin: 'https://acme.zendesk.com', id: '42' }) // => 'zendesk|https://acme.zendesk.com|42'
 */
export function registryKey(ref: TicketRef): string {
  return `${ref.helpdesk}|${ref.origin}|${ref.id}`;
}

function keyOf(seen: SeenTicket): string {
  return registryKey({ helpdesk: seen.ticket.helpdesk, origin: seen.origin, id: seen.ticket.id });
}

/**
 * An empty registry.
 *
 * @example
 * Object.keys(emptyRegistry().entries).length // => 0
 */
export function emptyRegistry(): TicketRegistry {
  return { entries: {} };
}

/**
 * Should `incoming` replace the stored `existing` version of the same ticket? A later `updatedAt`
 * always wins and an earlier one never does. At the same (or an unknown) `updatedAt` the newer read
 * wins, except that a more complete history is never replaced by a less complete one: a list page's
 * summary must not wipe the fuller history read on the ticket page (both may be marked incomplete,
 * e.g. Freshdesk, whose list reads carry only the first conversations).
 *
 * @example
 * supersedes({ ...ticket, updatedAt: '2026-11-23T10:00:00Z' }, { ...ticket, updatedAt: '2026-11-23T09:00:00Z' }) // => true
 * supersedes({ ...ticket, complete: false }, { ...ticket, complete: true }) // => false (same updatedAt)
 * supersedes({ ...ticket, complete: false, events: [] }, { ...ticket, complete: false, events: [reply] }) // => false
 */
export function supersedes(incoming: Ticket, existing: Ticket): boolean {
  if (incoming.updatedAt !== undefined && existing.updatedAt !== undefined) {
    const difference = instantMs(incoming.updatedAt) - instantMs(existing.updatedAt);
    if (difference !== 0) return difference > 0;
  }
  if (incoming.complete !== existing.complete) return incoming.complete;
  return incoming.complete || incoming.events.length >= existing.events.length;
}

/** The result of {@link upsertTickets}. */
export interface UpsertResult {
  registry: TicketRegistry;
  /** Keys whose stored ticket was added or replaced (their evaluations must be recomputed). */
  changed: string[];
  /** Keys of every seen ticket, in input order. */
  keys: string[];
}

/**
 * Records tickets read at `now`: adds new ones, replaces stored ones that `incoming` {@link supersedes},
 * and marks every seen ticket as seen. Does not mutate `registry`.
 *
 * @example
 * const { registry, changed } = upsertTickets(emptyRegistry(), [{ origin: 'https://acme.zendesk.com', ticket }], now);
 * changed // => ['zendesk|https://acme.zendesk.com|42']
 */
export function upsertTickets(registry: TicketRegistry, seen: readonly SeenTicket[], now: DateTime): UpsertResult {
  const at = isoInstant(now);
  const entries = { ...registry.entries };
  const changed = new Set<string>();
  const keys: string[] = [];
  for (const item of seen) {
    const key = keyOf(item);
    keys.push(key);
    const existing = entries[key];
    if (!existing) {
      entries[key] = { origin: item.origin, ticket: item.ticket, firstSeenAt: at, lastSeenAt: at, revision: 0 };
      changed.add(key);
    } else if (supersedes(item.ticket, existing.ticket)) {
      entries[key] = { ...existing, ticket: item.ticket, lastSeenAt: at, revision: existing.revision + 1 };
      changed.add(key);
    } else {
      entries[key] = { ...existing, lastSeenAt: at };
    }
  }
  return { registry: { entries }, changed: [...changed], keys };
}

/**
 * When a solved or closed ticket was solved: its last status change to that status, else its last
 * update, else when it was last seen.
 */
function closedAtMs(entry: RegistryEntry): number {
  const { ticket } = entry;
  const closing = ticket.events.filter((event) => event.type === 'status_change' && event.status !== undefined && !isOpenStatus(event.status));
  const last = closing.at(-1);
  return instantMs(last?.at ?? ticket.updatedAt ?? entry.lastSeenAt);
}

/** The result of {@link pruneRegistry}. */
export interface PruneResult {
  registry: TicketRegistry;
  removed: string[];
}

/**
 * Drops solved/closed tickets `closedDays` after they were solved, any ticket unseen for `unseenDays`,
 * and then the excess over `maxEntries` (closed tickets first, then the least recently seen). Does not
 * mutate `registry`.
 *
 * @example
 * pruneRegistry(registry, now, { closedDays: 7, unseenDays: 30, maxEntries: 3000 }).removed // => ['zendesk|https://acme.zendesk.com|7']
 */
export function pruneRegistry(registry: TicketRegistry, now: DateTime, policy: RetentionPolicy = DEFAULT_RETENTION): PruneResult {
  const nowMs = now.toMillis();
  const closedCutoff = nowMs - policy.closedDays * 86_400_000;
  const unseenCutoff = nowMs - policy.unseenDays * 86_400_000;
  const removed: string[] = [];
  const kept: [string, RegistryEntry][] = [];
  for (const [key, entry] of Object.entries(registry.entries)) {
    const expired =
      instantMs(entry.lastSeenAt) < unseenCutoff || (!isOpenStatus(entry.ticket.status) && closedAtMs(entry) < closedCutoff);
    if (expired) removed.push(key);
    else kept.push([key, entry]);
  }
  if (kept.length > policy.maxEntries) {
    // Open before closed, then most recently seen first; whatever falls past the cap goes.
    kept.sort(([, a], [, b]) => {
      const openness = Number(isOpenStatus(b.ticket.status)) - Number(isOpenStatus(a.ticket.status));
      return openness !== 0 ? openness : instantMs(b.lastSeenAt) - instantMs(a.lastSeenAt);
    });
    removed.push(...kept.splice(policy.maxEntries).map(([key]) => key));
  }
  return { registry: { entries: Object.fromEntries(kept) }, removed };
}

/**
 * Where to open a ticket: its own URL when that is on the helpdesk's origin, else the helpdesk
 * itself. Never anything else (a `javascript:` or foreign URL from a page is not followed).
 *
 * @example
 * ticketLink({ origin: 'https://acme.zendesk.com', ticket: { ...ticket, url: 'https://acme.zendesk.com/agent/tickets/42' } }) // => 'https://acme.zendesk.com/agent/tickets/42'
 * ticketLink({ origin: 'https://acme.zendesk.com', ticket: { ...ticket, url: 'javascript:alert(1)' } }) // => 'https://acme.zendesk.com'
 */
export function ticketLink(entry: Pick<RegistryEntry, 'origin' | 'ticket'>): string {
  const { url } = entry.ticket;
  if (url !== undefined && URL.canParse(url) && new URL(url).origin === entry.origin) return url;
  return entry.origin;
}
