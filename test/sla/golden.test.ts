/**
 * Golden cases, each worked out by hand. Offsets and transition instants come from tzdata 2025c
 * (Node 20's ICU); the transitions used are listed next to each group.
 */
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  createCalendar,
  isBusinessTime,
  nextBusinessTime,
} from '../../lib/sla/index.ts';
import { at, everyDay, utc, weekdays } from './helpers.ts';

const NY = 'America/New_York';
const nineToFiveNY = createCalendar({ timezone: NY, weekly: weekdays(['09:00', '17:00']) });
const allWeekNY = createCalendar({ timezone: NY, weekly: everyDay(['00:00', '00:00']) });

describe('9–17 Mon–Fri in New York (EST = UTC-5 from 2026-11-01)', () => {
  it('Mon 09:00 + 480 is Mon 17:00 (the earliest instant, not Tue 09:00)', () => {
    expect(addBusinessMinutes(nineToFiveNY, at(NY, '2026-11-23T09:00'), 480).toISO()).toBe('2026-11-23T22:00:00.000Z');
  });
  it('Fri 16:30 + 60: 30 min on Friday, 30 min from Mon 09:00 -> Mon 09:30', () => {
    expect(addBusinessMinutes(nineToFiveNY, at(NY, '2026-11-27T16:30'), 60).toISO()).toBe('2026-11-30T14:30:00.000Z');
    expect(businessMinutesBetween(nineToFiveNY, at(NY, '2026-11-27T16:30'), at(NY, '2026-11-30T09:30'))).toBe(60);
  });
  it('+ 0 is the start itself, even outside business hours', () => {
    expect(addBusinessMinutes(nineToFiveNY, at(NY, '2026-11-28T10:00'), 0).toISO()).toBe('2026-11-28T15:00:00.000Z');
  });
  it('a start exactly at close counts from the next opening: Mon 17:00 + 1 = Tue 09:01', () => {
    expect(addBusinessMinutes(nineToFiveNY, at(NY, '2026-11-23T17:00'), 1).toISO()).toBe('2026-11-24T14:01:00.000Z');
  });
  it('intervals are half-open: opening time is inside, closing time is not', () => {
    expect(isBusinessTime(nineToFiveNY, at(NY, '2026-11-23T09:00'))).toBe(true);
    expect(isBusinessTime(nineToFiveNY, at(NY, '2026-11-23T08:59:59.999'))).toBe(false);
    expect(isBusinessTime(nineToFiveNY, at(NY, '2026-11-23T16:59:59.999'))).toBe(true);
    expect(isBusinessTime(nineToFiveNY, at(NY, '2026-11-23T17:00'))).toBe(false);
  });
  it('nextBusinessTime: itself inside hours, the next opening outside', () => {
    expect(nextBusinessTime(nineToFiveNY, at(NY, '2026-11-23T10:15')).toISO()).toBe('2026-11-23T15:15:00.000Z');
    expect(nextBusinessTime(nineToFiveNY, at(NY, '2026-11-23T17:00')).toISO()).toBe('2026-11-24T14:00:00.000Z');
    expect(nextBusinessTime(nineToFiveNY, at(NY, '2026-11-28T10:00')).toISO()).toBe('2026-11-30T14:00:00.000Z');
  });
  it('is fractional to the millisecond and negative backwards', () => {
    expect(businessMinutesBetween(nineToFiveNY, at(NY, '2026-11-23T09:00'), at(NY, '2026-11-23T09:00:00.030'))).toBe(0.0005);
    expect(businessMinutesBetween(nineToFiveNY, at(NY, '2026-11-30T09:30'), at(NY, '2026-11-27T16:30'))).toBe(-60);
  });
  it('a week is 40 hours', () => {
    expect(businessMinutesBetween(nineToFiveNY, at(NY, '2026-11-22T00:00'), at(NY, '2026-11-29T00:00'))).toBe(2400);
  });
  // Spring forward: 2026-03-08 07:00Z, 02:00 EST -> 03:00 EDT. Fall back: 2026-11-01 06:00Z, 02:00 EDT -> 01:00 EST.
  it('keeps 9–17 local across spring forward: Fri 16:00 EST + 120 = Mon 10:00 EDT (14:00Z)', () => {
    expect(addBusinessMinutes(nineToFiveNY, at(NY, '2026-03-06T16:00'), 120).toISO()).toBe('2026-03-09T14:00:00.000Z');
    expect(businessMinutesBetween(nineToFiveNY, utc('2026-03-06T21:00'), utc('2026-03-09T14:00'))).toBe(120);
  });
  it('keeps 9–17 local across fall back: Fri 16:00 EDT + 120 = Mon 10:00 EST (15:00Z)', () => {
    expect(addBusinessMinutes(nineToFiveNY, at(NY, '2026-10-30T16:00'), 120).toISO()).toBe('2026-11-02T15:00:00.000Z');
  });
});

