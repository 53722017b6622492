import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadRegistryTickets } from '../../lib/reports/registry-source.ts';
import { ticket } from './fixtures.ts';

const seen = ticket({ id: '42', requester: { email: 'ann@acme.example' }, createdAt: '2026-11-03T10:00:00Z' });

describe('loadRegistryTickets', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is empty before the background has stored anything', async () => {
    await expect(loadRegistryTickets()).resolves.toEqual([]);
  });

  it('reads every entry’s ticket from the background’s registry item', async () => {
    const entry = { origin: 'https://acme.zendesk.com', ticket: seen, firstSeenAt: '2026-11-03T10:05:00Z', lastSeenAt: '2026-11-04T09:00:00Z', revision: 2 };
    await fakeBrowser.storage.local.set({ 'ticket-registry': { entries: { 'zendesk|https://acme.zendesk.com|42': entry } } });
    await expect(loadRegistryTickets()).resolves.toEqual([seen]);
  });

  it('names the field when the stored registry is invalid', async () => {
    await fakeBrowser.storage.local.set({ 'ticket-registry': { entries: { key: { ticket: { ...seen, createdAt: 'yesterday' } } } } });
    await expect(loadRegistryTickets()).rejects.toThrow(/Invalid stored tickets: entries\.key\.ticket\.createdAt/);
  });
});
