import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../lib/format/instant.ts';

const RUNS = Number(process.env.SLA_PROPERTY_RUNS ?? 300);
const now = Date.parse('2026-11-23T12:00:00Z');

/** The same rule written with Luxon: formatInstant must read exactly like it (it was this code before Luxon left the content script). */
function luxonReference(iso: string, zone: string, nowMs: number, locale = 'en-GB'): string {
  const at = DateTime.fromISO(iso, { zone }).setLocale(locale);
  const today = DateTime.fromMillis(nowMs, { zone });
  if (at.hasSame(today, 'day')) return at.toFormat('HH:mm');
  const days = Math.abs(at.startOf('day').diff(today.startOf('day'), 'days').days);
  if (days < 6) return at.toFormat('ccc HH:mm');
  return at.hasSame(today, 'year') ? at.toFormat('d LLL HH:mm') : at.toFormat('d LLL yyyy HH:mm');
}

describe('formatInstant', () => {
  it('is short today and this week, dated further away, with the year only when it differs', () => {
    expect(formatInstant('2026-11-23T14:00:00Z', 'America/New_York', now)).toBe('09:00');
    expect(formatInstant('2026-11-25T08:30:00Z', 'Europe/Berlin', now)).toBe('Wed 09:30');
    expect(formatInstant('2026-11-20T08:30:00Z', 'Europe/Berlin', now)).toBe('Fri 09:30');
    expect(formatInstant('2026-12-02T08:00:00Z', 'Europe/Berlin', now)).toBe('2 Dec 09:00');
    expect(formatInstant('2027-01-04T08:00:00Z', 'Europe/Berlin', now)).toBe('4 Jan 2027 09:00');
  });

  it('decides "today" in the zone shown, not in UTC', () => {
    // 23:30 UTC on the 23rd is already the 24th in Sydney, while "now" (12:00 UTC) is the 23rd's 23:00 there.
    expect(formatInstant('2026-11-23T23:30:00Z', 'Australia/Sydney', now)).toBe('Tue 10:30');
    expect(formatInstant('2026-11-23T12:30:00Z', 'Australia/Sydney', now)).toBe('23:30');
  });

  it('leaves an unreadable instant as it is', () => {
    expect(formatInstant('not a date', 'UTC', now)).toBe('not a date');
  });

  it('reads like the Luxon formulation for any instant and zone', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Santiago'];
    fc.assert(
      fc.property(fc.integer({ min: now - 400 * 86_400_000, max: now + 400 * 86_400_000 }), fc.constantFrom(...zones), (atMs, zone) => {
        const iso = new Date(atMs).toISOString();
        expect(formatInstant(iso, zone, now)).toBe(luxonReference(iso, zone, now));
      }),
      { numRuns: RUNS },
    );
  });
});