describe('24x7 across DST is real elapsed time', () => {
  it('New York spring forward: Sat 12:00 EST -> Sun 12:00 EDT is 23 h', () => {
    expect(businessMinutesBetween(allWeekNY, at(NY, '2026-03-07T12:00'), at(NY, '2026-03-08T12:00'))).toBe(23 * 60);
    expect(addBusinessMinutes(allWeekNY, at(NY, '2026-03-07T12:00'), 1440).toISO()).toBe('2026-03-08T17:00:00.000Z');
  });
  it('New York fall back: Sat 12:00 EDT -> Sun 12:00 EST is 25 h', () => {
    expect(businessMinutesBetween(allWeekNY, at(NY, '2026-10-31T12:00'), at(NY, '2026-11-01T12:00'))).toBe(25 * 60);
  });
  it('Europe/London spring forward (01:00Z, 01:00 GMT -> 02:00 BST): Sunday is 23 h', () => {
    const london = createCalendar({ timezone: 'Europe/London', weekly: everyDay(['00:00', '00:00']) });
    expect(businessMinutesBetween(london, utc('2026-03-29T00:00'), utc('2026-03-29T23:00'))).toBe(23 * 60);
  });
  it('Australia/Lord_Howe (30-minute DST): 2026-04-05 has 24.5 h, 2026-10-04 has 23.5 h', () => {
    // 2026-04-04T15:00Z: 02:00 (+11:00) -> 01:30 (+10:30); 2026-10-03T15:30Z: 02:00 (+10:30) -> 02:30 (+11:00).
    const lordHowe = createCalendar({ timezone: 'Australia/Lord_Howe', weekly: everyDay(['00:00', '00:00']) });
    expect(businessMinutesBetween(lordHowe, at('Australia/Lord_Howe', '2026-04-05T00:00'), at('Australia/Lord_Howe', '2026-04-06T00:00'))).toBe(1470);
    expect(businessMinutesBetween(lordHowe, at('Australia/Lord_Howe', '2026-10-04T00:00'), at('Australia/Lord_Howe', '2026-10-05T00:00'))).toBe(1410);
  });
  it('Pacific/Chatham (+12:45/+13:45): Sunday 2026-09-27 has 23 h', () => {
    // 2026-09-26T14:00Z: 02:45 (+12:45) -> 03:45 (+13:45).
    const chatham = createCalendar({ timezone: 'Pacific/Chatham', weekly: everyDay(['00:00', '00:00']) });
    expect(businessMinutesBetween(chatham, utc('2026-09-26T11:15'), utc('2026-09-27T10:15'))).toBe(23 * 60);
  });
  it('America/Sao_Paulo 2018: the midnight that never happened (00:00 -> 01:00)', () => {
    // 2018-11-04T03:00Z: Sat 23:59:59 (-03:00) is followed by Sun 01:00 (-02:00).
    const saoPaulo = createCalendar({ timezone: 'America/Sao_Paulo', weekly: everyDay(['00:00', '00:00']) });
    expect(businessMinutesBetween(saoPaulo, utc('2018-11-03T15:00'), utc('2018-11-04T14:00'))).toBe(23 * 60);
    const sundayEarly = createCalendar({ timezone: 'America/Sao_Paulo', weekly: { sun: [['00:00', '02:00']] } });
    // Only 01:00–02:00 (-02:00) exists: 03:00Z–04:00Z.
    expect(businessMinutesBetween(sundayEarly, utc('2018-11-03T00:00'), utc('2018-11-05T00:00'))).toBe(60);
    expect(nextBusinessTime(sundayEarly, utc('2018-11-03T12:00')).toISO()).toBe('2018-11-04T03:00:00.000Z');
  });
});

