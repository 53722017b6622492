import { DateTime } from 'luxon';
import type { Config } from '../../lib/plans/index.ts';
import { dueAlerts, isNewsworthy, pruneLog, recordAlerts, type AlertScope } from '../../lib/notifications/alerts.ts';
import { nextThresholdMs, pendingThresholds, quietState, type ThresholdWatch } from '../../lib/notifications/schedule.ts';
import { clockRunId, isCrossed } from '../../lib/notifications/thresholds.ts';
import { nextChangeMs, type EvaluationCache } from '../../lib/registry/evaluation-cache.ts';
import { badgeSummary, openTickets, type TrackedTicket } from '../../lib/registry/risk.ts';
import type { TicketRegistry } from '../../lib/registry/ticket-registry.ts';
import { createCalendar } from '../../lib/sla/index.ts';
import { notificationLogItem, readNotificationLog } from '../../lib/storage/notification-log-storage.ts';
import { readPreferences } from '../../lib/storage/preferences-storage.ts';
import { scheduleTick } from './alarms.ts';
import { showBadge } from './badge.ts';
import { showAlerts } from './notifications.ts';
import { createCoalescingRunner } from './serial.ts';
import type { Evaluate, TicketStore } from './ticket-store.ts';

export interface ReconcileDeps {
  store: TicketStore;
  now: () => DateTime;
  evaluate: Evaluate;
  /** The browser's time zone: deadlines in notifications are shown in it unless the agent's working hours say otherwise. */
  systemZone: string;
}

function earliest(instants: readonly (number | undefined)[]): number | undefined {
  const defined = instants.filter((instant): instant is number => instant !== undefined);
  return defined.length === 0 ? undefined : Math.min(...defined);
}

function earliestChange(cache: EvaluationCache): number | undefined {
  return earliest(Object.values(cache.byKey).map((cached) => nextChangeMs(cached.evaluation)));
}

/**
 * Brings everything derived from the registry up to date, after any change (a page read, a
 * background refresh, new configuration or preferences, an alarm, a worker start): recomputes stale
 * evaluations, sets the badge, shows due notifications, and sets the one tick alarm for the earliest
 * instant anything will change next. Calls made while it runs coalesce into one more run.
 */
export function createReconciler(deps: ReconcileDeps): () => Promise<void> {
  return createCoalescingRunner(async () => {
    const now = deps.now();
    const { registry, cache, loaded } = await deps.store.maintain();
    const tickets = openTickets(registry, cache);
    await showBadge(badgeSummary(tickets));
    const thresholdWake = loaded.isEmpty ? undefined : await notify(deps, tickets, registry, loaded.config, now);
    await scheduleTick(earliest([earliestChange(cache), thresholdWake]), now.toMillis());
  });
}

/** Shows what is due and returns when the next notification threshold is crossed. */
async function notify(deps: ReconcileDeps, tickets: readonly TrackedTicket[], registry: TicketRegistry, config: Config, now: DateTime): Promise<number | undefined> {
  const [{ value: preferences }, { value: storedLog }] = await Promise.all([readPreferences(), readNotificationLog()]);
  const { notifications } = preferences;
  if (!notifications.enabled) return undefined;
  const scope: AlertScope = { scope: notifications.scope, me: preferences.me };
  const workingHours = notifications.workingHours === null ? undefined : createCalendar(notifications.workingHours);
  const quiet = quietState(workingHours, now);

  let log = pruneLog(storedLog, new Set(Object.keys(registry.entries)));
  const due = dueAlerts(tickets, notifications.thresholds, log, scope);
  // Outside working hours nothing is logged: what is due then is shown (most urgent only) when work starts.
  if (due.length > 0 && !quiet.quiet) {
    await showAlerts(
      due.filter((alert) => isNewsworthy(alert, log)),
      workingHours?.timezone ?? deps.systemZone,
      now,
    );
    log = recordAlerts(log, due, now);
  }
  if (JSON.stringify(log) !== JSON.stringify(storedLog)) await notificationLogItem.setValue(log);

  const probe = (watch: ThresholdWatch, atMs: number): boolean => {
    const entry = registry.entries[watch.ticketKey];
    if (!entry) return false;
    try {
      const later = deps.evaluate(entry.ticket, config, DateTime.fromMillis(atMs, { zone: 'utc' }));
      const clock = later.clocks.find((candidate) => clockRunId(candidate) === clockRunId(watch.clock));
      return clock !== undefined && isCrossed(clock, watch.threshold);
    } catch {
      return false;
    }
  };
  const next = nextThresholdMs(pendingThresholds(tickets, notifications.thresholds, log, scope, now), probe);
  if (!quiet.quiet) return next;
  // While quiet, the earliest useful wake-up is when work starts (if anything is or becomes due by then).
  const until = quiet.until?.toMillis();
  if (until === undefined) return undefined;
  if (due.length > 0) return until;
  return next === undefined ? undefined : Math.max(next, until);
}
