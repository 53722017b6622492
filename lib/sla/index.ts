/**
 * The business-time engine: pure functions of a calendar and instants (no clock, no host zone).
 * See README "Business-time semantics" for the normative definitions.
 */
export { createCalendar, type BusinessCalendar } from './business-calendar.ts';
export {
  addBusinessMinutes,
  addBusinessMinutesMs,
  businessMinutesBetween,
  businessMsBetween,
  isBusinessTime,
  isBusinessTimeMs,
  nextBusinessTime,
  nextBusinessWindowMs,
} from './business-time.ts';
export { addBusinessDays, addBusinessDaysMs, businessDaysMs } from './business-days.ts';
export { localDayNumber, localIsoDate, startOfLocalDayMs } from './local-dates.ts';
export {
  calendarSpecSchema,
  holidaySpecSchema,
  intervalSchema,
  WEEKDAYS,
  type CalendarSpec,
  type HolidaySpec,
  type IntervalSpec,
  type UnionCalendarSpec,
  type Weekday,
  type ZonedCalendarSpec,
} from './calendar-spec.ts';
export { NoBusinessTimeError, type BusinessWindow } from './zoned-schedule.ts';
export { holidaysBetween, offsetChangesBetween, type CrossedHoliday, type CrossedOffsetChange } from './calendar-events.ts';
export { dayNumberFromIsoDate, isoDateOfDayNumber, isoInstantOfMs, parseIsoInstantMs } from './civil-days.ts';
