import type { WxtStorageItem } from 'wxt/utils/storage';
import type { z } from 'zod';
import { parseOrThrow } from '../schema-error.ts';

/** A value read from storage and validated. */
export interface Stored<T> {
  value: T;
  /** Why the stored value could not be used (`value` is then the item's fallback). */
  problem?: string;
}

/**
 * Validates a stored value: storage is a boundary too (another version of the extension, or a bug,
 * may have written it). An invalid value yields the fallback and a problem naming the field, so the
 * UI can say what happened instead of crashing.
 *
 * @example
 * validateStored({ entries: 3 }, ticketRegistrySchema, emptyRegistry(), 'stored tickets').problem
 * // => 'Invalid stored tickets: entries: Invalid input: expected record, received number'
 */
export function validateStored<T>(raw: unknown, schema: z.core.$ZodType<T>, fallback: T, what: string): Stored<T> {
  try {
    return { value: parseOrThrow(schema, raw, what) };
  } catch (error) {
    return { value: fallback, problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Reads and validates a storage item (see {@link validateStored}).
 *
 * @example
 * const { value: registry, problem } = await readStored(ticketRegistryItem, ticketRegistrySchema, 'stored tickets');
 */
export async function readStored<T>(item: WxtStorageItem<T, Record<string, unknown>>, schema: z.core.$ZodType<T>, what: string): Promise<Stored<T>> {
  return validateStored(await item.getValue(), schema, item.fallback, what);
}

/**
 * Watches a storage item, validating each new value (see {@link validateStored}).
 *
 * @example
 * const unwatch = watchStored(queuePinsItem, queuePinsSchema, 'pinned queues', ({ value }) => setPins(value));
 */
export function watchStored<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
  schema: z.core.$ZodType<T>,
  what: string,
  onChange: (stored: Stored<T>) => void,
): () => void {
  return item.watch((raw) => onChange(validateStored(raw, schema, item.fallback, what)));
}
