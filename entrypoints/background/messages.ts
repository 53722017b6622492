import type { DateTime } from 'luxon';
import type { Browser } from 'wxt/browser';
import type { HelpdeskAdapter } from '../../lib/adapters/types.ts';
import { onMessages } from '../../lib/messaging/messaging.ts';
import { addPin, pinKey, removePin } from '../../lib/registry/queue-pins.ts';
import { loadConfig } from '../../lib/storage/config-storage.ts';
import { diagnosticsItem, mergeDiagnostics, readDiagnostics } from '../../lib/storage/diagnostics-storage.ts';
import { queuePinsItem, readQueuePins, readRefreshStatus } from '../../lib/storage/queue-storage.ts';
import type { RefreshOutcome } from './refresh.ts';
import { createSerialQueue } from './serial.ts';
import type { TicketStore } from './ticket-store.ts';

export interface MessageDeps {
  store: TicketStore;
  now: () => DateTime;
  adapters: readonly HelpdeskAdapter[];
  refresh: () => Promise<RefreshOutcome>;
  /** Runs after the registry changed (re-evaluation, badge, notifications, alarm). */
  afterChange: () => Promise<void>;
}

/**
 * The origin a content script speaks for. A page may only report about itself: when the browser
 * tells us the sending frame's URL, the claimed page must be on the same origin.
 */
function pageOrigin(claimedUrl: string, sender: Browser.runtime.MessageSender): string {
  const origin = new URL(claimedUrl).origin;
  if (!/^https?:\/\//.test(origin)) throw new Error(`not a helpdesk page: ${claimedUrl}`);
  if (sender.url !== undefined && URL.canParse(sender.url) && new URL(sender.url).origin !== origin) {
    throw new Error(`the page ${origin} does not match the sender ${new URL(sender.url).origin}`);
  }
  return origin;
}

/** Answers every message of lib/messaging/protocol.ts that the background handles (validated both ways by onMessages). */
export function registerMessageHandlers(deps: MessageDeps): void {
  // Read-modify-write of small items: one message at a time per item.
  const serially = createSerialQueue();

  onMessages({
    evaluateTickets: async ({ tickets, pageUrl }, sender) => {
      const origin = pageOrigin(pageUrl, sender);
      const result = await deps.store.ingest(tickets.map((ticket) => ({ origin, ticket })));
      void deps.afterChange();
      return result;
    },

    siteForPage: async ({ pageUrl }, sender) => {
      const origin = pageOrigin(pageUrl, sender);
      const { config } = await loadConfig();
      return { site: config.sites.find((site) => site.origin === origin) ?? null };
    },

    reportDiagnostics: (report, sender) =>
      serially(async () => {
        const origin = pageOrigin(report.origin, sender);
        const { value } = await readDiagnostics();
        await diagnosticsItem.setValue(mergeDiagnostics(value, { ...report, origin }, deps.now()));
        return {};
      }),

    refreshQueue: () => deps.refresh(),

    pinQueue: (pin) =>
      serially(async () => {
        const adapter = deps.adapters.find((candidate) => candidate.id === pin.helpdesk);
        if (!adapter?.listQueue || !adapter.readsWithoutPage) {
          throw new Error(`${adapter?.label ?? pin.helpdesk} queues cannot be read from the background, so they cannot be pinned`);
        }
        const pins = addPin((await readQueuePins()).value, pin);
        await queuePinsItem.setValue(pins);
        // Read the new queue now rather than at the next periodic refresh.
        void deps.refresh();
        return { pins };
      }),

    unpinQueue: (ref) =>
      serially(async () => {
        const pins = removePin((await readQueuePins()).value, ref);
        await queuePinsItem.setValue(pins);
        return { pins };
      }),

    listQueuePins: async () => {
      const [pins, status] = await Promise.all([readQueuePins(), readRefreshStatus()]);
      return { pins: pins.value.map((pin) => ({ ...pin, status: status.value.pins[pinKey(pin)] ?? {} })) };
    },
  });
}