describe('business hours that touch a DST transition (membership semantics)', () => {
  const london = createCalendar({ timezone: 'Europe/London', weekly: { sun: [['00:30', '02:30']] } });
  it('a skipped hour contributes nothing: London 2026-03-29 00:30–02:30 is 60 min', () => {
    // 00:30–01:00 GMT (00:30Z–01:00Z) then 02:00–02:30 BST (01:00Z–01:30Z); 01:00–02:00 local never happens.
    expect(businessMinutesBetween(london, utc('2026-03-28T12:00'), utc('2026-03-30T00:00'))).toBe(60);
    expect(addBusinessMinutes(london, utc('2026-03-29T00:00'), 45).toISO()).toBe('2026-03-29T01:15:00.000Z');
  });
  it('a repeated hour counts twice: London 2026-10-25 00:30–02:30 is 180 min', () => {
    // 00:30 BST (23:30Z) … 02:00 BST = 01:00 GMT (01:00Z) … 02:30 GMT (02:30Z): 3 real hours.
    expect(businessMinutesBetween(london, utc('2026-10-24T12:00'), utc('2026-10-26T00:00'))).toBe(180);
    expect(addBusinessMinutes(london, utc('2026-10-24T12:00'), 180).toISO()).toBe('2026-10-25T02:30:00.000Z');
    expect(isBusinessTime(london, utc('2026-10-25T01:45'))).toBe(true); // 01:45 GMT, the second 01:45
  });
  it('Lord Howe 01:00–03:00 on its transition Sundays: 90 min in October, 150 min in April', () => {
    const lordHowe = createCalendar({ timezone: 'Australia/Lord_Howe', weekly: { sun: [['01:00', '03:00']] } });
    // October: 01:00 (+10:30) = 14:30Z; 02:00–02:30 is skipped at 15:30Z; 03:00 (+11:00) = 16:00Z.
    expect(businessMinutesBetween(lordHowe, utc('2026-10-03T00:00'), utc('2026-10-04T00:00'))).toBe(90);
    // April: 01:00 (+11:00) = 14:00Z; at 15:00Z 02:00 becomes 01:30; 03:00 (+10:30) = 16:30Z.
    expect(businessMinutesBetween(lordHowe, utc('2026-04-04T00:00'), utc('2026-04-05T00:00'))).toBe(150);
    expect(addBusinessMinutes(lordHowe, utc('2026-04-04T14:00'), 120).toISO()).toBe('2026-04-04T16:00:00.000Z');
  });
  it('a New York Saturday night shift is 9 h on the fall-back night and 7 h on the spring-forward night', () => {
    const nights = createCalendar({ timezone: NY, weekly: { sat: [['22:00', '06:00']] } });
    expect(businessMinutesBetween(nights, at(NY, '2026-10-31T00:00'), at(NY, '2026-11-02T00:00'))).toBe(540);
    expect(businessMinutesBetween(nights, at(NY, '2026-03-07T00:00'), at(NY, '2026-03-09T00:00'))).toBe(420);
    // Sat 22:00 EDT (02:00Z) + 5 h: 22, 23, 00, 01 EDT, 01 EST -> 02:00 EST = 07:00Z.
    expect(addBusinessMinutes(nights, at(NY, '2026-10-31T22:00'), 300).toISO()).toBe('2026-11-01T07:00:00.000Z');
  });
});

describe('other zones', () => {
  it('Pacific/Chatham 9–17: Fri 16:00 (+12:45) + 120 = Mon 10:00 (+13:45)', () => {
    const chatham = createCalendar({ timezone: 'Pacific/Chatham', weekly: weekdays(['09:00', '17:00']) });
    expect(addBusinessMinutes(chatham, at('Pacific/Chatham', '2026-09-25T16:00'), 120).toISO()).toBe('2026-09-27T20:15:00.000Z');
  });
  it('Asia/Kolkata (+05:30, no DST) 9–17', () => {
    const kolkata = createCalendar({ timezone: 'Asia/Kolkata', weekly: weekdays(['09:00', '17:00']) });
    expect(addBusinessMinutes(kolkata, at('Asia/Kolkata', '2026-11-23T09:00'), 90).toISO()).toBe('2026-11-23T05:00:00.000Z');
    expect(businessMinutesBetween(kolkata, at('Asia/Kolkata', '2026-11-23T00:00'), at('Asia/Kolkata', '2026-11-30T00:00'))).toBe(2400);
  });
});

