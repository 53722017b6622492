import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyRegistry, upsertTickets } from '../../lib/registry/ticket-registry.ts';
import { configItem } from '../../lib/storage/config-storage.ts';
import { preferencesItem } from '../../lib/storage/preferences-storage.ts';
import { queuePinsItem } from '../../lib/storage/queue-storage.ts';
import { ticketRegistryItem } from '../../lib/storage/ticket-registry-storage.ts';
import { connectQueueStore, createQueueStore } from '../../lib/state/queue-store.ts';
import { eventually } from '../background/harness.ts';
import { at, configuredConfig, makeTicket, ORIGIN, T0 } from '../registry/fixtures.ts';

const granted = () => Promise.resolve(['https://*.zendesk.com/*']);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('queue store', () => {
  it('hydrates from storage', async () => {
    const registry = upsertTickets(emptyRegistry(), [{ origin: ORIGIN, ticket: makeTicket() }], at(T0)).registry;
    await ticketRegistryItem.setValue(registry);
    await preferencesItem.setValue({ me: ['Ada'] });
    await configItem.setValue(configuredConfig());
    const store = createQueueStore();
    expect(store.getState().status).toBe('loading');
    await connectQueueStore(store, { grantedOrigins: granted });
    expect(store.getState()).toMatchObject({ status: 'ready', registry, me: ['Ada'], configured: true, grantedOrigins: ['https://*.zendesk.com/*'], problems: [] });
  });

  it('follows the background’s writes and configuration changes', async () => {
    const store = createQueueStore();
    const stop = await connectQueueStore(store, { grantedOrigins: granted });
    expect(store.getState().configured).toBe(false);

    const registry = upsertTickets(emptyRegistry(), [{ origin: ORIGIN, ticket: makeTicket() }], at(T0)).registry;
    await ticketRegistryItem.setValue(registry);
    await configItem.setValue(configuredConfig());
    await eventually(() => expect(store.getState()).toMatchObject({ registry, configured: true }));

    stop();
    await ticketRegistryItem.setValue(emptyRegistry());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.getState().registry).toEqual(registry);
  });

  it('names stored data it cannot use, and clears the problem once the data is good again', async () => {
    await queuePinsItem.setValue([{ origin: 'not an origin', helpdesk: 'zendesk', queueId: '1', label: 'x' }]);
    const store = createQueueStore();
    await connectQueueStore(store, { grantedOrigins: granted });
    expect(store.getState().pins).toEqual([]);
    expect(store.getState().problems).toEqual([expect.stringContaining('Invalid pinned queues: [0].origin')]);

    await queuePinsItem.setValue([]);
    await eventually(() => expect(store.getState().problems).toEqual([]));
  });

  it('says so when it cannot load at all', async () => {
    const store = createQueueStore();
    await connectQueueStore(store, { grantedOrigins: () => Promise.reject(new Error('permissions unavailable')) });
    expect(store.getState()).toMatchObject({ status: 'error', loadError: 'permissions unavailable' });
  });
});
