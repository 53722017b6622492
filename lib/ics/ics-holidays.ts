import ICAL from 'ical.js';
import { DateTime, IANAZone } from 'luxon';
import type { HolidaySpec } from '../sla/index.ts';

/** One holiday found in an ICS file, for the preview before it is added to a calendar. */
export interface IcsHoliday {
  /** Stable within one import (event UID and occurrence), for the preview's checkboxes. */
  key: string;
  /** The event's SUMMARY. */
  name: string;
  holiday: HolidaySpec;
  /** How the event was read, for people to check: "all day", "12:00–24:00 Europe/Berlin", "every year on 12-25"… */
  note: string;
}

/** An event that could not become a holiday, and why. */
export interface IcsSkipped {
  name: string;
  reason: string;
}

export interface IcsImport {
  /** X-WR-CALNAME, when the file has one. */
  calendarName: string | undefined;
  holidays: IcsHoliday[];
  skipped: IcsSkipped[];
}

export interface IcsImportOptions {
  /** The zone of the calendar receiving the holidays: timed events become partial days there. */
  zone: string;
  /** Recurring events that are not "the same date every year" are expanded over these years (inclusive). */
  fromYear: number;
  toYear: number;
}

/** The file is not iCalendar at all (nothing can be imported from it). */
export class IcsError extends Error {
  override readonly name = 'IcsError';
}

/** Stops runaway rules (FREQ=MINUTELY since 1970) from freezing the page. */
const MAX_STEPS = 50_000;
const MAX_RANGE_DAYS = 366;

type IcalTime = ICAL.Time;

/** A date-only value or a wall time in a zone, resolved to real instants where the file allows. */
type Resolved = { kind: 'date'; date: string; endDate: string } | { kind: 'instant'; startMs: number; endMs: number; sourceZone: string };

const pad = (n: number): string => String(n).padStart(2, '0');
const civil = (t: IcalTime): string => `${t.year}-${pad(t.month)}-${pad(t.day)}`;
const plusDays = (date: string, days: number): string => DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() ?? date;
const daysBetween = (from: string, to: string): number =>
  Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);

/** A wall time and the TZID it was written with (undefined: floating, or UTC when the value ends in Z). */
interface WallTime {
  time: IcalTime;
  tzid: string | undefined;
}

/**
 * Turns a wall time into epoch ms. IANA TZIDs go through Luxon; other TZIDs (Outlook's "W. Europe
 * Standard Time") through the file's own VTIMEZONE; floating times are read in the target zone.
 */
function toMs({ time: t, tzid }: WallTime, timezones: ReadonlyMap<string, ICAL.Timezone>, zone: string): { ms: number; sourceZone: string } | string {
  const wall = { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second };
  if (tzid === undefined) {
    // ical.js marks values ending in "Z" with its UTC zone; anything else without TZID is floating.
    const utc = t.zone.tzid === 'UTC';
    return { ms: DateTime.fromObject(wall, { zone: utc ? 'utc' : zone }).toMillis(), sourceZone: utc ? 'UTC' : zone };
  }
  if (IANAZone.isValidZone(tzid)) return { ms: DateTime.fromObject(wall, { zone: tzid }).toMillis(), sourceZone: tzid };
  const vtimezone = timezones.get(tzid);
  if (!vtimezone) return `unknown time zone "${tzid}" (no IANA name and no VTIMEZONE in the file)`;
  // The VTIMEZONE gives the offset; the note then shows the times in the calendar's zone.
  return { ms: DateTime.fromObject(wall, { zone: 'utc' }).toMillis() - vtimezone.utcOffset(t) * 1000, sourceZone: zone };
}

/** Holidays made from one event or occurrence, and how they were read. */
interface Converted {
  holidays: HolidaySpec[];
  note: string;
}

/**
 * The start and end of an event or occurrence with the TZIDs they were written with. ical.js only
 * knows zones whose VTIMEZONE is in the file, so the TZID parameter is read from the properties.
 * `end` is undefined when the event has neither DTEND nor DURATION (ical.js would make one up).
 */