describe('holidays (London 9–17 Mon–Fri; GMT in winter)', () => {
  const holidays = [
    { date: '2026-12-24', from: '12:00', to: '24:00' },
    { date: '2026-12-25' },
    { date: '2026-12-28' },
    { annual: '01-01' },
  ];
  const london = createCalendar({ timezone: 'Europe/London', weekly: weekdays(['09:00', '17:00']), holidays });
  it('a partial holiday leaves 09:00–12:00 on Christmas Eve', () => {
    expect(businessMinutesBetween(london, utc('2026-12-24T00:00'), utc('2026-12-25T00:00'))).toBe(180);
  });
  it('holidays next to a weekend: Thu 11:00 + 120 skips Fri, Sat, Sun and Mon -> Tue 10:00', () => {
    expect(addBusinessMinutes(london, utc('2026-12-24T11:00'), 120).toISO()).toBe('2026-12-29T10:00:00.000Z');
  });
  it('an annual holiday: Thu 2026-12-31 16:00 + 120 skips Fri 2027-01-01 -> Mon 2027-01-04 10:00', () => {
    expect(addBusinessMinutes(london, utc('2026-12-31T16:00'), 120).toISO()).toBe('2027-01-04T10:00:00.000Z');
  });
  it('two weeks around Christmas: 27 h + 24 h', () => {
    expect(businessMinutesBetween(london, utc('2026-12-21T00:00'), utc('2027-01-04T00:00'))).toBe(51 * 60);
  });
  it('nextBusinessTime skips a holiday and the weekend after it', () => {
    expect(nextBusinessTime(london, utc('2026-12-25T12:00')).toISO()).toBe('2026-12-29T09:00:00.000Z');
  });
  it('a date listed twice is harmless', () => {
    const twice = createCalendar({ timezone: 'Europe/London', weekly: weekdays(['09:00', '17:00']), holidays: [...holidays, ...holidays] });
    expect(addBusinessMinutes(twice, utc('2026-12-24T11:00'), 120).toISO()).toBe('2026-12-29T10:00:00.000Z');
    expect(businessMinutesBetween(twice, utc('2026-12-21T00:00'), utc('2027-01-04T00:00'))).toBe(51 * 60);
  });
  it('a range of dates closes each of them', () => {
    const range = createCalendar({ timezone: 'Europe/London', weekly: weekdays(['09:00', '17:00']), holidays: [{ date: '2026-12-24', through: '2027-01-01' }] });
    expect(nextBusinessTime(range, utc('2026-12-23T18:00')).toISO()).toBe('2027-01-04T09:00:00.000Z');
  });
  it('02-29 applies in leap years only', () => {
    const leap = createCalendar({ timezone: 'UTC', weekly: everyDay(['09:00', '17:00']), holidays: [{ annual: '02-29' }] });
    expect(businessMinutesBetween(leap, utc('2028-02-29T00:00'), utc('2028-03-01T00:00'))).toBe(0);
    expect(businessMinutesBetween(leap, utc('2027-02-28T00:00'), utc('2027-03-02T00:00'))).toBe(960);
  });
  it('a holiday on a 23-hour day removes 23 hours of a 24x7 calendar', () => {
    const allWeek = createCalendar({ timezone: NY, weekly: everyDay(['00:00', '00:00']), holidays: [{ date: '2026-03-08' }] });
    expect(businessMinutesBetween(allWeek, at(NY, '2026-03-07T00:00'), at(NY, '2026-03-10T00:00'))).toBe(48 * 60);
  });
});

describe('night shifts and holidays (Europe/Berlin, CET = UTC+1 in December)', () => {
  const BERLIN = 'Europe/Berlin';
  const shifts = createCalendar({
    timezone: BERLIN,
    weekly: { thu: [['22:00', '06:00']], fri: [['22:00', '06:00']] },
    holidays: [{ date: '2026-12-25' }],
  });
  it("a full holiday closes its own date only: Thursday's tail on the Friday holiday is closed, Friday's tail on Saturday is open", () => {
    // Thu 22–24 (open) + Fri 00–06 (holiday) + Fri 22–24 (holiday) + Sat 00–06 (open) = 8 h.
    expect(businessMinutesBetween(shifts, at(BERLIN, '2026-12-24T00:00'), at(BERLIN, '2026-12-27T00:00'))).toBe(480);
    expect(isBusinessTime(shifts, at(BERLIN, '2026-12-24T23:00'))).toBe(true);
    expect(isBusinessTime(shifts, at(BERLIN, '2026-12-25T03:00'))).toBe(false);
    expect(isBusinessTime(shifts, at(BERLIN, '2026-12-25T23:00'))).toBe(false);
    expect(isBusinessTime(shifts, at(BERLIN, '2026-12-26T03:00'))).toBe(true);
  });
  it('a night shift runs on across midnight: Thu 23:00 + 120 = Fri 01:00 on an ordinary week', () => {
    expect(addBusinessMinutes(shifts, at(BERLIN, '2026-12-17T23:00'), 120).toISO()).toBe('2026-12-18T00:00:00.000Z');
  });
  it("Saturday's night shift wraps to Sunday morning", () => {
    const saturdayNight = createCalendar({ timezone: 'UTC', weekly: { sat: [['22:00', '02:00']] } });
    expect(businessMinutesBetween(saturdayNight, utc('2026-11-28T00:00'), utc('2026-11-30T00:00'))).toBe(240);
  });
});

