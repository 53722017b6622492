// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CalendarsSection } from '../../components/options/calendars-section.tsx';
import { SaveBar } from '../../components/options/save-bar.tsx';
import { parseConfig, type CalendarEntry } from '../../lib/plans/index.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { configItem } from '../../lib/storage/config-storage.ts';
import { renderOptions } from './render-options.tsx';

const nineToFive = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] };
const ukOffice: CalendarEntry = { kind: 'fixed', name: 'UK office', spec: { timezone: 'Europe/London', weekly: structuredClone(nineToFive) as CalendarEntry extends { spec: { weekly: infer W } } ? W : never } };

async function renderCalendars(calendars: Record<string, unknown> = { uk: ukOffice }) {
  await configItem.setValue(parseConfig({ version: 1, calendars, plans: {}, customers: [], severityMappings: [] }));
  return renderOptions(
    <>
      <SaveBar />
      <CalendarsSection />
    </>,
  );
}

const previewOf = (title: string) => screen.getByRole('region', { name: `${title}: next 7 days of business hours` });
const previewDay = (title: string, day: string) => within(previewOf(title)).getByText(day).nextElementSibling?.textContent;
const ics = (name: string) => new File([readFileSync(`test/ics/fixtures/${name}`, 'utf8')], name, { type: 'text/calendar' });

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('calendar editor', () => {
  it('previews the next 7 days of business hours from now, computed with lib/sla', async () => {
    await renderCalendars();
    expect(previewDay('UK office', 'Mon 23 Nov')).toBe('10:00–17:00');
    expect(previewDay('UK office', 'Tue 24 Nov')).toBe('09:00–17:00');
    expect(previewDay('UK office', 'Sat 28 Nov')).toBe('closed');
    expect(within(previewOf('UK office')).getByText('Local times in Europe/London, from now.')).toBeDefined();
  });

  it('names the field and the reason for an invalid time, marks it invalid and lists it for saving', async () => {
    const user = userEvent.setup();
    await renderCalendars();
    const monday = within(screen.getByRole('group', { name: 'Monday' }));
    const opens = monday.getByLabelText('Monday 1: opens');
    await user.clear(opens);
    await user.type(opens, '25:00');
    expect(opens.getAttribute('aria-invalid')).toBe('true');
    const error = monday.getByText('Monday 1: opens: invalid time "25:00" (expected HH:MM from 00:00 to 23:59)');
    expect(opens.getAttribute('aria-describedby')).toContain(error.id);
    expect(screen.getByRole('status').textContent).toBe('1 problem to fix before saving.');
    expect(within(screen.getByRole('list', { name: 'Problems to fix' })).getByText('calendars.uk.spec.weekly.mon[0][0]')).toBeDefined();
    expect(within(previewOf('UK office')).getByText(/Preview unavailable: fix the calendar first/)).toBeDefined();
  });

  it('edits several intervals a day and night shifts, with presets for 24x7 and 24x5', async () => {
    const user = userEvent.setup();
    await renderCalendars();
    const monday = within(screen.getByRole('group', { name: 'Monday' }));
    await user.click(monday.getByRole('button', { name: 'Add interval on Monday' }));
    expect(monday.getByLabelText<HTMLInputElement>('Monday 2: opens').value).toBe('13:00');
    await user.clear(monday.getByLabelText('Monday 1: closes'));
    await user.type(monday.getByLabelText('Monday 1: closes'), '12:00');
    expect(previewDay('UK office', 'Mon 23 Nov')).toBe('10:00–12:00, 13:00–17:00');

    await user.click(screen.getByRole('button', { name: 'Night shift 22:00–06:00 Mon–Fri' }));
    expect(within(screen.getByRole('group', { name: 'Tuesday' })).getByText('overnight')).toBeDefined();
    expect(previewDay('UK office', 'Tue 24 Nov')).toBe('00:00–06:00, 22:00–24:00');
    expect(previewDay('UK office', 'Sat 28 Nov')).toBe('00:00–06:00');

    await user.click(screen.getByRole('button', { name: '24x7' }));
    expect(previewDay('UK office', 'Sun 29 Nov')).toBe('00:00–24:00');
    await user.click(screen.getByRole('button', { name: '24x5 (Mon–Fri, all day)' }));
    expect(previewDay('UK office', 'Sat 28 Nov')).toBe('closed');
    expect(previewDay('UK office', 'Fri 27 Nov')).toBe('00:00–24:00');
    expect(useOptionsStore.getState().draft.calendars['uk']).toMatchObject({ spec: { weekly: { fri: [['00:00', '00:00']] } } });
  });

  it('picks a time zone by typing, shows its current offset, and names an unknown zone', async () => {
    const user = userEvent.setup();
    await renderCalendars();
    const zone = screen.getByLabelText('UK office: time zone');
    expect(screen.getByText('Now UTC+00:00.')).toBeDefined();
    expect(document.querySelectorAll(`#${CSS.escape(zone.getAttribute('list') ?? '')} option`).length).toBeGreaterThan(300);
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus');
    expect(screen.getByText('UK office: time zone: unknown time zone "Mars/Olympus" (expected an IANA name such as "Europe/London")')).toBeDefined();
    await user.clear(zone);
    await user.type(zone, 'America/New_York');
    expect(screen.getByText('Now UTC-05:00.')).toBeDefined();
    expect(previewDay('UK office', 'Mon 23 Nov')).toBe('09:00–17:00');
  });

  it('adds holidays of every kind, partial days included', async () => {
    const user = userEvent.setup();
    await renderCalendars();
    await user.click(screen.getByRole('button', { name: 'Add holiday' }));
    const holiday = within(screen.getByRole('listitem', { name: 'Holiday 1' }));
    await user.selectOptions(holiday.getByLabelText('Holiday 1: kind'), 'Every year');
    await user.clear(holiday.getByLabelText('Holiday 1: every year on (MM-DD)'));
    await user.type(holiday.getByLabelText('Holiday 1: every year on (MM-DD)'), '11-24');
    await user.type(holiday.getByLabelText('Holiday 1: closed from'), '12:00');
    expect(useOptionsStore.getState().draft.calendars['uk']).toMatchObject({ spec: { holidays: [{ annual: '11-24', from: '12:00' }] } });
    expect(previewDay('UK office', 'Tue 24 Nov')).toBe('09:00–12:00');
    await user.type(holiday.getByLabelText('Holiday 1: closed until'), '11:00');
    expect(holiday.getByText('Holiday 1: closed from: holiday "from" (12:00) must be before "to" (11:00)')).toBeDefined();
  });

  it('imports holidays from an ICS file after a preview, leaving out unchecked ones', async () => {
    const user = userEvent.setup();
    await renderCalendars();
    await user.upload(screen.getByLabelText('UK office: holidays: import from an ICS file'), ics('acme-holidays.ics'));
    const preview = within(await screen.findByRole('region', { name: 'Preview of acme-holidays.ics' }));
    expect(preview.getByText('Acme GmbH – Betriebsferien & Feiertage: 11 holidays found, 2 events skipped. Times are in Europe/London.')).toBeDefined();
    expect(preview.getByText('Abgesagter Brückentag: the event is cancelled')).toBeDefined();
    // A yearly afternoon closure in Berlin is not "the same hours every year" in London: it is expanded.
    expect(preview.getByText('12:00–23:59 Europe/Berlin → 2026-12-24: 11:00–23:00 (Europe/London)')).toBeDefined();
    await user.click(preview.getByRole('checkbox', { name: 'Add Betriebsversammlung (2026-11-11, 13:00–15:00)' }));
    await user.click(preview.getByRole('checkbox', { name: 'Add Heiligabend (ab Mittag geschlossen) (2028-12-24, 11:00–23:00)' }));
    await user.click(preview.getByRole('button', { name: 'Add 9 holidays' }));
    const holidays = useOptionsStore.getState().draft.calendars['uk'];
    expect(holidays?.kind === 'fixed' && 'holidays' in holidays.spec ? holidays.spec.holidays : []).toEqual([
      { annual: '01-01', name: 'Neujahr' },
      { annual: '12-25', name: '1. und 2. Weihnachtstag' },
      { annual: '12-26', name: '1. und 2. Weihnachtstag' },
      { date: '2026-04-03', name: 'Karfreitag' },
      { date: '2026-07-27', through: '2026-08-07', name: 'Betriebsferien (Sommer)' },
      { date: '2026-12-24', from: '11:00', to: '23:00', name: 'Heiligabend (ab Mittag geschlossen)' },
      { date: '2027-12-24', from: '11:00', to: '23:00', name: 'Heiligabend (ab Mittag geschlossen)' },
      { date: '2026-11-26', name: 'Thanksgiving (US office)' },
      { date: '2027-11-25', name: 'Thanksgiving (US office)' },
    ]);
    expect(previewDay('UK office', 'Thu 26 Nov')).toBe('closed');
    expect(screen.queryByRole('region', { name: 'Preview of acme-holidays.ics' })).toBeNull();
  });

  it('names the file and the reason when an ICS file cannot be read, and adds nothing', async () => {
    const user = userEvent.setup();
    await renderCalendars();
    await user.upload(screen.getByLabelText('UK office: holidays: import from an ICS file'), new File(['this is not a calendar'], 'notes.ics'));
    expect(await screen.findByText('notes.ics: The file is not valid iCalendar: invalid line (no token ";" or ":") "this is not a calendar"')).toBeDefined();
    expect(screen.getByLabelText('UK office: holidays: import from an ICS file').getAttribute('aria-invalid')).toBe('true');
    expect(useOptionsStore.getState().dirty).toBe(false);
  });

  it('turns a calendar into a follow-the-sun union of regional teams', async () => {
    const user = userEvent.setup();
    await renderCalendars();
    await user.click(screen.getByRole('button', { name: 'Make follow-the-sun (add another team)' }));
    const team2 = within(screen.getByRole('listitem', { name: 'New team' }));
    await user.clear(team2.getByLabelText('Team 2: name'));
    await user.type(team2.getByLabelText('Team 2: name'), 'US team');
    await user.clear(screen.getByLabelText('US team: time zone'));
    await user.paste('America/Los_Angeles');
    // London 09:00–17:00 and Los Angeles 09:00–17:00 (17:00–01:00 London) join up on weekdays.
    expect(previewDay('UK office', 'Tue 24 Nov')).toBe('00:00–01:00, 09:00–24:00');
    expect(useOptionsStore.getState().issues).toEqual([]);
  });

  it('edits customer hours with the fallback zone and previews them for a customer without one', async () => {
    await renderCalendars({ 'customer-hours': { kind: 'customer-hours', name: 'Customer hours', weekly: nineToFive, fallbackTimezone: 'Asia/Tokyo' } });
    expect(screen.getByLabelText('Customer hours: time zone for customers without one')).toBeDefined();
    // 10:00 UTC is 19:00 in Tokyo: Monday is over there.
    expect(previewDay('Customer hours (customer without a time zone)', 'Mon 23 Nov')).toBe('closed');
    expect(previewDay('Customer hours (customer without a time zone)', 'Tue 24 Nov')).toBe('09:00–17:00');
  });

  it('adds a calendar with a valid id and names an invalid one', async () => {
    const user = userEvent.setup();
    await renderCalendars();
    const id = screen.getByLabelText('New calendar id');
    await user.type(id, 'US Office');
    expect(screen.getByText('New calendar id: expected a lower-case id (letters, digits, - and _)')).toBeDefined();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Add calendar' }).disabled).toBe(true);
    await user.clear(id);
    await user.type(id, 'us-office');
    await user.selectOptions(screen.getByLabelText('Kind'), 'Follow-the-sun (several teams)');
    await user.click(screen.getByRole('button', { name: 'Add calendar' }));
    expect(useOptionsStore.getState().draft.calendars['us-office']).toMatchObject({ kind: 'fixed', spec: { union: [{ timezone: 'Europe/London' }, { timezone: 'UTC' }] } });
  });
});
