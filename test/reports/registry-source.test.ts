import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyRegistry, upsertTickets } from '../../lib/registry/ticket-registry.ts';
import { loadRegistryTickets } from '../../lib/reports/registry-source.ts';
import { ticketRegistryItem } from '../../lib/storage/ticket-registry-storage.ts';
import { ticket } from './fixtures.ts';

const seen = ticket({ id: '42', requester: { email: 'ann@acme.example' }, createdAt: '2026-11-03T10:00:00Z' });

describe('loadRegistryTickets', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is empty before the background has stored anything', async () => {
    await expect(loadRegistryTickets()).resolves.toEqual([]);
  });

  it('reads every entry’s ticket from the background’s registry', async () => {
    const { registry } = upsertTickets(emptyRegistry(), [{ origin: 'https://acme.zendesk.com', ticket: seen }], DateTime.fromISO('2026-11-03T10:05:00Z'));
    await ticketRegistryItem.setValue(registry);
    await expect(loadRegistryTickets()).resolves.toEqual([seen]);
  });

  it('names the field when the stored registry is invalid', async () => {
    const entry = { origin: 'https://acme.zendesk.com', ticket: { ...seen, createdAt: 'yesterday' }, firstSeenAt: '2026-11-03T10:05:00Z', lastSeenAt: '2026-11-03T10:05:00Z', revision: 0 };
    await fakeBrowser.storage.local.set({ 'ticket-registry': { entries: { key: entry } } });
    await expect(loadRegistryTickets()).rejects.toThrow(/Invalid stored tickets: entries\.key\.ticket\.createdAt/);
  });
});
