import { DateTime } from 'luxon';

/**
 * Epoch milliseconds of a stored ISO instant (stored instants always carry an offset or `Z`).
 *
 * @example
 * instantMs('2026-11-23T09:00:00+01:00') // => 1795420800000
 */
export function instantMs(iso: string): number {
  return DateTime.fromISO(iso, { setZone: true }).toMillis();
}

/**
 * The ISO form SLA Lens stores instants in: UTC with milliseconds and `Z`.
 *
 * @example
 * isoInstant(DateTime.fromISO('2026-11-23T09:00:00+01:00')) // => '2026-11-23T08:00:00.000Z'
 */
export function isoInstant(at: DateTime | number): string {
  return new Date(typeof at === 'number' ? at : at.toMillis()).toISOString();
}
