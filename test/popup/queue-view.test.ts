import { describe, expect, it } from 'vitest';
import { emptyRefreshStatus } from '../../lib/registry/refresh-plan.ts';
import { emptyRegistry, upsertTickets } from '../../lib/registry/ticket-registry.ts';
import { buildQueueView, DEFAULT_FILTERS, formatRelative, type QueueData } from '../../lib/state/queue-view.ts';
import type { Ticket } from '../../lib/ticket.ts';
import { at, configuredConfig, fakeEvaluate, makeTicket, ORIGIN, T0 } from '../registry/fixtures.ts';

const config = configuredConfig();
const READ_AT = at(T0).plus({ minutes: 50 });

function data(tickets: Ticket[]): QueueData {
  const registry = upsertTickets(emptyRegistry(), tickets.map((ticket) => ({ origin: ORIGIN, ticket })), READ_AT).registry;
  const byKey = Object.fromEntries(
    Object.entries(registry.entries).map(([key, entry]) => [key, { revision: 0, configStamp: 'test', evaluation: fakeEvaluate(entry.ticket, config, READ_AT) }]),
  );
  return { registry, cache: { byKey }, pins: [], refreshStatus: emptyRefreshStatus(), me: [], myGroups: [], configured: true, grantedOrigins: [], problems: [] };
}

describe('buildQueueView', () => {
  it('orders groups by their most urgent ticket', () => {
    const view = buildQueueView(
      data([
        makeTicket({ id: '1', organization: 'Zeta', fields: { target: '45' } }),
        makeTicket({ id: '2', organization: 'Alpha', fields: { target: '60' } }),
        makeTicket({ id: '3', organization: 'Zeta', fields: { target: '65' } }),
      ]),
      { ...DEFAULT_FILTERS, groupBy: 'customer' },
      READ_AT,
    );
    expect(view.rows.map((row) => (row.kind === 'group' ? `[${row.label}]` : row.ticket.id))).toEqual(['[Zeta]', '1', '3', '[Alpha]', '2']);
    expect(view.shown).toBe(3);
  });

  it('says when listed tickets were last read long ago', () => {
    const queue = data([makeTicket({ fields: { target: '600' } })]);
    const fresh = buildQueueView(queue, { ...DEFAULT_FILTERS, state: 'open' }, READ_AT.plus({ minutes: 30 }));
    expect(fresh.notices.map((notice) => notice.key)).not.toContain('stale');
    const later = buildQueueView(queue, { ...DEFAULT_FILTERS, state: 'open' }, READ_AT.plus({ hours: 2 }));
    expect(later.notices.find((notice) => notice.key === 'stale')?.text).toBe('1 listed ticket was last read over an hour ago: the helpdesk may have changed since.');
  });

  it('counts tickets no plan covers, outside "All open"', () => {
    const view = buildQueueView(data([makeTicket({ tags: ['no-plan'] })]), DEFAULT_FILTERS, READ_AT);
    expect(view.notices.find((notice) => notice.key === 'not-covered')?.text).toBe('1 open ticket matches no plan (shown under “All open”).');
    expect(buildQueueView(data([makeTicket({ tags: ['no-plan'] })]), { ...DEFAULT_FILTERS, state: 'open' }, READ_AT).rows).toHaveLength(1);
  });

  it('words relative instants', () => {
    expect(formatRelative('2026-11-23T09:58:00Z', at('2026-11-23T10:00:00Z'))).toBe('2 minutes ago');
    expect(formatRelative('2026-11-23T10:05:00Z', at('2026-11-23T10:00:00Z'))).toBe('in 5 minutes');
    expect(formatRelative('2026-11-23T09:59:30Z', at('2026-11-23T10:00:00Z'))).toBe('just now');
  });
});
