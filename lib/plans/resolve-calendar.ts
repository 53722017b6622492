import { createCalendar, type BusinessCalendar } from '../sla/index.ts';
import type { Config, Customer } from './config-schema.ts';

/** Compiled calendars per configuration object (configs are immutable values; compiling is the costly part). */
const compiled = new WeakMap<Config, Map<string, Map<string, BusinessCalendar>>>();

/**
 * The business calendar a target runs on. A `customer-hours` calendar takes the customer's time zone
 * (or its fallback) and adds the customer's holidays to its own.
 *
 * @throws {Error} for an unknown calendar id (parseConfig rejects those, so only hand-built configs hit it).
 * @example
 * resolveCalendar(config, 'customer-hours', acme).timezone // => 'Europe/Berlin'
 */
export function resolveCalendar(config: Config, calendarId: string, customer: Customer | undefined): BusinessCalendar {
  const entry = config.calendars[calendarId];
  if (!entry) throw new Error(`unknown calendar "${calendarId}"`);
  let byCalendar = compiled.get(config);
  if (!byCalendar) {
    byCalendar = new Map();
    compiled.set(config, byCalendar);
  }
  let cache = byCalendar.get(calendarId);
  if (!cache) {
    cache = new Map();
    byCalendar.set(calendarId, cache);
  }
  // Fixed calendars are shared by every customer; customer hours differ per customer.
  const key = entry.kind === 'fixed' ? '' : (customer?.id ?? '');
  let calendar = cache.get(key);
  if (!calendar) {
    calendar =
      entry.kind === 'fixed'
        ? createCalendar(entry.spec)
        : createCalendar({
            timezone: customer?.timezone ?? entry.fallbackTimezone,
            weekly: entry.weekly,
            holidays: [...(entry.holidays ?? []), ...(customer?.holidays ?? [])],
          });
    cache.set(key, calendar);
  }
  return calendar;
}

/**
 * The zones a calendar's business hours are kept in, for explanations.
 *
 * @example
 * calendarZones(followTheSun) // => ['Australia/Brisbane', 'Europe/London', 'America/Los_Angeles']
 */
export function calendarZones(calendar: BusinessCalendar): string[] {
  let zones = zonesOf.get(calendar);
  if (!zones) {
    zones = [...new Set(calendar.members.map((member) => member.zone))];
    zonesOf.set(calendar, zones);
  }
  // A copy: every explanation gets its own array, as before.
  return zones.slice();
}

/** Each (immutable) calendar's zones, worked out once: every clock's explanation names them. */
const zonesOf = new WeakMap<BusinessCalendar, string[]>();
