import { describe, expect, it } from 'vitest';
import { configStamp, emptyEvaluationCache, staleKeys, withEvaluations } from '../../lib/registry/evaluation-cache.ts';
import {
  emptyRegistry,
  pruneRegistry,
  registryKey,
  supersedes,
  ticketLink,
  ticketRegistrySchema,
  upsertTickets,
  type TicketRegistry,
} from '../../lib/registry/ticket-registry.ts';
import { at, configuredConfig, makeClock, makeEvaluation, makeTicket, ORIGIN, plusMinutes, T0 } from './fixtures.ts';

const NOW = at('2026-11-23T12:00:00Z');
const KEY = registryKey({ helpdesk: 'zendesk', origin: ORIGIN, id: '42' });

describe('upsertTickets', () => {
  it('adds new tickets keyed by helpdesk, origin and id', () => {
    const { registry, changed } = upsertTickets(emptyRegistry(), [{ origin: ORIGIN, ticket: makeTicket() }], NOW);
    expect(changed).toEqual([KEY]);
    expect(registry.entries[KEY]).toMatchObject({ origin: ORIGIN, firstSeenAt: '2026-11-23T12:00:00.000Z', lastSeenAt: '2026-11-23T12:00:00.000Z', revision: 0 });
  });

  it('keeps the same id on two sites or two helpdesks apart', () => {
    const { registry } = upsertTickets(
      emptyRegistry(),
      [
        { origin: ORIGIN, ticket: makeTicket() },
        { origin: 'https://other.zendesk.com', ticket: makeTicket() },
        { origin: ORIGIN, ticket: makeTicket({ helpdesk: 'freshdesk' }) },
      ],
      NOW,
    );
    expect(Object.keys(registry.entries)).toHaveLength(3);
  });

  it('replaces a ticket with a later updatedAt and bumps its revision', () => {
    const first = upsertTickets(emptyRegistry(), [{ origin: ORIGIN, ticket: makeTicket() }], NOW).registry;
    const later = makeTicket({ subject: 'Printer still on fire', updatedAt: plusMinutes(T0, 5) });
    const { registry, changed } = upsertTickets(first, [{ origin: ORIGIN, ticket: later }], NOW.plus({ minutes: 1 }));
    expect(changed).toEqual([KEY]);
    expect(registry.entries[KEY]?.ticket.subject).toBe('Printer still on fire');
    expect(registry.entries[KEY]?.revision).toBe(1);
    expect(registry.entries[KEY]?.firstSeenAt).toBe('2026-11-23T12:00:00.000Z');
  });

  it('keeps the stored ticket when an older version arrives, but marks it seen', () => {
    const newer = makeTicket({ updatedAt: plusMinutes(T0, 10), subject: 'new' });
    const first = upsertTickets(emptyRegistry(), [{ origin: ORIGIN, ticket: newer }], NOW).registry;
    const { registry, changed } = upsertTickets(first, [{ origin: ORIGIN, ticket: makeTicket({ subject: 'old' }) }], NOW.plus({ hours: 1 }));
    expect(changed).toEqual([]);
    expect(registry.entries[KEY]?.ticket.subject).toBe('new');
    expect(registry.entries[KEY]?.lastSeenAt).toBe('2026-11-23T13:00:00.000Z');
  });

  it('never downgrades a complete ticket to an incomplete one with the same updatedAt', () => {
    const complete = makeTicket({ events: [{ at: T0, type: 'customer_message' }, { at: plusMinutes(T0, 3), type: 'internal_note' }] });
    const first = upsertTickets(emptyRegistry(), [{ origin: ORIGIN, ticket: complete }], NOW).registry;
    const summary = makeTicket({ complete: false, events: [] });
    const { registry, changed } = upsertTickets(first, [{ origin: ORIGIN, ticket: summary }], NOW);
    expect(changed).toEqual([]);
    expect(registry.entries[KEY]?.ticket.complete).toBe(true);
    expect(registry.entries[KEY]?.ticket.events).toHaveLength(2);
  });

  it('lets a complete ticket replace an incomplete one with the same updatedAt, and a later incomplete one replace a complete one', () => {
    expect(supersedes(makeTicket({ complete: true }), makeTicket({ complete: false }))).toBe(true);
    expect(supersedes(makeTicket({ complete: false, updatedAt: plusMinutes(T0, 1) }), makeTicket({ complete: true }))).toBe(true);
    expect(supersedes(makeTicket({ complete: false, updatedAt: undefined }), makeTicket({ complete: true, updatedAt: undefined }))).toBe(false);
  });

  it('between two incomplete reads at the same updatedAt, keeps the one that saw more history', () => {
    const summary = makeTicket({ complete: false });
    const fuller = makeTicket({ complete: false, events: [...summary.events, { at: plusMinutes(T0, 20), type: 'agent_reply' }] });
    expect(supersedes(summary, fuller)).toBe(false);
    expect(supersedes(fuller, summary)).toBe(true);
  });

  it('compares updatedAt as instants, not as strings', () => {
    // 10:30+02:00 is 08:30Z, earlier than 09:00Z although it sorts later as text.
    expect(supersedes(makeTicket({ updatedAt: '2026-11-23T10:30:00+02:00' }), makeTicket({ updatedAt: '2026-11-23T09:00:00Z' }))).toBe(false);
  });

  it('does not mutate its input', () => {
    const registry = emptyRegistry();
    upsertTickets(registry, [{ origin: ORIGIN, ticket: makeTicket() }], NOW);
    expect(registry).toEqual(emptyRegistry());
  });

  it('produces registries that pass their own schema (they are stored and read back)', () => {
    const { registry } = upsertTickets(emptyRegistry(), [{ origin: ORIGIN, ticket: makeTicket() }], NOW);
    expect(ticketRegistrySchema.parse(registry)).toEqual(registry);
  });
});

