/**
 * Helpdesk endpoints that read many tickets in one request cap how many ids it may carry (Zendesk's
 * `show_many` takes 100; a JQL, TicketSQL or Zammad search query must stay a sane URL), so the ids of a
 * list page go out in request-sized batches.
 */

/**
 * `ids` cut into consecutive batches of at most `size`, in their order; no batch at all for no ids, so
 * callers send no request.
 *
 * @example
 * requestBatches(['1', '2', '3', '4', '5'], 2) // => [['1', '2'], ['3', '4'], ['5']]
 * requestBatches([], 100) // => []
 */
export function requestBatches<T>(ids: readonly T[], size: number): T[][] {
  // A size of 0 would loop forever or send everything at once: both are bugs in the caller.
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`A request batch holds at least one id, not ${size}`);
  return Array.from({ length: Math.ceil(ids.length / size) }, (_, index) => ids.slice(index * size, (index + 1) * size));
}
