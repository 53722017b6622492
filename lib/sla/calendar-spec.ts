import { IANAZone } from 'luxon';
import { z } from 'zod';

/** Weekday keys of a weekly schedule, in `Date#getDay()` order (Sunday first). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY_PATTERN = /^(\d{2})-(\d{2})$/;

/**
 * Minutes after local midnight of a wall-clock time `HH:MM` (`24:00` allowed only where `allowEndOfDay`).
 *
 * @example
 * parseWallClock('09:30') // => 570
 * parseWallClock('24:00', true) // => 1440
 */
export function parseWallClock(text: string, allowEndOfDay = false): number | undefined {
  if (allowEndOfDay && text === '24:00') return 1440;
  const match = TIME_PATTERN.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

function isValidCivilDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const startTime = z.string().refine((text) => parseWallClock(text) !== undefined, {
  error: (issue) => `invalid time ${JSON.stringify(issue.input)} (expected HH:MM from 00:00 to 23:59)`,
});
const endTime = z.string().refine((text) => parseWallClock(text, true) !== undefined, {
  error: (issue) => `invalid time ${JSON.stringify(issue.input)} (expected HH:MM from 00:00 to 24:00)`,
});
const isoDate = z.string().refine(
  (text) => {
    const match = DATE_PATTERN.exec(text);
    return match !== null && isValidCivilDate(Number(match[1]), Number(match[2]), Number(match[3]));
  },
  { error: (issue) => `invalid date ${JSON.stringify(issue.input)} (expected an existing YYYY-MM-DD)` },
);
const monthDay = z.string().refine(
  (text) => {
    const match = MONTH_DAY_PATTERN.exec(text);
    // 2000 is a leap year, so 02-29 is accepted (it applies in leap years only).
    return match !== null && isValidCivilDate(2000, Number(match[1]), Number(match[2]));
  },
  { error: (issue) => `invalid annual date ${JSON.stringify(issue.input)} (expected MM-DD)` },
);

/** `[start, end)` in local wall-clock time; an end at or before the start continues into the next day. */
export const intervalSchema = z.tuple([startTime, endTime]);
export type IntervalSpec = z.infer<typeof intervalSchema>;

const partOfDay = {
  from: startTime.optional(),
  to: endTime.optional(),
  name: z.string().max(200).optional(),
};

function checkPartialHoliday(holiday: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  const from = parseWallClock(holiday.from ?? '00:00') ?? 0;
  const to = parseWallClock(holiday.to ?? '24:00', true) ?? 1440;
  if (from >= to) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: `holiday "from" (${holiday.from ?? '00:00'}) must be before "to" (${holiday.to ?? '24:00'})` });
  }
}

/**
 * A closed date, part of a date, a range of dates, or a date every year.
 * `from`/`to` make it partial (`from` defaults to 00:00, `to` to 24:00).
 */
export const holidaySpecSchema = z.union([
  z
    .strictObject({ date: isoDate, through: isoDate.optional(), ...partOfDay })
    .superRefine((holiday, ctx) => {
      checkPartialHoliday(holiday, ctx);
      if (holiday.through !== undefined && holiday.through < holiday.date) {
        ctx.addIssue({ code: 'custom', path: ['through'], message: `"through" (${holiday.through}) is before "date" (${holiday.date})` });
      }
    }),
  z.strictObject({ annual: monthDay, ...partOfDay }).superRefine(checkPartialHoliday),
]);
export type HolidaySpec = z.infer<typeof holidaySpecSchema>;

const weeklySchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(intervalSchema).optional()])) as Record<
    Weekday,
    z.ZodOptional<z.ZodArray<typeof intervalSchema>>
  >,
);

/** A regional calendar: one IANA zone, a weekly schedule and holidays. */
export const zonedCalendarSpecSchema = z.strictObject({
  name: z.string().max(200).optional(),
  timezone: z.string().refine((zone) => IANAZone.isValidZone(zone), {
    error: (issue) => `unknown time zone ${JSON.stringify(issue.input)} (expected an IANA name such as "Europe/London")`,
  }),
  weekly: weeklySchema,
  holidays: z.array(holidaySpecSchema).optional(),
});
export type ZonedCalendarSpec = z.infer<typeof zonedCalendarSpecSchema>;

/**
 * Follow-the-sun coverage: a moment is business time when any member says so.
 * `timezone` (default: the first member's) is where "business days" are counted.
 */
export interface UnionCalendarSpec {
  name?: string | undefined;
  timezone?: string | undefined;
  union: CalendarSpec[];
}
export type CalendarSpec = ZonedCalendarSpec | UnionCalendarSpec;

export const unionCalendarSpecSchema: z.ZodType<UnionCalendarSpec> = z.strictObject({
  name: z.string().max(200).optional(),
  timezone: zonedCalendarSpecSchema.shape.timezone.optional(),
  union: z.array(z.lazy(() => calendarSpecSchema)).min(1, 'a union needs at least one calendar'),
});

/** Zod schema of a calendar: a regional calendar or a union of calendars. */
export const calendarSpecSchema: z.ZodType<CalendarSpec> = z.lazy(() =>
  z.union([zonedCalendarSpecSchema, unionCalendarSpecSchema]),
);