function wallTimes(item: ICAL.Event, start: IcalTime, end: IcalTime): { start: WallTime; end: WallTime | undefined } {
  const component = item.component;
  const tzid = (property: string): string | undefined => {
    const value = component.getFirstProperty(property)?.getParameter('tzid');
    return typeof value === 'string' ? value : undefined;
  };
  const startTzid = tzid('dtstart');
  const hasEnd = component.hasProperty('dtend') || component.hasProperty('duration');
  return { start: { time: start, tzid: startTzid }, end: hasEnd ? { time: end, tzid: component.hasProperty('dtend') ? tzid('dtend') : startTzid } : undefined };
}

function resolve(start: WallTime, end: WallTime | undefined, timezones: ReadonlyMap<string, ICAL.Timezone>, zone: string): Resolved | string {
  if (start.time.isDate) {
    const date = civil(start.time);
    // DTEND of an all-day event is exclusive; a missing or non-advancing end means one day (RFC 5545 §3.6.1).
    const endDate = end && civil(end.time) > date ? civil(end.time) : plusDays(date, 1);
    return { kind: 'date', date, endDate };
  }
  if (!end) return 'a timed event without an end or duration takes no time';
  const from = toMs(start, timezones, zone);
  if (typeof from === 'string') return from;
  const to = toMs(end, timezones, zone);
  if (typeof to === 'string') return to;
  if (to.ms <= from.ms) return 'the event ends before it starts';
  return { kind: 'instant', startMs: from.ms, endMs: to.ms, sourceZone: from.sourceZone };
}

type DatedHoliday = Extract<HolidaySpec, { date: string }>;
const hhmm = (t: DateTime): string => t.toFormat('HH:mm');

/** Splits a timed span into per-date holidays in `zone` (whole minutes, widened outward so nothing is left open). */
function timedHolidays(startMs: number, endMs: number, zone: string, name: string): DatedHoliday[] {
  const start = DateTime.fromMillis(startMs, { zone }).startOf('minute');
  const endRaw = DateTime.fromMillis(endMs, { zone });
  const end = endRaw.equals(endRaw.startOf('minute')) ? endRaw : endRaw.startOf('minute').plus({ minutes: 1 });
  const out: DatedHoliday[] = [];
  for (let day = start.startOf('day'); day < end; day = day.plus({ days: 1 }).startOf('day')) {
    const dayEnd = day.plus({ days: 1 }).startOf('day');
    const from = start > day ? hhmm(start) : '00:00';
    const to = end < dayEnd ? hhmm(end) : '24:00';
    if (from === to) continue;
    const date = day.toISODate() ?? '';
    out.push(from === '00:00' && to === '24:00' ? { date, name } : { date, from, to, name });
  }
  return out;
}

function describeDates(date: string, endDate: string): string {
  const days = daysBetween(date, endDate);
  return days === 1 ? 'all day' : `all day, ${days} days`;
}

/** One occurrence → holidays (a timed event over midnight gives one partial day per date). */
function occurrenceHolidays(resolved: Resolved, zone: string, name: string): Converted | string {
  if (resolved.kind === 'date') {
    const days = daysBetween(resolved.date, resolved.endDate);
    if (days > MAX_RANGE_DAYS) return `spans ${days} days (a holiday range is at most a year)`;
    const holiday: HolidaySpec = days === 1 ? { date: resolved.date, name } : { date: resolved.date, through: plusDays(resolved.endDate, -1), name };
    return { holidays: [holiday], note: describeDates(resolved.date, resolved.endDate) };
  }
  const holidays = timedHolidays(resolved.startMs, resolved.endMs, zone, name);
  const span = (from: number, to: number, in_: string): string => `${DateTime.fromMillis(from, { zone: in_ }).toFormat('HH:mm')}–${DateTime.fromMillis(to, { zone: in_ }).toFormat('HH:mm')} ${in_}`;
  const source = span(resolved.startMs, resolved.endMs, resolved.sourceZone);
  const pieces = holidays.map((h) => (h.from === undefined ? `${h.date}: all day` : `${h.date}: ${h.from}–${h.to ?? '24:00'}`));
  return { holidays, note: `${source} → ${pieces.join(', ')} (${zone})` };
}

