import type { DateTime } from 'luxon';
import type { HelpdeskAdapter } from '../../lib/adapters/types.ts';
import type { Site } from '../../lib/plans/index.ts';
import { pinKey } from '../../lib/registry/queue-pins.ts';
import {
  batches,
  forgetUnused,
  MAX_TICKETS_PER_SITE,
  planRefresh,
  recordPinRead,
  recordSiteFailure,
  recordSiteSkipped,
  recordSiteSuccess,
  type RefreshStatus,
  type RefreshTarget,
} from '../../lib/registry/refresh-plan.ts';
import { isoInstant } from '../../lib/registry/instants.ts';
import { ticketSchema, type Ticket } from '../../lib/ticket.ts';
import { loadConfig } from '../../lib/storage/config-storage.ts';
import { readQueuePins, readRefreshStatus, refreshStatusItem } from '../../lib/storage/queue-storage.ts';
import { createFetchSource, HelpdeskHttpError, type Fetch } from './helpdesk-source.ts';
import type { TicketStore } from './ticket-store.ts';

export interface RefreshDeps {
  store: TicketStore;
  now: () => DateTime;
  adapters: readonly HelpdeskAdapter[];
  fetch: Fetch;
  /** Has the agent granted (or the manifest declared) access to the origin? */
  hasHostPermission: (origin: string) => Promise<boolean>;
  /** Runs once tickets were recorded (re-evaluation, badge, notifications). */
  afterIngest: () => Promise<void>;
}

/** The answer to `refreshQueue`. */
export interface RefreshOutcome {
  refreshed: number;
  failed: string[];
}

/** Ticket ids per `readTickets` call: bounded requests, and progress is stored batch by batch. */
export const REFRESH_BATCH_SIZE = 50;

/**
 * Re-reads open tickets and pinned queues from each helpdesk's own JSON while no helpdesk tab needs
 * to be open. Only adapters that read without a page, only origins with host permission, at most
 * {@link MAX_TICKETS_PER_SITE} per site and run, in batches; a site that fails or rate-limits is left
 * alone for its `Retry-After` (else an exponential backoff). Concurrent calls share one run.
 */
export function createRefresher(deps: RefreshDeps): () => Promise<RefreshOutcome> {
  let inFlight: Promise<RefreshOutcome> | undefined;
  return () =>
    (inFlight ??= refreshAll(deps).finally(() => {
      inFlight = undefined;
    }));
}

async function refreshAll(deps: RefreshDeps): Promise<RefreshOutcome> {
  const [registry, pins, stored, loaded] = await Promise.all([deps.store.registry(), readQueuePins(), readRefreshStatus(), loadConfig()]);
  const plan = planRefresh(registry, pins.value, stored.value, deps.now());
  const outcome: RefreshOutcome = { refreshed: 0, failed: plan.waiting.map(({ origin, until }) => `${origin}: waiting until ${until} after errors`) };
  let status = stored.value;
  for (const target of plan.targets) {
    status = await refreshSite(deps, target, status, outcome, loaded.config.sites);
    // Stored after each site: the worker may be stopped before the whole run is done.
    await refreshStatusItem.setValue(status);
  }
  const origins = new Set([...Object.values(registry.entries).map((entry) => entry.origin), ...pins.value.map((pin) => pin.origin)]);
  status = { ...forgetUnused(status, origins, new Set(pins.value.map(pinKey))), lastRunAt: isoInstant(deps.now()) };
  await refreshStatusItem.setValue(status);
  if (outcome.refreshed > 0) await deps.afterIngest();
  return outcome;
}

const isRateLimit = (error: unknown) => error instanceof HelpdeskHttpError && (error.status === 429 || error.status === 503);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function refreshSite(deps: RefreshDeps, target: RefreshTarget, initial: RefreshStatus, outcome: RefreshOutcome, sites: readonly Site[]): Promise<RefreshStatus> {
  const { origin, helpdesk } = target;
  const adapter = deps.adapters.find((candidate) => candidate.id === helpdesk);
  if (!adapter) return recordSiteSkipped(initial, origin, helpdesk, 'no-adapter');
  if (!adapter.readsWithoutPage) return recordSiteSkipped(initial, origin, helpdesk, 'reads-only-from-page');
  if (!(await deps.hasHostPermission(origin))) {
    outcome.failed.push(`${origin}: SLA Lens may not read this site — grant it in Options → Helpdesks`);
    return recordSiteSkipped(initial, origin, helpdesk, 'no-permission');
  }
  const site = sites.find((candidate) => candidate.origin === origin);
  const source = createFetchSource(origin, deps.fetch, deps.now, site);
  let status = initial;
  try {
    const ids = new Set<string>();
    for (const pin of target.pins) {
      if (!adapter.listQueue) {
        status = recordPinRead(status, pin, deps.now(), { error: `${adapter.label} queues cannot be listed` });
        continue;
      }
      try {
        const queue = await adapter.listQueue(source, pin.queueId);
        status = recordPinRead(status, pin, deps.now(), { ticketCount: queue.length });
        for (const id of queue) ids.add(id);
      } catch (error) {
        // A rate limit stops the whole site; anything else (a deleted view) is this pin's problem only.
        if (isRateLimit(error)) throw error;
        status = recordPinRead(status, pin, deps.now(), { error: messageOf(error) });
        outcome.failed.push(`${pin.label} (${origin}): ${messageOf(error)}`);
      }
    }
    for (const id of target.ticketIds) ids.add(id);
    let read = 0;
    for (const batch of batches([...ids].slice(0, MAX_TICKETS_PER_SITE), REFRESH_BATCH_SIZE)) {
      const tickets = validTickets(await adapter.readTickets(source, batch), helpdesk);
      await deps.store.ingest(tickets.map((ticket) => ({ origin, ticket })));
      read += tickets.length;
    }
    outcome.refreshed += read;
    return recordSiteSuccess(status, origin, helpdesk, deps.now(), read);
  } catch (error) {
    outcome.failed.push(`${origin}: ${messageOf(error)}`);
    return recordSiteFailure(status, origin, helpdesk, deps.now(), messageOf(error), error instanceof HelpdeskHttpError ? error.retryAfterMs : undefined);
  }
}

/** Adapters validate what they return; this re-checks at the boundary and drops tickets of another helpdesk. */
function validTickets(tickets: readonly unknown[], helpdesk: Ticket['helpdesk']): Ticket[] {
  return tickets.flatMap((candidate) => {
    const parsed = ticketSchema.safeParse(candidate);
    return parsed.success && parsed.data.helpdesk === helpdesk ? [parsed.data] : [];
  });
}
