import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysMs, createCalendar } from '../../lib/sla/index.ts';
import { at, weekdays } from './helpers.ts';

const NY = 'America/New_York';
// Thanksgiving (Thu 2026-11-26) closed; Friday after it closes at 12:00.
const nineToFive = createCalendar({
  timezone: NY,
  weekly: weekdays(['09:00', '17:00']),
  holidays: [{ date: '2026-11-26' }, { date: '2026-11-27', from: '12:00', to: '24:00' }],
});

describe('addBusinessDays: the same business offset N business dates later', () => {
  it('Mon 12:00 + 1 = Tue 12:00 (3 h into the day, 3 h into the next)', () => {
    expect(addBusinessDays(nineToFive, at(NY, '2026-11-23T12:00'), 1).toISO()).toBe('2026-11-24T17:00:00.000Z');
  });
  it('skips a holiday: Tue 10:00 + 5 = Wed, (Thu closed), Fri, Mon, Tue, Wed Dec 2 10:00', () => {
    expect(addBusinessDays(nineToFive, at(NY, '2026-11-24T10:00'), 5).toISO()).toBe('2026-12-02T15:00:00.000Z');
  });
  it('a shorter target date caps the offset: Wed 15:00 (6 h in) + 1 = Fri 12:00, the end of its 3 hours', () => {
    expect(addBusinessDays(nineToFive, at(NY, '2026-11-25T15:00'), 1).toISO()).toBe('2026-11-27T17:00:00.000Z');
  });
  it('a start before opening has offset 0: Mon 08:00 + 1 = the end of Monday, 17:00', () => {
    expect(addBusinessDays(nineToFive, at(NY, '2026-11-23T08:00'), 1).toISO()).toBe('2026-11-23T22:00:00.000Z');
    expect(addBusinessDays(nineToFive, at(NY, '2026-11-23T09:00'), 1).toISO()).toBe('2026-11-23T22:00:00.000Z');
  });
  it('a start at close has the whole day behind it: Mon 17:00 + 1 = Tue 17:00', () => {
    expect(addBusinessDays(nineToFive, at(NY, '2026-11-23T17:00'), 1).toISO()).toBe('2026-11-24T22:00:00.000Z');
  });
  it('a weekend counts as the previous business date\'s close: Sat 12:00 + 1 = Mon 17:00', () => {
    // Friday 2026-11-27 is a half day (3 h); Monday has 8 h, so the offset (3 h) lands at Mon 12:00.
    expect(addBusinessDays(nineToFive, at(NY, '2026-11-28T12:00'), 1).toISO()).toBe('2026-11-30T17:00:00.000Z');
    const plain = createCalendar({ timezone: NY, weekly: weekdays(['09:00', '17:00']) });
    expect(addBusinessDays(plain, at(NY, '2026-11-28T12:00'), 1).toISO()).toBe('2026-11-30T22:00:00.000Z');
  });
  it('keeps local business time across DST: Fri 10:00 EDT + 1 = Mon 10:00 EST', () => {
    expect(addBusinessDays(nineToFive, at(NY, '2026-10-30T10:00'), 1).toISO()).toBe('2026-11-02T15:00:00.000Z');
  });
  it('+ 0 is the start', () => {
    expect(addBusinessDays(nineToFive, at(NY, '2026-11-28T12:00'), 0).toISO()).toBe('2026-11-28T17:00:00.000Z');
  });
  it('counts days in a union\'s day zone', () => {
    const followTheSun = createCalendar({
      timezone: 'Europe/London',
      union: [
        { timezone: 'Australia/Sydney', weekly: weekdays(['09:00', '17:00']) },
        { timezone: 'Europe/London', weekly: weekdays(['09:00', '17:00']) },
      ],
    });
    // London date Tue 2026-11-24 before 10:00Z holds 7 h of business time: Sydney 00:00Z–06:00Z (its Tuesday
    // 09:00–17:00) and London 09:00Z–10:00Z. Wednesday's date has the same shape, so 7 h into it is 10:00Z.
    expect(addBusinessDays(followTheSun, at('Europe/London', '2026-11-24T10:00'), 1).toISO()).toBe('2026-11-25T10:00:00.000Z');
  });
  it('rejects fractional or negative day counts', () => {
    expect(() => addBusinessDays(nineToFive, at(NY, '2026-11-23T12:00'), 1.5)).toThrow(/whole number/);
    expect(() => addBusinessDays(nineToFive, at(NY, '2026-11-23T12:00'), -1)).toThrow(/whole number/);
  });
});

describe('businessDaysMs: the allowance N business days make', () => {
  it('Mon 12:00 + 1 business day = 8 business hours (to Tue 12:00); across the holiday, 5 days from Tue 10:00 = 35 h', () => {
    expect(businessDaysMs(nineToFive, at(NY, '2026-11-23T12:00').toMillis(), 1)).toBe(8 * 3_600_000);
    // Tue 10:00–17:00 7 h, Wed 8 h, Thu closed, Fri 3 h (half day), Mon 8 h, Tue 8 h, Wed Dec 2 09:00–10:00 1 h
    expect(businessDaysMs(nineToFive, at(NY, '2026-11-24T10:00').toMillis(), 5)).toBe((7 + 8 + 3 + 8 + 8 + 1) * 3_600_000);
    expect(businessDaysMs(nineToFive, at(NY, '2026-11-24T10:00').toMillis(), 0)).toBe(0);
  });
});
