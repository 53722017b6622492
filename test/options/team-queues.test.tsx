// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { QueuesSection } from '../../components/options/queues-section.tsx';
import { App } from '../../entrypoints/options/app.tsx';
import { adapters } from '../../lib/adapters/registry.ts';
import { sendMessage } from '../../lib/messaging/messaging.ts';
import { protocol, type MessageName } from '../../lib/messaging/protocol.ts';
import { emptyConfig, parseConfig, type Site } from '../../lib/plans/index.ts';
import { addPin, pinKey, removePin, type QueuePin } from '../../lib/registry/queue-pins.ts';
import type { PinRefresh } from '../../lib/registry/refresh-plan.ts';
import { configItem } from '../../lib/storage/config-storage.ts';
import { queuePinsItem, readQueuePins, readRefreshStatus, refreshStatusItem } from '../../lib/storage/queue-storage.ts';
import { renderOptions } from './render-options.tsx';

vi.mock(import('../../lib/messaging/messaging.ts'));

const tier2: QueuePin = { origin: 'https://acme.zendesk.com', helpdesk: 'zendesk', queueId: '360001', label: 'Tier 2' };
const escalations: QueuePin = { origin: 'https://rt.example.org', helpdesk: 'request-tracker', queueId: '12', label: 'Escalations' };

/** The background's pin handlers, on the fake browser's storage (what entrypoints/background/messages.ts does). */
async function background(name: MessageName, data: unknown): Promise<unknown> {
  switch (name) {
    case 'pinQueue': {
      const pins = addPin((await readQueuePins()).value, protocol.pinQueue.request.parse(data));
      await queuePinsItem.setValue(pins);
      return { pins };
    }
    case 'unpinQueue': {
      const pins = removePin((await readQueuePins()).value, protocol.unpinQueue.request.parse(data));
      await queuePinsItem.setValue(pins);
      return { pins };
    }
    case 'listQueuePins': {
      const [pins, status] = await Promise.all([readQueuePins(), readRefreshStatus()]);
      return { pins: pins.value.map((pin) => ({ ...pin, status: status.value.pins[pinKey(pin)] ?? {} })) };
    }
    default:
      throw new Error(`unexpected message ${name}`);
  }
}

async function renderQueues({ pins = [], status = {}, sites = [] }: { pins?: QueuePin[]; status?: Record<string, PinRefresh>; sites?: Site[] } = {}) {
  await queuePinsItem.setValue(pins);
  await refreshStatusItem.setValue({ sites: {}, pins: status });
  await configItem.setValue(parseConfig({ ...emptyConfig(), sites }));
  await renderOptions(<QueuesSection />);
  return userEvent.setup();
}

async function fillPin(user: ReturnType<typeof userEvent.setup>, fields: { helpdesk: string; origin: string; queueId: string; label: string }) {
  const form = within(screen.getByRole('form', { name: 'Pin a queue' }));
  await user.selectOptions(form.getByLabelText('Helpdesk'), fields.helpdesk);
  await user.type(form.getByLabelText('Helpdesk address'), fields.origin);
  await user.type(form.getByLabelText('Queue id'), fields.queueId);
  await user.type(form.getByLabelText('Label'), fields.label);
  await user.click(form.getByRole('button', { name: 'Pin queue' }));
}

const pinMessages = () => vi.mocked(sendMessage).mock.calls.filter(([name]) => name === 'pinQueue');
const message = () => screen.getAllByRole('status').at(-1)?.textContent;

beforeEach(() => {
  fakeBrowser.reset();
  // The cast: one implementation answers every message name, as the background's router does.
  vi.mocked(sendMessage).mockReset().mockImplementation(background as typeof sendMessage);
});
afterEach(cleanup);

