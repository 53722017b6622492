/**
 * Ticket, view and queue ids go into API paths, query languages and selectors: most helpdesks number
 * them, so anything but digits is refused before it gets there (`4821?include=…`, `../users`).
 */

/**
 * Is `id` all digits (at least one)?
 *
 * @example
 * isNumericId('4821') // => true
 * isNumericId('4821?include=users') // => false
 */
export function isNumericId(id: string): boolean {
  return /^\d+$/.test(id);
}

/**
 * `id` when it is all digits; otherwise an Error saying what kind of id `what` names.
 *
 * @example
 * requireNumericId('4821', 'Zendesk ticket') // => '4821'
 * requireNumericId('../users', 'Zendesk ticket') // throws Error('A Zendesk ticket id is a number, not "../users"')
 */
export function requireNumericId(id: string, what: string): string {
  if (!isNumericId(id)) throw new Error(`A ${what} id is a number, not "${id}"`);
  return id;
}