function registryOf(...items: { id: string; status?: 'open' | 'solved' | 'closed'; seen: string; updatedAt?: string }[]): TicketRegistry {
  let registry = emptyRegistry();
  for (const item of items) {
    const ticket = makeTicket({ id: item.id, status: item.status ?? 'open', updatedAt: item.updatedAt ?? T0 });
    registry = upsertTickets(registry, [{ origin: ORIGIN, ticket }], at(item.seen)).registry;
  }
  return registry;
}

describe('pruneRegistry', () => {
  const policy = { closedDays: 7, unseenDays: 30, maxEntries: 100 };

  it('drops solved and closed tickets N days after they were solved', () => {
    const registry = registryOf(
      { id: 'old-solved', status: 'solved', seen: '2026-11-30T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z' },
      { id: 'recent-closed', status: 'closed', seen: '2026-11-30T00:00:00Z', updatedAt: '2026-11-28T00:00:00Z' },
      { id: 'old-open', seen: '2026-11-30T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z' },
    );
    const { registry: pruned, removed } = pruneRegistry(registry, at('2026-11-30T00:00:00Z'), policy);
    expect(removed).toEqual([registryKey({ helpdesk: 'zendesk', origin: ORIGIN, id: 'old-solved' })]);
    expect(Object.keys(pruned.entries)).toHaveLength(2);
  });

  it('uses the status change to solved when the ticket records it', () => {
    const solved = makeTicket({
      id: 's',
      status: 'solved',
      updatedAt: '2026-11-29T00:00:00Z',
      events: [{ at: '2026-11-01T00:00:00Z', type: 'status_change', status: 'solved' }],
    });
    const registry = upsertTickets(emptyRegistry(), [{ origin: ORIGIN, ticket: solved }], at('2026-11-30T00:00:00Z')).registry;
    expect(pruneRegistry(registry, at('2026-11-30T00:00:00Z'), policy).removed).toHaveLength(1);
  });

  it('drops anything unseen for M days, open or not', () => {
    const registry = registryOf({ id: 'forgotten', seen: '2026-10-01T00:00:00Z' }, { id: 'fresh', seen: '2026-11-29T00:00:00Z' });
    expect(pruneRegistry(registry, at('2026-11-30T00:00:00Z'), policy).removed).toEqual([registryKey({ helpdesk: 'zendesk', origin: ORIGIN, id: 'forgotten' })]);
  });

  it('caps the size, dropping closed tickets first, then the least recently seen', () => {
    const registry = registryOf(
      { id: 'a', seen: '2026-11-29T01:00:00Z' },
      { id: 'b', seen: '2026-11-29T03:00:00Z' },
      { id: 'c', status: 'solved', seen: '2026-11-29T04:00:00Z', updatedAt: '2026-11-29T00:00:00Z' },
      { id: 'd', seen: '2026-11-29T02:00:00Z' },
    );
    const { registry: pruned } = pruneRegistry(registry, at('2026-11-30T00:00:00Z'), { ...policy, maxEntries: 2 });
    expect(Object.values(pruned.entries).map((entry) => entry.ticket.id).sort()).toEqual(['b', 'd']);
  });
});

describe('ticketLink', () => {
  it('opens the ticket URL on its own origin, and nothing else', () => {
    expect(ticketLink({ origin: ORIGIN, ticket: makeTicket() })).toBe(`${ORIGIN}/agent/tickets/42`);
    expect(ticketLink({ origin: ORIGIN, ticket: makeTicket({ url: 'https://evil.example/agent/tickets/42' }) })).toBe(ORIGIN);
    expect(ticketLink({ origin: ORIGIN, ticket: makeTicket({ url: undefined }) })).toBe(ORIGIN);
  });
});

describe('evaluation cache', () => {
  const config = configuredConfig();
  const stamp = configStamp(config);
  const registry = upsertTickets(emptyRegistry(), [{ origin: ORIGIN, ticket: makeTicket() }], at(T0)).registry;
  const cached = (overrides: Parameters<typeof makeEvaluation>[0] = {}) => ({ revision: 0, configStamp: stamp, evaluation: makeEvaluation(overrides) });

  it('is stale when missing, for another revision, for another configuration, or past a nextChangeAt', () => {
    const now = at(plusMinutes(T0, 10));
    expect(staleKeys(registry, emptyEvaluationCache(), stamp, now)).toEqual([KEY]);
    expect(staleKeys(registry, { byKey: { [KEY]: cached() } }, stamp, now)).toEqual([]);
    expect(staleKeys(registry, { byKey: { [KEY]: { ...cached(), revision: 1 } } }, stamp, now)).toEqual([KEY]);
    expect(staleKeys(registry, { byKey: { [KEY]: cached() } }, 'another', now)).toEqual([KEY]);
    expect(staleKeys(registry, { byKey: { [KEY]: cached() } }, stamp, at(plusMinutes(T0, 45)))).toEqual([KEY]);
    expect(staleKeys(registry, { byKey: { [KEY]: cached({ clocks: [makeClock({ nextChangeAt: null })] }) } }, stamp, at('2027-01-01T00:00:00Z'))).toEqual([]);
  });

  it('changes its stamp with the configuration', () => {
    expect(configStamp(configuredConfig())).toBe(stamp);
    expect(configStamp({ ...config, plans: {} })).not.toBe(stamp);
  });

  it('drops evaluations of tickets that left the registry', () => {
    const cache = withEvaluations({ byKey: { [KEY]: cached(), gone: cached() } }, registry, {});
    expect(Object.keys(cache.byKey)).toEqual([KEY]);
  });
});
