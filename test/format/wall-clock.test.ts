/**
 * The Intl-based wall clock against Luxon (the engine's reference for zones) on random instants in
 * zones with DST, half-hour and 45-minute offsets, southern-hemisphere rules and a skipped day.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isValidTimeZone, utcMsOfWallClock, wallClockAt, zoneOffsetMinutesAt, type WallClock } from '../../lib/format/wall-clock.ts';

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'America/St_Johns', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu', 'Pacific/Apia', 'Africa/Casablanca'];
const RUNS = Number(process.env.SLA_PROPERTY_RUNS ?? 300);
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });
const zone = fc.constantFrom(...ZONES);
const wall = (year: number, month: number, day: number, hour: number, minute = 0): WallClock => ({ year, month, day, hour, minute, second: 0, millisecond: 0 });

describe('wallClockAt and zoneOffsetMinutesAt', () => {
  it('read the same wall clock and offset as Luxon', () => {
    fc.assert(
      fc.property(instant, zone, (utcMs, zoneName) => {
        const luxon = DateTime.fromMillis(utcMs, { zone: zoneName });
        expect(wallClockAt(utcMs, zoneName)).toEqual({ year: luxon.year, month: luxon.month, day: luxon.day, hour: luxon.hour, minute: luxon.minute, second: luxon.second, millisecond: luxon.millisecond });
        expect(zoneOffsetMinutesAt(utcMs, zoneName)).toBe(luxon.offset);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads instants before 1970 and midnight', () => {
    expect(wallClockAt(Date.UTC(1969, 11, 31, 23, 59, 59, 250), 'UTC')).toEqual({ ...wall(1969, 12, 31, 23, 59), second: 59, millisecond: 250 });
    expect(wallClockAt(Date.UTC(2026, 10, 22, 23), 'Europe/Berlin')).toEqual(wall(2026, 11, 23, 0));
  });
});

describe('utcMsOfWallClock', () => {
  it('round-trips every wall clock that occurs exactly once', () => {
    fc.assert(
      fc.property(instant, zone, (utcMs, zoneName) => {
        const reading = wallClockAt(utcMs, zoneName);
        const luxon = DateTime.fromObject(reading, { zone: zoneName });
        // Luxon resolves repeated times by a guess that depends on today's date: compare only times that occur once.
        const shiftMs = Math.abs(zoneOffsetMinutesAt(utcMs - 86_400_000, zoneName) - zoneOffsetMinutesAt(utcMs + 86_400_000, zoneName)) * 60_000;
        const repeated = shiftMs > 0 && [utcMs - shiftMs, utcMs + shiftMs].some((other) => JSON.stringify(wallClockAt(other, zoneName)) === JSON.stringify({ ...reading, millisecond: ((other % 1000) + 1000) % 1000 }));
        if (!repeated) expect(utcMsOfWallClock(reading, zoneName)).toBe(luxon.toMillis());
      }),
      { numRuns: RUNS },
    );
  });

  it('moves a time skipped by spring-forward ahead by the gap', () => {
    // Berlin 2026-03-29: 02:00 → 03:00 CEST, so 02:30 does not exist and reads as 03:30 (01:30 UTC).
    expect(utcMsOfWallClock(wall(2026, 3, 29, 2, 30), 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    // Lord Howe moves by 30 minutes: 02:00 → 02:30 on 2026-10-04.
    expect(utcMsOfWallClock(wall(2026, 10, 4, 2, 15), 'Australia/Lord_Howe')).toBe(DateTime.fromISO('2026-10-04T02:45', { zone: 'Australia/Lord_Howe' }).toMillis());
    // Samoa skipped 30 December 2011 entirely (−10 → +14).
    expect(utcMsOfWallClock(wall(2011, 12, 30, 12), 'Pacific/Apia')).toBe(DateTime.fromISO('2011-12-31T12:00', { zone: 'Pacific/Apia' }).toMillis());
  });

  it('takes the first of two occurrences when clocks fall back', () => {
    // New York 2026-11-01: 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
    expect(utcMsOfWallClock(wall(2026, 11, 1, 1, 30), 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 5, 30));
    // Chatham 2026-04-05: 03:45 +13:45 → 02:45 +12:45, so 03:15 happens twice.
    expect(utcMsOfWallClock(wall(2026, 4, 5, 3, 15), 'Pacific/Chatham')).toBe(Date.UTC(2026, 3, 4, 13, 30));
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA zones and rejects anything else', () => {
    expect(['Europe/Berlin', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'].map(isValidTimeZone)).toEqual([true, true, true, true]);
    expect(['Mars/Olympus', '', 'Berlin', '+01:00 nonsense'].map(isValidTimeZone)).toEqual([false, false, false, false]);
  });
});