describe('interval shapes', () => {
  it('a split shift skips lunch, and the earliest instant is the close of the morning', () => {
    const split = createCalendar({ timezone: NY, weekly: { mon: [['09:00', '12:00'], ['13:00', '17:00']] } });
    expect(addBusinessMinutes(split, at(NY, '2026-11-23T11:30'), 60).toISO()).toBe('2026-11-23T18:30:00.000Z');
    expect(addBusinessMinutes(split, at(NY, '2026-11-23T11:00'), 60).toISO()).toBe('2026-11-23T17:00:00.000Z');
    expect(addBusinessMinutes(split, at(NY, '2026-11-23T12:00'), 1).toISO()).toBe('2026-11-23T18:01:00.000Z');
    expect(businessMinutesBetween(split, at(NY, '2026-11-23T00:00'), at(NY, '2026-11-24T00:00'))).toBe(420);
  });
  it('overlapping intervals are unioned', () => {
    const overlapping = createCalendar({ timezone: 'UTC', weekly: { mon: [['09:00', '13:00'], ['12:00', '17:00']] } });
    expect(businessMinutesBetween(overlapping, utc('2026-11-23T00:00'), utc('2026-11-24T00:00'))).toBe(480);
  });
  it('["00:00", "00:00"] is the whole day', () => {
    const monday = createCalendar({ timezone: 'UTC', weekly: { mon: [['00:00', '00:00']] } });
    expect(businessMinutesBetween(monday, utc('2026-11-22T00:00'), utc('2026-11-25T00:00'))).toBe(1440);
  });
  it('24x5 in one zone: Fri 23:00 + 120 = Mon 01:00', () => {
    const allWeekdays = createCalendar({ timezone: 'UTC', weekly: weekdays(['00:00', '00:00']) });
    expect(addBusinessMinutes(allWeekdays, utc('2026-11-27T23:00'), 120).toISO()).toBe('2026-11-30T01:00:00.000Z');
  });
});

describe('follow-the-sun 24x5: Sydney (+11), London (+0), Los Angeles (-8), each 9–17 Mon–Fri', () => {
  // In UTC: Sydney 22:00–06:00 (from Sunday 22:00), London 09:00–17:00, Los Angeles 17:00–01:00 (to Saturday 01:00).
  const followTheSun = createCalendar({
    union: [
      { timezone: 'Australia/Sydney', weekly: weekdays(['09:00', '17:00']) },
      { timezone: 'Europe/London', weekly: weekdays(['09:00', '17:00']) },
      { timezone: 'America/Los_Angeles', weekly: weekdays(['09:00', '17:00']) },
    ],
  });
  it('a week is 3 × 40 h minus the 3 h a day Los Angeles and Sydney overlap (Mon–Thu): 108 h', () => {
    expect(businessMinutesBetween(followTheSun, utc('2026-11-23T00:00'), utc('2026-11-30T00:00'))).toBe(108 * 60);
  });
  it('the gap between Sydney and London is closed', () => {
    expect(isBusinessTime(followTheSun, utc('2026-11-24T07:00'))).toBe(false);
    expect(nextBusinessTime(followTheSun, utc('2026-11-24T07:00')).toISO()).toBe('2026-11-24T09:00:00.000Z');
  });
  it('Friday evening in Los Angeles runs into Monday morning in Sydney', () => {
    expect(addBusinessMinutes(followTheSun, utc('2026-11-27T23:00'), 60).toISO()).toBe('2026-11-28T00:00:00.000Z');
    // 120 min until Sat 01:00Z, then Sydney Mon 09:00 = Sun 22:00Z + 60.
    expect(addBusinessMinutes(followTheSun, utc('2026-11-27T23:00'), 180).toISO()).toBe('2026-11-29T23:00:00.000Z');
  });
});
