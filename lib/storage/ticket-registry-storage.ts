import { storage } from 'wxt/utils/storage';
import { emptyEvaluationCache, evaluationCacheSchema, type EvaluationCache } from '../registry/evaluation-cache.ts';
import { emptyRegistry, ticketRegistrySchema, type TicketRegistry } from '../registry/ticket-registry.ts';
import { readStored, type Stored } from './stored-value.ts';

/**
 * Every ticket the extension has seen, in `storage.local` so it outlives the MV3 worker. Only the
 * background writes it. Version 1 is the first stored shape; a later shape adds `migrations[n]`
 * (version n-1 → n), and what is read is validated either way.
 */
export const ticketRegistryItem = storage.defineItem<TicketRegistry>('local:ticket-registry', {
  fallback: emptyRegistry(),
  version: 1,
  migrations: {},
});

/** The registry's tickets' clocks, by the same keys (recomputed by the background; see lib/registry/evaluation-cache.ts). */
export const evaluationCacheItem = storage.defineItem<EvaluationCache>('local:ticket-evaluations', {
  fallback: emptyEvaluationCache(),
  version: 1,
  migrations: {},
});

/**
 * The stored registry, validated.
 *
 * @example
 * const { value: registry } = await readTicketRegistry();
 */
export function readTicketRegistry(): Promise<Stored<TicketRegistry>> {
  return readStored(ticketRegistryItem, ticketRegistrySchema, 'stored tickets');
}

/**
 * The stored evaluations, validated.
 *
 * @example
 * const { value: cache } = await readEvaluationCache();
 */
export function readEvaluationCache(): Promise<Stored<EvaluationCache>> {
  return readStored(evaluationCacheItem, evaluationCacheSchema, 'stored evaluations');
}
