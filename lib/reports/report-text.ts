import { DateTime } from 'luxon';
import type { CreditEstimate } from '../plans/index.ts';

/** One locale for every report, so the page, the CSV and the customer's copy read the same. */
const LOCALE = 'en-GB';

/**
 * A month for people.
 *
 * @example
 * formatMonth('2026-11') // => 'November 2026'
 */
export function formatMonth(month: string): string {
  return DateTime.fromISO(`${month}-01`, { zone: 'utc', locale: LOCALE }).toFormat('LLLL yyyy');
}

/**
 * A calendar date for people.
 *
 * @example
 * formatDate('2026-12-30') // => '30 Dec 2026'
 */
export function formatDate(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: 'utc', locale: LOCALE }).toFormat('d LLL yyyy');
}

/**
 * An instant as date and time in a given zone (the customer's, in their report).
 *
 * @example
 * formatDateTime('2026-11-03T10:00:00Z', 'Europe/Berlin') // => '3 Nov 2026, 11:00'
 */
export function formatDateTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone, locale: LOCALE }).toFormat('d LLL yyyy, HH:mm');
}

/**
 * A week of a month (both dates in the same month, as report weeks are).
 *
 * @example
 * formatWeek('2026-11-02', '2026-11-08') // => '2–8 Nov'
 * formatWeek('2026-11-01', '2026-11-01') // => '1 Nov'
 */
export function formatWeek(from: string, to: string): string {
  const end = DateTime.fromISO(to, { zone: 'utc', locale: LOCALE }).toFormat('d LLL');
  return from === to ? end : `${Number(from.slice(8, 10))}–${end}`;
}

/**
 * Money with its ISO code, unambiguous for readers in any country.
 *
 * @example
 * formatMoney(400, 'USD') // => 'USD 400.00'
 */
export function formatMoney(amount: number, currency: string): string {
  // The code display puts a no-break space after the code; a plain one keeps text searchable and testable.
  return new Intl.NumberFormat(LOCALE, { style: 'currency', currency, currencyDisplay: 'code' }).format(amount).replace(/\u00a0/g, ' ');
}

/** A credit estimate in words: the amount, how to get it, and the contract's own terms. */
export interface CreditText {
  /** "None", "Up to USD 400.00, at the vendor's discretion", … */
  amount: string;
  /** "Claim by 30 Dec 2026", "No claim needed", or null when nothing is owed. */
  claim: string | null;
  /** "Credits expire 12 months after they are granted." */
  expiry: string | null;
  /** The words of the contract. */
  terms: string | null;
}

/**
 * What a month's credit estimate means. `openTargets` are binding targets not decided yet (a month
 * in progress owes nothing *so far*); `today` (YYYY-MM-DD) tells whether the claim window has closed.
 *
 * @example
 * creditText({ owed: true, kind: 'up-to-percent', amount: 400, currency: 'USD', upTo: true, claimBy: '2026-12-30',
 *   expiresAfterMonths: 12, terms: null }, 0, '2026-12-05').amount // => "Up to USD 400.00, at the vendor's discretion"
 */
export function creditText(credit: CreditEstimate | null, openTargets: number, today: string): CreditText {
  if (!credit) return { amount: 'No service credits in this plan', claim: null, expiry: null, terms: null };
  const terms = credit.terms;
  const expiry = credit.expiresAfterMonths === null ? null : `Credits expire ${credit.expiresAfterMonths} months after they are granted.`;
  if (!credit.owed) {
    const amount = openTargets > 0 ? `None so far (${openTargets} ${openTargets === 1 ? 'target' : 'targets'} still open)` : 'None';
    return { amount, claim: null, expiry, terms };
  }
  const money = credit.amount === null || credit.currency === null ? null : formatMoney(credit.amount, credit.currency);
  const amount = credit.upTo
    ? `Up to ${money ?? 'the contract’s share of the monthly fee (no fee on file)'}, at the vendor's discretion`
    : `${money ?? 'The monthly fee (no fee on file)'}: the full month`;
  let claim = 'No claim needed';
  if (credit.claimBy !== null) claim = today > credit.claimBy ? `The claim window closed on ${formatDate(credit.claimBy)}` : `Claim by ${formatDate(credit.claimBy)}`;
  return { amount, claim, expiry, terms };
}
