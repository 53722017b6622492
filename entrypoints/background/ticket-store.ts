import type { DateTime } from 'luxon';
import { ticketEvaluationSchema, type Config, type TicketEvaluation } from '../../lib/plans/index.ts';
import {
  configStamp,
  staleKeys,
  withEvaluations,
  emptyEvaluationCache,
  type CachedEvaluation,
  type EvaluationCache,
} from '../../lib/registry/evaluation-cache.ts';
import { pruneRegistry, upsertTickets, type RegistryEntry, type SeenTicket, type TicketRegistry } from '../../lib/registry/ticket-registry.ts';
import type { Ticket } from '../../lib/ticket.ts';
import { loadConfig, type LoadedConfig } from '../../lib/storage/config-storage.ts';
import {
  evaluationCacheItem,
  readEvaluationCache,
  readTicketRegistry,
  ticketRegistryItem,
} from '../../lib/storage/ticket-registry-storage.ts';
import { createSerialQueue } from './serial.ts';

/** `evaluateTicket(ticket, config, now)` from lib/plans (passed in so tests can stand in for it). */
export type Evaluate = (ticket: Ticket, config: Config, now: DateTime) => TicketEvaluation;

/** The registry, its evaluations, and the configuration they were computed with. */
export interface TicketSnapshot {
  registry: TicketRegistry;
  cache: EvaluationCache;
  loaded: LoadedConfig;
}

/** The answer to tickets read on a page. */
export interface IngestResult {
  evaluations: TicketEvaluation[];
  configured: boolean;
}

/** The background's single owner of the ticket registry and its evaluations. */
export interface TicketStore {
  /** Records tickets read from a helpdesk and returns their fresh evaluations. */
  ingest(seen: readonly SeenTicket[]): Promise<IngestResult>;
  /**
   * Prunes, recomputes stale evaluations (new configuration, a clock's nextChangeAt passed) and those
   * of `alsoEvaluate` (a notification threshold may have been crossed), and returns the state.
   */
  maintain(alsoEvaluate?: ReadonlySet<string>): Promise<TicketSnapshot>;
  /** The stored entry of a ticket. */
  find(key: string): Promise<RegistryEntry | undefined>;
  /** The registry as it is (without maintenance). */
  registry(): Promise<TicketRegistry>;
}

/**
 * The ticket registry as the background keeps it: loaded from storage on first use in each worker
 * lifetime (the MV3 worker is stopped whenever idle), changed one task at a time, and written back
 * after every change, so nothing lives only in memory.
 */
export function createTicketStore(deps: { now: () => DateTime; evaluate: Evaluate }): TicketStore {
  const serially = createSerialQueue();
  let state: { registry: TicketRegistry; cache: EvaluationCache } | undefined;

  const load = async () => {
    if (!state) {
      const [registry, cache] = await Promise.all([readTicketRegistry(), readEvaluationCache()]);
      // A stored value that no longer validates is a cache lost, not an error to stop on: tickets come back as pages are opened.
      for (const problem of [registry.problem, cache.problem]) if (problem !== undefined) console.warn(`SLA Lens: ${problem}; starting afresh`);
      state = { registry: registry.value, cache: cache.value };
    }
    return state;
  };

  const save = async (registry: TicketRegistry, cache: EvaluationCache) => {
    state = { registry, cache };
    await Promise.all([ticketRegistryItem.setValue(registry), evaluationCacheItem.setValue(cache)]);
  };

  /** Evaluates `keys` afresh; a ticket the evaluator fails on is left unevaluated (and logged), not fatal to the rest. */
  const evaluateKeys = (registry: TicketRegistry, keys: readonly string[], config: Config, now: DateTime): Record<string, CachedEvaluation> => {
    const stamp = configStamp(config);
    const updates: Record<string, CachedEvaluation> = {};
    for (const key of keys) {
      const entry = registry.entries[key];
      if (!entry) continue;
      try {
        const evaluation = ticketEvaluationSchema.parse(deps.evaluate(entry.ticket, config, now));
        updates[key] = { revision: entry.revision, configStamp: stamp, evaluation };
      } catch (error) {
        console.warn(`SLA Lens: could not evaluate ticket ${entry.ticket.id} from ${entry.origin}`, error);
      }
    }
    return updates;
  };

  return {
    ingest: (seen) =>
      serially(async () => {
        const now = deps.now();
        const [current, loaded] = await Promise.all([load(), loadConfig()]);
        const { registry: upserted, keys } = upsertTickets(current.registry, seen, now);
        const { registry } = pruneRegistry(upserted, now);
        if (loaded.isEmpty) {
          await save(registry, emptyEvaluationCache());
          return { evaluations: [], configured: false };
        }
        // Every seen ticket is evaluated at this `now` (the page shows live clocks), with the stored
        // version of it: a complete history read earlier beats the summary a list page sends.
        const updates = evaluateKeys(registry, [...new Set(keys)], loaded.config, now);
        await save(registry, withEvaluations(current.cache, registry, updates));
        return { evaluations: Object.values(updates).map((cached) => cached.evaluation), configured: true };
      }),

    maintain: (alsoEvaluate = new Set()) =>
      serially(async () => {
        const now = deps.now();
        const [current, loaded] = await Promise.all([load(), loadConfig()]);
        const { registry, removed } = pruneRegistry(current.registry, now);
        if (loaded.isEmpty) {
          const cleared = Object.keys(current.cache.byKey).length > 0;
          if (removed.length > 0 || cleared) await save(registry, emptyEvaluationCache());
          return { registry, cache: emptyEvaluationCache(), loaded };
        }
        const stale = [...new Set([...staleKeys(registry, current.cache, configStamp(loaded.config), now), ...alsoEvaluate])];
        if (removed.length === 0 && stale.length === 0) return { ...current, loaded };
        const cache = withEvaluations(current.cache, registry, evaluateKeys(registry, stale, loaded.config, now));
        await save(registry, cache);
        return { registry, cache, loaded };
      }),

    find: (key) => serially(async () => (await load()).registry.entries[key]),

    registry: () => serially(async () => (await load()).registry),
  };
}
