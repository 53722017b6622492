import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  addBusinessMinutesMs,
  businessMinutesBetween,
  createCalendar,
  NoBusinessTimeError,
  nextBusinessTime,
} from '../../lib/sla/index.ts';
import { SchemaError } from '../../lib/schema-error.ts';
import { utc, weekdays } from './helpers.ts';

const valid = { timezone: 'Europe/London', weekly: weekdays(['09:00', '17:00']) };

function errorOf(spec: unknown): SchemaError {
  try {
    createCalendar(spec);
  } catch (error) {
    if (error instanceof SchemaError) return error;
    throw error;
  }
  throw new Error('expected createCalendar to throw');
}

describe('createCalendar validates and names the offending field', () => {
  it.each([
    [{ ...valid, timezone: 'Mars/Olympus_Mons' }, 'timezone', /unknown time zone "Mars\/Olympus_Mons"/],
    [{ ...valid, weekly: { mon: [['25:00', '17:00']] } }, 'weekly.mon[0][0]', /invalid time "25:00"/],
    [{ ...valid, weekly: { mon: [['09:00', '24:30']] } }, 'weekly.mon[0][1]', /invalid time "24:30"/],
    [{ ...valid, weekly: { tue: [['24:00', '17:00']] } }, 'weekly.tue[0][0]', /invalid time "24:00"/],
    [{ ...valid, weekly: { tue: [['9:00', '17:00']] } }, 'weekly.tue[0][0]', /HH:MM/],
    [{ ...valid, weekly: { monday: [['09:00', '17:00']] } }, 'weekly', /monday/],
    [{ ...valid, holidays: [{ date: '2026-12-24', from: '14:00', to: '12:00' }] }, 'holidays[0].from', /must be before "to"/],
    [{ ...valid, holidays: [{ date: '2026-02-30' }] }, 'holidays[0].date', /invalid date "2026-02-30"/],
    [{ ...valid, holidays: [{ annual: '13-01' }] }, 'holidays[0].annual', /invalid annual date/],
    [{ ...valid, holidays: [{ date: '2026-12-24', through: '2026-12-01' }] }, 'holidays[0].through', /before "date"/],
    [{ weekly: {} }, 'timezone', /expected string/],
    [{ union: [] }, 'union', /at least one calendar/],
    [{ union: [valid, { ...valid, timezone: 'Nowhere/Land' }] }, 'union[1].timezone', /unknown time zone/],
  ])('%j → %s', (spec, path, message) => {
    const error = errorOf(spec);
    expect(error.issues.map((issue) => issue.path)).toContain(path);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(path);
  });

  it('accepts 24:00 as an end, missing weekdays and missing holidays', () => {
    expect(() => createCalendar({ timezone: 'UTC', weekly: { sat: [['12:00', '24:00']] } })).not.toThrow();
  });
});

describe('calendars without business time', () => {
  const closed = createCalendar({ timezone: 'UTC', weekly: {} });
  it('between is 0 and add throws a clear error instead of looping', () => {
    expect(businessMinutesBetween(closed, utc('2026-01-01T00:00'), utc('2027-01-01T00:00'))).toBe(0);
    expect(() => addBusinessMinutes(closed, utc('2026-01-01T00:00'), 1)).toThrow(NoBusinessTimeError);
    expect(() => nextBusinessTime(closed, utc('2026-01-01T00:00'))).toThrow(NoBusinessTimeError);
  });
  it('a weekly pattern closed by holidays on every date gives up after the horizon', () => {
    const everyDate = Array.from({ length: 12 }, (_, i) => ({ date: `2026-${String(i + 1).padStart(2, '0')}-01`, through: `2026-${String(i + 1).padStart(2, '0')}-28` }));
    const mostlyClosed = createCalendar({ timezone: 'UTC', weekly: weekdays(['09:00', '17:00']), holidays: everyDate });
    // 2026-01-28 is a Wednesday: the next open business day is Thu 2026-01-29.
    expect(addBusinessMinutes(mostlyClosed, utc('2026-01-05T10:00'), 60).toISO()).toBe('2026-01-29T10:00:00.000Z');
  });
});

describe('the 100-year horizon', () => {
  // 15 minutes a week: 77,476 minutes take 99 years, 80,000 take 102.
  const sparse = { timezone: 'America/New_York', weekly: { tue: [['14:00', '14:15']] as [string, string][] } };
  const start = Date.UTC(2020, 0, 1);

  it('answers up to it, and refuses past it, whatever was asked of the calendar before', () => {
    // Found by the reference property under TZ=America/Santiago: a fresh calendar refused what a warm one answered.
    const answer = addBusinessMinutesMs(createCalendar(sparse), start, 77_476);
    expect(new Date(answer).toISOString()).toBe('2119-01-03T19:01:00.000Z');
    const warm = createCalendar(sparse);
    addBusinessMinutesMs(warm, start, 90_000 - 77_476);
    expect(addBusinessMinutesMs(warm, start, 77_476)).toBe(answer);

    expect(() => addBusinessMinutesMs(createCalendar(sparse), start, 80_000)).toThrow(NoBusinessTimeError);
    const warmer = createCalendar(sparse);
    addBusinessMinutesMs(warmer, start, 77_476);
    expect(() => addBusinessMinutesMs(warmer, start, 80_000)).toThrow(NoBusinessTimeError);
  });
});

describe('inputs', () => {
  const cal = createCalendar(valid);
  it('rejects negative and non-finite minutes', () => {
    expect(() => addBusinessMinutesMs(cal, 0, -1)).toThrow(RangeError);
    expect(() => addBusinessMinutesMs(cal, 0, Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessMinutesMs(cal, Number.NaN, 1)).toThrow(RangeError);
  });
  it('does not mutate its inputs and returns UTC whatever the input zone', () => {
    const spec = structuredClone(valid);
    const calendar = createCalendar(spec);
    const start = DateTime.fromISO('2026-11-23T10:00', { zone: 'Asia/Tokyo' });
    const result = addBusinessMinutes(calendar, start, 30);
    expect(spec).toEqual(valid);
    expect(start.zoneName).toBe('Asia/Tokyo');
    expect(result.zoneName).toBe('UTC');
  });
  it('is deterministic: the same question asked in any order gets the same answer (lazy caches are invisible)', () => {
    const fresh = () => createCalendar({ ...valid, holidays: [{ annual: '12-25' }] });
    const a = fresh();
    const forwardFirst = [addBusinessMinutesMs(a, Date.UTC(2040, 0, 1), 60), addBusinessMinutesMs(a, Date.UTC(2001, 11, 24, 16), 120)];
    const b = fresh();
    const backwardFirst = [addBusinessMinutesMs(b, Date.UTC(2001, 11, 24, 16), 120), addBusinessMinutesMs(b, Date.UTC(2040, 0, 1), 60)].reverse();
    expect(forwardFirst).toEqual(backwardFirst);
    expect(new Date(forwardFirst[1] as number).toISOString()).toBe('2001-12-26T10:00:00.000Z');
  });
});
