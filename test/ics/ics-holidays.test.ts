import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IcsError, parseIcsHolidays, type IcsImport } from '../../lib/ics/ics-holidays.ts';
import { holidaySpecSchema } from '../../lib/sla/index.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const byName = (result: IcsImport, name: string) => result.holidays.filter((found) => found.name === name).map((found) => found.holiday);
const berlin = { zone: 'Europe/Berlin', fromYear: 2026, toYear: 2027 };

describe('parseIcsHolidays: a Google Calendar export of company holidays', () => {
  const result = parseIcsHolidays(fixture('acme-holidays.ics'), berlin);

  it('reads the calendar name', () => {
    expect(result.calendarName).toBe('Acme GmbH – Betriebsferien & Feiertage');
  });

  it('turns a yearly all-day event into an annual holiday', () => {
    expect(byName(result, 'Neujahr')).toEqual([{ annual: '01-01', name: 'Neujahr' }]);
  });

  it('turns a yearly two-day event (BYMONTH/BYMONTHDAY on its own date) into two annual holidays', () => {
    expect(byName(result, '1. und 2. Weihnachtstag')).toEqual([
      { annual: '12-25', name: '1. und 2. Weihnachtstag' },
      { annual: '12-26', name: '1. und 2. Weihnachtstag' },
    ]);
  });

  it('reads a one-day all-day event as a date and a multi-day one as a range (DTEND is exclusive)', () => {
    expect(byName(result, 'Karfreitag')).toEqual([{ date: '2026-04-03', name: 'Karfreitag' }]);
    expect(byName(result, 'Betriebsferien (Sommer)')).toEqual([{ date: '2026-07-27', through: '2026-08-07', name: 'Betriebsferien (Sommer)' }]);
  });

  it('turns a yearly timed event in the calendar zone into an annual partial day (23:59:59 counts to the end of the day)', () => {
    expect(byName(result, 'Heiligabend (ab Mittag geschlossen)')).toEqual([
      { annual: '12-24', from: '12:00', to: '24:00', name: 'Heiligabend (ab Mittag geschlossen)' },
    ]);
  });

  it('converts a timed UTC event to a partial day in the calendar zone', () => {
    expect(byName(result, 'Betriebsversammlung')).toEqual([{ date: '2026-11-11', from: '14:00', to: '16:00', name: 'Betriebsversammlung' }]);
  });

  it('expands a yearly rule that is not on a fixed date (4th Thursday) over the chosen years', () => {
    expect(byName(result, 'Thanksgiving (US office)')).toEqual([
      { date: '2026-11-26', name: 'Thanksgiving (US office)' },
      { date: '2027-11-25', name: 'Thanksgiving (US office)' },
    ]);
  });

  it('skips cancelled events and events without a start, naming them and the reason', () => {
    expect(result.skipped).toEqual([
      { name: 'Abgesagter Brückentag', reason: 'the event is cancelled' },
      { name: 'Ohne Datum', reason: 'the event has no start date (DTSTART)' },
    ]);
  });

  it('produces only holidays the calendar schema accepts, with unique keys and a note each', () => {
    for (const found of result.holidays) {
      expect(holidaySpecSchema.safeParse(found.holiday).success, JSON.stringify(found.holiday)).toBe(true);
      expect(found.note).not.toBe('');
    }
    expect(new Set(result.holidays.map((found) => found.key)).size).toBe(result.holidays.length);
  });
});

describe('parseIcsHolidays: an Outlook export with Windows zone names, exceptions and EXDATE', () => {
  const london = parseIcsHolidays(fixture('outlook-closures.ics'), { zone: 'Europe/London', fromYear: 2026, toYear: 2026 });

  it('resolves a Windows TZID through the file’s VTIMEZONE', () => {
    // 13:00–17:00 CEST is 12:00–16:00 in London.
    expect(byName(london, 'Team offsite')).toEqual([{ date: '2026-06-18', from: '12:00', to: '16:00', name: 'Team offsite' }]);
  });

  it('splits an overnight event into one partial day per date', () => {
    expect(byName(london, 'Datacentre maintenance (overnight)')).toEqual([
      { date: '2026-10-03', from: '22:00', to: '24:00', name: 'Datacentre maintenance (overnight)' },
      { date: '2026-10-04', from: '00:00', to: '06:00', name: 'Datacentre maintenance (overnight)' },
    ]);
  });

  it('expands a monthly rule, leaving out EXDATEs and moving an occurrence changed by RECURRENCE-ID', () => {
    expect(london.holidays.filter((found) => found.key.startsWith('monthly-training')).map((found) => found.holiday)).toEqual([
      { date: '2026-01-07', from: '13:00', to: '16:00', name: 'Monthly training afternoon' },
      { date: '2026-03-05', from: '08:00', to: '11:00', name: 'Monthly training (moved)' },
    ]);
  });

  it('names an event whose time zone cannot be resolved', () => {
    expect(london.skipped).toEqual([{ name: 'Event in an unknown zone', reason: 'unknown time zone "Mars Standard Time" (no IANA name and no VTIMEZONE in the file)' }]);
  });

  it('reports a repeating event with no dates in the chosen years', () => {
    const later = parseIcsHolidays(fixture('outlook-closures.ics'), { zone: 'Europe/London', fromYear: 2030, toYear: 2031 });
    expect(later.skipped).toContainEqual({ name: 'Monthly training afternoon', reason: 'the repeating event has no dates in 2030–2031' });
  });
});

describe('parseIcsHolidays: files that are not iCalendar', () => {
  it.each([
    ['plain text', 'hello world', /not valid iCalendar: invalid line/],
    ['an empty file', '', /must start with BEGIN:VCALENDAR/],
    ['a component that never ends', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR', /not valid iCalendar/],
    ['a vCard', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ann\r\nEND:VCARD', /must start with BEGIN:VCALENDAR/],
  ])('throws IcsError for %s', (_what, text, message) => {
    expect(() => parseIcsHolidays(text, berlin)).toThrow(IcsError);
    expect(() => parseIcsHolidays(text, berlin)).toThrow(message);
  });

  it('skips an event with an unreadable date and keeps the others', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT', 'UID:a', 'SUMMARY:Broken', 'DTSTART:2026X', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:b', 'SUMMARY:Fine', 'DTSTART;VALUE=DATE:20260501', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = parseIcsHolidays(text, berlin);
    expect(result.holidays.map((found) => found.holiday)).toEqual([{ date: '2026-05-01', name: 'Fine' }]);
    expect(result.skipped).toEqual([{ name: 'Broken', reason: expect.stringMatching(/^unreadable: invalid date-time value/) as unknown }]);
  });

  it('skips a timed event without an end (it takes no time)', () => {
    const text = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Instant\r\nDTSTART:20260501T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR';
    expect(parseIcsHolidays(text, berlin).skipped).toEqual([{ name: 'Instant', reason: 'a timed event without an end or duration takes no time' }]);
  });
});
