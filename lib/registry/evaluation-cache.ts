import type { DateTime } from 'luxon';
import { z } from 'zod';
import type { Config } from '../plans/config-schema.ts';
import { ticketEvaluationSchema, type TicketEvaluation } from '../plans/evaluation-schema.ts';
import { instantMs } from './instants.ts';
import type { TicketRegistry } from './ticket-registry.ts';

/** One ticket's clocks, with what they were computed from. */
export const cachedEvaluationSchema = z.strictObject({
  /** The registry entry's revision the evaluation is of. */
  revision: z.number().int().nonnegative(),
  /** {@link configStamp} of the configuration it was computed with. */
  configStamp: z.string(),
  evaluation: ticketEvaluationSchema,
});
export type CachedEvaluation = z.output<typeof cachedEvaluationSchema>;

/** Evaluations by registry key, stored beside the ticket registry. */
export const evaluationCacheSchema = z.strictObject({ byKey: z.record(z.string(), cachedEvaluationSchema) });
export type EvaluationCache = z.output<typeof evaluationCacheSchema>;

/**
 * An empty cache.
 *
 * @example
 * emptyEvaluationCache().byKey // => {}
 */
export function emptyEvaluationCache(): EvaluationCache {
  return { byKey: {} };
}

/**
 * A short fingerprint of a configuration (32-bit FNV-1a of its JSON): cached evaluations made with
 * another configuration are stale. Computed here rather than kept as a counter, so a configuration
 * changed while the worker was stopped is noticed on its next start.
 *
 * @example
 * configStamp(emptyConfig()) === configStamp(emptyConfig()) // => true
 */
export function configStamp(config: Config): string {
  const json = JSON.stringify(config);
  let hash = 0x811c9dc5;
  for (let index = 0; index < json.length; index++) {
    hash ^= json.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Earliest `nextChangeAt` of an evaluation's clocks, in epoch ms (undefined when nothing changes on its own).
 *
 * @example
 * nextChangeMs(evaluation) // => 1795424400000
 */
export function nextChangeMs(evaluation: TicketEvaluation): number | undefined {
  let earliest: number | undefined;
  for (const clock of evaluation.clocks) {
    if (clock.nextChangeAt === null) continue;
    const at = instantMs(clock.nextChangeAt);
    if (earliest === undefined || at < earliest) earliest = at;
  }
  return earliest;
}

/**
 * Registry keys whose cached evaluation must be recomputed at `now`: none cached, cached for an older
 * version of the ticket or another configuration, or a clock whose `nextChangeAt` has passed.
 *
 * @example
 * staleKeys(registry, cache, configStamp(config), now) // => ['zendesk|https://acme.zendesk.com|42']
 */
export function staleKeys(registry: TicketRegistry, cache: EvaluationCache, stamp: string, now: DateTime): string[] {
  const nowMs = now.toMillis();
  return Object.entries(registry.entries)
    .filter(([key, entry]) => {
      const cached = cache.byKey[key];
      if (!cached || cached.revision !== entry.revision || cached.configStamp !== stamp) return true;
      const next = nextChangeMs(cached.evaluation);
      return next !== undefined && next <= nowMs;
    })
    .map(([key]) => key);
}

/**
 * The cache with `updates` applied and entries for tickets no longer in the registry dropped. Does
 * not mutate `cache`.
 *
 * @example
 * withEvaluations(cache, registry, { [key]: { revision: 0, configStamp: stamp, evaluation } }).byKey[key]?.evaluation === evaluation // => true
 */
export function withEvaluations(cache: EvaluationCache, registry: TicketRegistry, updates: Readonly<Record<string, CachedEvaluation>>): EvaluationCache {
  const byKey: Record<string, CachedEvaluation> = {};
  for (const key of Object.keys(registry.entries)) {
    const cached = updates[key] ?? cache.byKey[key];
    if (cached) byKey[key] = cached;
  }
  return { byKey };
}
