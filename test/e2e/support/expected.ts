/**
 * Deadlines worked out independently of the extension: from the helpdesk's timestamps and the
 * contract's words ("2 hours, 24/7"; "3 business days in the customer's hours"), with lib/sla's
 * business-time engine for business hours (it has its own golden and reference tests) and plain
 * arithmetic for round-the-clock targets. What the page shows is then compared with these.
 */
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { addBusinessDaysMs, addBusinessMinutesMs, createCalendar, nextBusinessTime, type BusinessCalendar } from '../../../lib/sla/index.ts';
import { AGENT_ZONE } from './session.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

const weekdays = (from: string, to: string) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [[from, to]]]));

/** Neptune's "customer's business hours": 09:00–17:00 Monday to Friday in the customer's zone. */
export const customerHours = (timezone: string): BusinessCalendar => createCalendar({ timezone, weekly: weekdays('09:00', '17:00') });

/** OTRS's example Service Level Window: 08:00–17:00 Monday to Friday, Berlin, with three annual holidays. */
export const otrsServiceWindow: BusinessCalendar = createCalendar({
  timezone: 'Europe/Berlin',
  weekly: weekdays('08:00', '17:00'),
  holidays: [{ annual: '01-01' }, { annual: '12-25' }, { annual: '12-26' }],
});

/** Priority Support's 24x5: teams in Brisbane and London 07:00–17:00, Los Angeles 09:00–17:00, weekdays. */
export const followTheSun24x5: BusinessCalendar = createCalendar({
  timezone: 'UTC',
  union: [
    { timezone: 'Australia/Brisbane', weekly: weekdays('07:00', '17:00') },
    { timezone: 'Europe/London', weekly: weekdays('07:00', '17:00') },
    { timezone: 'America/Los_Angeles', weekly: weekdays('09:00', '17:00') },
  ],
});

export const businessHoursAfter = (calendar: BusinessCalendar, startMs: number, hours: number) => addBusinessMinutesMs(calendar, startMs, hours * 60);
export const businessDaysAfter = (calendar: BusinessCalendar, startMs: number, days: number) => addBusinessDaysMs(calendar, startMs, days);
/** When a clock that starts "at the next service window" starts. */
export const windowStart = (calendar: BusinessCalendar, ms: number) => nextBusinessTime(calendar, DateTime.fromMillis(ms, { zone: 'utc' })).toMillis();

/** The wall-clock time of an instant in the agent's zone, as the overlay prints it ("14:05"). */
export const agentClock = (ms: number) => DateTime.fromMillis(ms, { zone: AGENT_ZONE }).toFormat('HH:mm');

/** "Mon ", "2 Dec ", "2 Dec 2027 " or nothing (today): how the overlay prefixes a time with its day. */
const DAY_PREFIX = '(?:[A-Z][a-z]{2} |\\d{1,2} [A-Z][a-z]{2} (?:\\d{4} )?)?';

/**
 * Asserts that a badge title or strip text shows `ms` as the deadline: always in the clock's zone
 * ("Tue 17:00 customer time (Europe/Oslo)"), and — while the clock counts down — in the agent's
 * ("due 14:05", "was due Mon 14:05"). Seconds are not shown, so deadlines compare to the minute.
 */
export function expectDeadline(text: string, ms: number, clockZone: string): void {
  const customerClock = DateTime.fromMillis(ms, { zone: clockZone }).toFormat('HH:mm');
  expect(text).toMatch(new RegExp(`${DAY_PREFIX}${customerClock} customer time \\(${clockZone.replace('/', '\\/')}\\)`));
  if (/\bdue /.test(text)) expect(text).toMatch(new RegExp(`(?:was )?due ${DAY_PREFIX}${agentClock(ms)}\\b`));
}

/** Asserts that a met clock's text says when: "met 10:05", "met late Sat 10:05". */
export function expectMetAt(text: string, ms: number): void {
  expect(text).toMatch(new RegExp(`^met (?:late )?${DAY_PREFIX}${agentClock(ms)}$`));
}
