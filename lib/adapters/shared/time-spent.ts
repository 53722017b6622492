/**
 * Agent time on a ticket (`Ticket.timeSpentMinutes`): helpdesks record it in seconds (Zendesk's Time
 * Tracking field, Jira worklogs), hours and minutes or their own units; the normalized ticket counts minutes.
 */

/**
 * Minutes for a number of seconds; `undefined` when there is no usable number (absent, not a number,
 * negative), so that "unknown" never reads as "no time spent".
 *
 * @example
 * minutesFromSeconds(5400) // => 90
 * minutesFromSeconds(Number.NaN) // => undefined
 */
export function minutesFromSeconds(seconds: number | undefined): number | undefined {
  return seconds !== undefined && seconds >= 0 ? seconds / 60 : undefined;
}
