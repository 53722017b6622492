/**
 * The order of a ticket's events. Helpdesks hand them over in pieces (messages, status history,
 * field changes) and the SLA engine reads them oldest first.
 */

/**
 * Compares events by the instant they happened, oldest first, for `Array.prototype.sort` (which is
 * stable, so events of the same instant keep the order they were listed in). Instants are compared as
 * times, not as text: helpdesks write them with offsets (`+01:00`) or fractions that do not sort as
 * strings.
 *
 * @example
 * [{ at: '2026-11-23T10:00:00+01:00' }, { at: '2026-11-23T09:30:00Z' }].sort(byTime)
 * // => [{ at: '2026-11-23T10:00:00+01:00' }, { at: '2026-11-23T09:30:00Z' }]
 */
export function byTime(a: { at: string }, b: { at: string }): number {
  return Date.parse(a.at) - Date.parse(b.at);
}
