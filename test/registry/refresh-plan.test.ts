import { describe, expect, it } from 'vitest';
import { addPin, pinKey, queuePinSchema, removePin, type QueuePin } from '../../lib/registry/queue-pins.ts';
import {
  backoffMs,
  batches,
  emptyRefreshStatus,
  parseRetryAfter,
  planRefresh,
  recordSiteFailure,
  recordSiteSuccess,
} from '../../lib/registry/refresh-plan.ts';
import { emptyRegistry, upsertTickets } from '../../lib/registry/ticket-registry.ts';
import { at, makeTicket, ORIGIN } from './fixtures.ts';

const NOW = at('2026-11-23T12:00:00Z');
const tier2: QueuePin = { origin: ORIGIN, helpdesk: 'zendesk', queueId: '360001', label: 'Tier 2' };

describe('queue pins', () => {
  it('adds, relabels and removes pins by site and queue', () => {
    const pins = addPin([], tier2);
    expect(addPin(pins, { ...tier2, label: 'Tier 2 (EMEA)' })).toEqual([{ ...tier2, label: 'Tier 2 (EMEA)' }]);
    expect(addPin(pins, { ...tier2, queueId: '360002' })).toHaveLength(2);
    expect(removePin(pins, { origin: ORIGIN, helpdesk: 'zendesk', queueId: '360001' })).toEqual([]);
  });

  it('validates pins: an origin, not a URL with a path', () => {
    expect(queuePinSchema.safeParse(tier2).success).toBe(true);
    expect(queuePinSchema.safeParse({ ...tier2, origin: `${ORIGIN}/agent` }).success).toBe(false);
    expect(queuePinSchema.safeParse({ ...tier2, origin: 'javascript:alert(1)' }).success).toBe(false);
    expect(queuePinSchema.safeParse({ ...tier2, queueId: '  ' }).success).toBe(false);
  });
});

describe('planRefresh', () => {
  const registry = upsertTickets(
    upsertTickets(
      emptyRegistry(),
      [
        { origin: ORIGIN, ticket: makeTicket({ id: 'read-long-ago' }) },
        { origin: ORIGIN, ticket: makeTicket({ id: 'solved', status: 'solved' }) },
        { origin: 'https://support.example.com', ticket: makeTicket({ id: '7', helpdesk: 'zammad' }) },
      ],
      at('2026-11-23T08:00:00Z'),
    ).registry,
    [{ origin: ORIGIN, ticket: makeTicket({ id: 'read-recently' }) }],
    at('2026-11-23T11:00:00Z'),
  ).registry;

  it('groups open tickets by site, least recently read first, and adds pinned queues', () => {
    const plan = planRefresh(registry, [tier2], emptyRefreshStatus(), NOW);
    expect(plan.targets).toEqual([
      { helpdesk: 'zendesk', origin: ORIGIN, ticketIds: ['read-long-ago', 'read-recently'], pins: [tier2] },
      { helpdesk: 'zammad', origin: 'https://support.example.com', ticketIds: ['7'], pins: [] },
    ]);
  });

  it('caps the tickets per site', () => {
    expect(planRefresh(registry, [], emptyRefreshStatus(), NOW, 1).targets[0]?.ticketIds).toEqual(['read-long-ago']);
  });

  it('leaves a site alone while it backs off, and reads it again afterwards', () => {
    const status = recordSiteFailure(emptyRefreshStatus(), ORIGIN, 'zendesk', NOW, 'HTTP 429', 120_000);
    const plan = planRefresh(registry, [], status, NOW.plus({ minutes: 1 }));
    expect(plan.targets.map((target) => target.origin)).toEqual(['https://support.example.com']);
    expect(plan.waiting).toEqual([{ origin: ORIGIN, until: '2026-11-23T12:02:00.000Z' }]);
    expect(planRefresh(registry, [], status, NOW.plus({ minutes: 2, seconds: 1 })).targets).toHaveLength(2);
  });
});

describe('backoff', () => {
  it('follows Retry-After when given, else doubles from a minute up to an hour', () => {
    expect(backoffMs(1, 5_000)).toBe(5_000);
    expect([1, 2, 3, 7, 20].map((failures) => backoffMs(failures))).toEqual([60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
    expect(backoffMs(1, 10 * 86_400_000)).toBe(86_400_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });

  it('counts consecutive failures and forgets them on success', () => {
    let status = recordSiteFailure(emptyRefreshStatus(), ORIGIN, 'zendesk', NOW, 'HTTP 500');
    status = recordSiteFailure(status, ORIGIN, 'zendesk', NOW, 'HTTP 500');
    expect(status.sites[ORIGIN]).toMatchObject({ failures: 2, lastError: 'HTTP 500', backoffUntil: '2026-11-23T12:02:00.000Z' });
    status = recordSiteSuccess(status, ORIGIN, 'zendesk', NOW, 3);
    expect(status.sites[ORIGIN]).toEqual({ helpdesk: 'zendesk', lastAttemptAt: '2026-11-23T12:00:00.000Z', lastSuccessAt: '2026-11-23T12:00:00.000Z', ticketsRead: 3, failures: 0 });
  });

  it('splits work into batches', () => {
    expect(batches(['1', '2', '3', '4', '5'], 2)).toEqual([['1', '2'], ['3', '4'], ['5']]);
    expect(pinKey(tier2)).toBe(`zendesk|${ORIGIN}|360001`);
  });
});