/**
 * "Same date every year" rules become annual holidays (they then never run out); anything else is
 * expanded. Only all-day events and wall times in the calendar's own zone (or floating) qualify: a
 * timed event in another zone lands on different local hours as DST rules differ.
 */
function annualHolidays(event: ICAL.Event, zone: string, name: string): Converted | undefined {
  const component = event.component;
  const { start: startWall, end: endWall } = wallTimes(event, event.startDate, event.endDate);
  const start = startWall.time;
  const rules = component.getAllProperties('rrule');
  const rule = rules[0]?.getFirstValue() as ICAL.Recur | undefined;
  if (!rule || rules.length > 1 || component.hasProperty('exdate') || component.hasProperty('rdate') || Object.keys(event.exceptions).length > 0) return undefined;
  if (rule.freq !== 'YEARLY' || rule.interval !== 1 || rule.count !== null || rule.until !== null) return undefined;
  const parts = rule.parts as Record<string, unknown[] | undefined>;
  const onStartDate = Object.entries(parts).every(
    ([part, values]) => (part === 'BYMONTH' && values?.length === 1 && values[0] === start.month) || (part === 'BYMONTHDAY' && values?.length === 1 && values[0] === start.day),
  );
  if (!onStartDate || (start.month === 2 && start.day === 29)) return undefined;
  const monthDay = (t: DateTime): string => t.toFormat('MM-dd');
  if (start.isDate) {
    const first = DateTime.fromObject({ year: start.year, month: start.month, day: start.day }, { zone: 'utc' });
    const end = endWall?.time;
    const days = end && civil(end) > civil(start) ? daysBetween(civil(start), civil(end)) : 1;
    if (days > 31) return undefined;
    const holidays = Array.from({ length: days }, (_, i): HolidaySpec => ({ annual: monthDay(first.plus({ days: i })), name }));
    return { holidays, note: `every year, ${holidays.map((h) => ('annual' in h ? h.annual : '')).join(', ')}` };
  }
  const floating = startWall.tzid === undefined && start.zone.tzid !== 'UTC';
  if (!(floating || startWall.tzid === zone) || !endWall || endWall.time.isDate || endWall.tzid !== startWall.tzid) return undefined;
  const end = endWall.time;
  // Wall times in the calendar's own zone: compare them as plain local times.
  const from = DateTime.fromObject({ year: start.year, month: start.month, day: start.day, hour: start.hour, minute: start.minute }, { zone: 'utc' });
  const endExact = DateTime.fromObject({ year: end.year, month: end.month, day: end.day, hour: end.hour, minute: end.minute, second: end.second }, { zone: 'utc' });
  const until = endExact.second > 0 ? endExact.startOf('minute').plus({ minutes: 1 }) : endExact;
  const sameDay = until.toISODate() === from.toISODate() || until.equals(from.plus({ days: 1 }).startOf('day'));
  if (!sameDay || until <= from) return undefined;
  const to = until.toISODate() === from.toISODate() ? hhmm(until) : '24:00';
  return { holidays: [{ annual: monthDay(from), from: hhmm(from), to, name }], note: `every year on ${monthDay(from)}, ${hhmm(from)}–${to} ${zone}` };
}

function parseCalendar(text: string): ICAL.Component {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (error) {
    throw new IcsError(`The file is not valid iCalendar: ${error instanceof Error ? error.message : String(error)}`);
  }
  // ICAL.parse returns an array of components when the file holds several, and an empty array for no text.
  const root = Array.isArray(jcal) && typeof jcal[0] === 'string' ? new ICAL.Component(jcal as unknown[]) : undefined;
  if (root?.name !== 'vcalendar') throw new IcsError('The file is not an iCalendar file: it must start with BEGIN:VCALENDAR');
  return root;
}

