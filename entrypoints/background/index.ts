import { defineBackground } from '#imports';
import { DateTime } from 'luxon';
import { browser } from 'wxt/browser';
import { adapters } from '../../lib/adapters/registry.ts';
import { evaluateTicket } from '../../lib/plans/index.ts';
import { ticketLink } from '../../lib/registry/ticket-registry.ts';
import { configItem, managedConfigItem } from '../../lib/storage/config-storage.ts';
import { preferencesItem } from '../../lib/storage/preferences-storage.ts';
import { ensureRefreshAlarm, listenToAlarms } from './alarms.ts';
import { listenToPermissionChanges, syncContentScripts } from './content-scripts.ts';
import { registerMessageHandlers } from './messages.ts';
import { listenToNotificationClicks } from './notifications.ts';
import { createReconciler } from './reconcile.ts';
import { createRefresher } from './refresh.ts';
import { createTicketStore } from './ticket-store.ts';

/**
 * The background worker. It may be stopped whenever idle and started again by any event, so every
 * listener is registered synchronously here and all state lives in storage (see ticket-store.ts).
 */
export default defineBackground(() => {
  const now = () => DateTime.utc();
  const logFailure = (what: string) => (error: unknown) => console.error(`SLA Lens: ${what}`, error);

  // The ticket registry and its evaluations (one owner, persisted).
  const store = createTicketStore({ now, evaluate: evaluateTicket });

  // After any change: evaluations, badge, notifications, the next tick alarm.
  const reconcileNow = createReconciler({ store, now, evaluate: evaluateTicket, systemZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  const reconcile = () => reconcileNow().catch(logFailure('updating clocks, badge and notifications failed'));

  // Re-reading helpdesks with no tab open (alarm, refresh button, new pin).
  const refresh = createRefresher({
    store,
    now,
    adapters,
    fetch: (url, init) => fetch(url, init),
    hasHostPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
    afterIngest: reconcile,
  });

  // Content scripts, popup and options pages.
  registerMessageHandlers({ store, now, adapters, refresh, afterChange: reconcile });

  // Alarms: the earliest clock change, and the periodic refresh.
  listenToAlarms({
    tick: reconcile,
    refresh: () => refresh().catch(logFailure('refreshing from the helpdesks failed')),
  });

  // Notifications open their ticket.
  listenToNotificationClicks(async (key) => {
    const entry = await store.find(key);
    return entry && ticketLink(entry);
  });

  // New configuration or preferences: re-evaluate, re-notify, re-schedule.
  // A site added, removed or switched to another helpdesk also changes which content script runs where.
  const onConfigChange = () => {
    void reconcile();
    void syncContentScripts({ injectIntoOpenTabs: true }).catch(logFailure('syncing content scripts with configured sites failed'));
  };
  configItem.watch(onConfigChange);
  managedConfigItem.watch(onConfigChange);
  preferencesItem.watch(() => void reconcile());

  // Self-hosted helpdesks granted at runtime get their helpdesk's content script.
  listenToPermissionChanges();
  void syncContentScripts().catch(logFailure('syncing content scripts with granted sites failed'));

  void ensureRefreshAlarm().catch(logFailure('setting the refresh alarm failed'));
  void reconcile();
});
