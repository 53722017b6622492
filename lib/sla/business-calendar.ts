import { parseOrThrow } from '../schema-error.ts';
import { calendarSpecSchema, type CalendarSpec, type ZonedCalendarSpec } from './calendar-spec.ts';
import { ZonedSchedule } from './zoned-schedule.ts';

/**
 * A compiled calendar: one regional schedule, or several (follow-the-sun) whose business time is
 * the union of theirs. Built by {@link createCalendar}; query it with the functions of `lib/sla`.
 */
export interface BusinessCalendar {
  /** The validated specification this calendar was compiled from. */
  readonly spec: CalendarSpec;
  /** The zone in which business days are counted (a union's `timezone`, or its first member's). */
  readonly timezone: string;
  /** Regional schedules; a moment is business time if any of them says so. */
  readonly members: readonly ZonedSchedule[];
}

function flatten(spec: CalendarSpec): ZonedCalendarSpec[] {
  return 'union' in spec ? spec.union.flatMap(flatten) : [spec];
}

function dayZone(spec: CalendarSpec): string {
  if ('union' in spec) return spec.timezone ?? dayZone(spec.union[0] as CalendarSpec);
  return spec.timezone;
}

/**
 * Validates a calendar specification and compiles it (weekly ranges in ms of the week; holidays and
 * the zone's offset transitions are expanded lazily, a few years at a time).
 *
 * @throws {SchemaError} naming the offending field (unknown zone, `"25:00"`, holiday `from` after `to`…).
 * @example
 * const cal = createCalendar({ timezone: 'America/New_York', weekly: { mon: [['09:00', '17:00']] } });
 */
export function createCalendar(spec: unknown): BusinessCalendar {
  const valid = parseOrThrow(calendarSpecSchema, spec, 'calendar');
  return { spec: valid, timezone: dayZone(valid), members: flatten(valid).map((member) => new ZonedSchedule(member)) };
}