describe('team queues', () => {
  it('lists the pins with how their last background read went', async () => {
    await renderQueues({
      pins: [tier2, escalations],
      status: {
        [pinKey(tier2)]: { lastReadAt: '2026-11-23T09:40:00.000Z', ticketCount: 12 },
        [pinKey(escalations)]: { lastReadAt: '2026-11-22T16:00:00.000Z', ticketCount: 1, lastError: 'HTTP 404 from https://rt.example.org/REST/2.0/tickets' },
      },
    });
    const first = within(await screen.findByRole('listitem', { name: 'Tier 2' }));
    expect(first.getByText('Zendesk')).toBeDefined();
    expect(first.getByText('Last read 09:40: 12 tickets.')).toBeDefined();
    const second = within(screen.getByRole('listitem', { name: 'Escalations' }));
    expect(second.getByText('Last read failed: HTTP 404 from https://rt.example.org/REST/2.0/tickets (last good read Sun 16:00: 1 ticket)').className).toBe('field-error');
  });

  it('offers only helpdesks whose adapter lists queues', async () => {
    await renderQueues();
    const offered = within(screen.getByLabelText('Helpdesk')).getAllByRole('option').map((option) => option.textContent);
    expect(offered).toEqual(['Zendesk', 'Jira Service Management', 'Zammad', 'Request Tracker']);
    expect(offered).toEqual(adapters.filter((adapter) => adapter.listQueue !== undefined).map((adapter) => adapter.label));
    for (const missing of ['Freshdesk', 'Znuny / OTRS', 'Generic (configurable)']) expect(offered).not.toContain(missing);
  });

  it('pins a queue: sends pinQueue with the origin of the address typed, then shows the new list', async () => {
    const user = await renderQueues();
    expect(await screen.findByText('No queue pinned yet.')).toBeDefined();
    await fillPin(user, { helpdesk: 'Zendesk', origin: 'acme.zendesk.com/agent/filters/360001', queueId: '360001', label: 'Tier 2' });

    expect(sendMessage).toHaveBeenCalledWith('pinQueue', tier2);
    const card = within(await screen.findByRole('listitem', { name: 'Tier 2' }));
    expect(card.getByText('Not read yet.')).toBeDefined();
    expect(message()).toBe('Pinned “Tier 2”; it is read in the background from now on.');
    expect((await readQueuePins()).value).toEqual([tier2]);

    // The background's first read shows up without reloading the page.
    await refreshStatusItem.setValue({ sites: {}, pins: { [pinKey(tier2)]: { lastReadAt: '2026-11-23T09:59:00.000Z', ticketCount: 3 } } });
    expect(await card.findByText('Last read 09:59: 3 tickets.')).toBeDefined();
  });

  it('shows help and examples for the chosen helpdesk’s queue ids, and names an id of the wrong form', async () => {
    const user = await renderQueues();
    const form = within(screen.getByRole('form', { name: 'Pin a queue' }));
    await user.selectOptions(form.getByLabelText('Helpdesk'), 'Jira Service Management');
    expect(form.getByText(/^serviceDeskId\/queueId: .* Examples: 4\/7$/)).toBeDefined();
    expect(form.getByLabelText<HTMLInputElement>('Helpdesk address').placeholder).toBe('https://yourcompany.atlassian.net');
    await user.type(form.getByLabelText('Helpdesk address'), 'https://acme-support.atlassian.net');
    await user.type(form.getByLabelText('Queue id'), '7');
    await user.type(form.getByLabelText('Label'), 'Incidents');
    await user.click(form.getByRole('button', { name: 'Pin queue' }));
    expect(form.getByText('Queue id: a JSM queue is "serviceDeskId/queueId", such as 4/7')).toBeDefined();
    expect(form.getByLabelText('Queue id').getAttribute('aria-invalid')).toBe('true');
    expect(pinMessages()).toEqual([]);
  });

  it('refuses an origin the extension cannot reach, with a message, and sends nothing', async () => {
    const user = await renderQueues({ sites: [{ origin: 'https://helpdesk.example.net', helpdesk: 'znuny' }] });
    const form = within(screen.getByRole('form', { name: 'Pin a queue' }));
    await fillPin(user, { helpdesk: 'Zendesk', origin: 'https://support.example.com', queueId: '360001', label: 'Tier 2' });
    expect(form.getByText('Helpdesk address: SLA Lens cannot reach https://support.example.com: Zendesk sites are at *.zendesk.com')).toBeDefined();
    expect(form.getByLabelText('Helpdesk address').getAttribute('aria-invalid')).toBe('true');

    await user.selectOptions(form.getByLabelText('Helpdesk'), 'Zammad');
    await user.clear(form.getByLabelText('Helpdesk address'));
    await user.type(form.getByLabelText('Helpdesk address'), 'https://zammad.example.org');
    await user.clear(form.getByLabelText('Queue id'));
    await user.type(form.getByLabelText('Queue id'), 'all_open');
    await user.click(form.getByRole('button', { name: 'Pin queue' }));
    expect(form.getByText('Helpdesk address: SLA Lens has no access to https://zammad.example.org: add it under Helpdesks first')).toBeDefined();

    await user.clear(form.getByLabelText('Helpdesk address'));
    await user.type(form.getByLabelText('Helpdesk address'), 'https://helpdesk.example.net');
    await user.click(form.getByRole('button', { name: 'Pin queue' }));
    expect(form.getByText('Helpdesk address: https://helpdesk.example.net is set up as Znuny / OTRS, not Zammad')).toBeDefined();
    expect(pinMessages()).toEqual([]);
  });

  it('pins a queue of a self-hosted helpdesk set up under Helpdesks', async () => {
    const user = await renderQueues({ sites: [{ origin: 'https://zammad.example.org', helpdesk: 'zammad', name: 'Globex Zammad' }] });
    await fillPin(user, { helpdesk: 'Zammad', origin: 'https://zammad.example.org/#ticket/view/all_open', queueId: 'all_open', label: 'All open' });
    expect(sendMessage).toHaveBeenCalledWith('pinQueue', { origin: 'https://zammad.example.org', helpdesk: 'zammad', queueId: 'all_open', label: 'All open' });
    expect(await screen.findByRole('listitem', { name: 'All open' })).toBeDefined();
  });

  it('says why the background refused a pin and keeps what was typed', async () => {
    vi.mocked(sendMessage).mockImplementation(((name: MessageName, data: unknown) =>
      name === 'pinQueue' ? Promise.reject(new Error('pinQueue failed in the background: Zendesk queues cannot be read from the background')) : background(name, data)) as typeof sendMessage);
    const user = await renderQueues();
    await fillPin(user, { helpdesk: 'Zendesk', origin: 'https://acme.zendesk.com', queueId: '360001', label: 'Tier 2' });
    await waitFor(() => expect(message()).toBe('Not pinned: pinQueue failed in the background: Zendesk queues cannot be read from the background'));
    expect(screen.getByLabelText<HTMLInputElement>('Queue id').value).toBe('360001');
  });

  it('unpins a queue with unpinQueue', async () => {
    const user = await renderQueues({ pins: [tier2, escalations] });
    await user.click(await screen.findByRole('button', { name: 'Unpin Tier 2' }));
    expect(sendMessage).toHaveBeenCalledWith('unpinQueue', { origin: tier2.origin, helpdesk: tier2.helpdesk, queueId: tier2.queueId });
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Tier 2' })).toBeNull());
    expect(screen.getByRole('listitem', { name: 'Escalations' })).toBeDefined();
    expect(message()).toBe('Unpinned “Tier 2”.');
    expect((await readQueuePins()).value).toEqual([escalations]);
  });

  it('is a section of the options page', async () => {
    await renderOptions(<App />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Team queues' }));
    expect(screen.getByRole('heading', { name: 'Team queues' })).toBeDefined();
    expect(screen.getByRole('form', { name: 'Pin a queue' })).toBeDefined();
  });

  it('says when the pins cannot be listed', async () => {
    vi.mocked(sendMessage).mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await renderQueues();
    expect((await screen.findByRole('alert')).textContent).toBe('The pinned queues could not be read: Could not establish connection. Receiving end does not exist.');
  });
});