/**
 * Reads the holidays in an ICS file (a holiday calendar exported from Google, Outlook, Apple…):
 * all-day events become dated holidays or ranges, timed events partial days in `options.zone`, and
 * yearly rules on a fixed date annual holidays; other recurring events are expanded over
 * `options.fromYear`–`options.toYear`. Events that cannot be used are listed in `skipped` with a reason.
 *
 * @throws {IcsError} when the text is not iCalendar at all.
 * @example
 * parseIcsHolidays('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:New Year\r\nDTSTART;VALUE=DATE:20270101\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\nEND:VCALENDAR',
 *   { zone: 'Europe/Berlin', fromYear: 2026, toYear: 2027 }).holidays[0].holiday // => { annual: '01-01', name: 'New Year' }
 */
export function parseIcsHolidays(text: string, options: IcsImportOptions): IcsImport {
  const root = parseCalendar(text);
  const { zone, fromYear, toYear } = options;
  const timezones = new Map(
    root.getAllSubcomponents('vtimezone').map((component) => [String(component.getFirstPropertyValue('tzid')), new ICAL.Timezone(component)] as const),
  );
  const calendarName = root.getFirstPropertyValue('x-wr-calname');
  const result: IcsImport = { calendarName: typeof calendarName === 'string' ? calendarName : undefined, holidays: [], skipped: [] };

  const components = root.getAllSubcomponents('vevent');
  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Event[] = [];
  components.forEach((component, index) => {
    const summary = component.getFirstPropertyValue('summary');
    const name = (typeof summary === 'string' && summary.trim() ? summary.trim() : '(untitled event)').slice(0, 200);
    try {
      if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
        result.skipped.push({ name, reason: 'the event is cancelled' });
        return;
      }
      if (!component.hasProperty('dtstart')) {
        result.skipped.push({ name, reason: 'the event has no start date (DTSTART)' });
        return;
      }
      const event = new ICAL.Event(component);
      if (event.isRecurrenceException() && masters.has(event.uid)) exceptions.push(event);
      else masters.set(event.uid || `event-${index}`, event);
    } catch (error) {
      result.skipped.push({ name, reason: `unreadable: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
  // An exception (RECURRENCE-ID) replaces one occurrence of its series: relate it before expanding.
  for (const exception of exceptions) masters.get(exception.uid)?.relateException(exception);

  for (const [uid, event] of masters) {
    const name = (event.summary.trim() || '(untitled event)').slice(0, 200);
    try {
      const add = (key: string, converted: Converted | string, label = name): void => {
        if (typeof converted === 'string') result.skipped.push({ name: label, reason: converted });
        else converted.holidays.forEach((holiday, i) => result.holidays.push({ key: `${key}#${i}`, name: label, holiday, note: converted.note }));
      };
      const single = (item: ICAL.Event, start: IcalTime, end: IcalTime, label: string): Converted | string => {
        const times = wallTimes(item, start, end);
        const resolved = resolve(times.start, times.end, timezones, zone);
        return typeof resolved === 'string' ? resolved : occurrenceHolidays(resolved, zone, label);
      };
      if (!event.isRecurring()) {
        add(uid, single(event, event.startDate, event.endDate, name));
        continue;
      }
      const annual = annualHolidays(event, zone, name);
      if (annual) {
        add(uid, annual);
        continue;
      }
      const iterator = event.iterator();
      let found = 0;
      // ical.js types next() as always returning a Time; it returns undefined once a finite rule ends.
      const nextOccurrence = (): IcalTime | undefined => iterator.next();
      for (let step = 0, next = nextOccurrence(); next !== undefined && next.year <= toYear && step < MAX_STEPS; step++, next = nextOccurrence()) {
        if (next.year < fromYear) continue;
        const details = event.getOccurrenceDetails(next);
        const label = (details.item.summary.trim() || name).slice(0, 200);
        add(`${uid}@${next.toString()}`, single(details.item, details.startDate, details.endDate, label), label);
        found++;
      }
      if (found === 0) result.skipped.push({ name, reason: `the repeating event has no dates in ${fromYear}–${toYear}` });
    } catch (error) {
      result.skipped.push({ name, reason: `unreadable: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return result;
}
