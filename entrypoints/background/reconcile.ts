import { DateTime } from 'luxon';
import type { Config } from '../../lib/plans/index.ts';
import { dueAlerts, isNewsworthy, pruneLog, recordAlerts, type AlertScope, type NotificationLog } from '../../lib/notifications/alerts.ts';
import { nextThresholdMs, pendingThresholds, quietState, type QuietState, type ThresholdWatch } from '../../lib/notifications/schedule.ts';
import { clockRunId, isCrossed, type Threshold } from '../../lib/notifications/thresholds.ts';
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

/** What notifying needs, read once per run. */
interface AlertSettings {
  thresholds: readonly Threshold[];
  scope: AlertScope;
  storedLog: NotificationLog;
  /** The log without tickets that left the registry. */
  log: NotificationLog;
  quiet: QuietState;
  /** Where deadlines are shown: the agent's working hours' zone, else the browser's. */
  zone: string;
}

async function readAlertSettings(deps: ReconcileDeps, registry: TicketRegistry, now: DateTime): Promise<AlertSettings | undefined> {
  const [{ value: preferences }, { value: storedLog }] = await Promise.all([readPreferences(), readNotificationLog()]);
  const { notifications } = preferences;
  if (!notifications.enabled) return undefined;
  const workingHours = notifications.workingHours === null ? undefined : createCalendar(notifications.workingHours);
  return {
    thresholds: notifications.thresholds,
    scope: { scope: notifications.scope, me: preferences.me },
    storedLog,
    log: pruneLog(storedLog, new Set(Object.keys(registry.entries))),
    quiet: quietState(workingHours, now),
    zone: workingHours?.timezone ?? deps.systemZone,
  };
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
    let snapshot = await deps.store.maintain();
    const alerting = snapshot.loaded.isEmpty ? undefined : await readAlertSettings(deps, snapshot.registry, now);
    if (alerting) {
      // A notification threshold is no nextChangeAt of the plan: tickets whose next threshold may have
      // been crossed since they were evaluated are evaluated again now.
      const tickets = openTickets(snapshot.registry, snapshot.cache);
      const maybeCrossed = pendingThresholds(tickets, alerting.thresholds, alerting.log, alerting.scope, now)
        .filter((watch) => watch.lowerMs <= now.toMillis())
        .map((watch) => watch.ticketKey);
      if (maybeCrossed.length > 0) snapshot = await deps.store.maintain(new Set(maybeCrossed));
    }
    const tickets = openTickets(snapshot.registry, snapshot.cache);
    await showBadge(badgeSummary(tickets));
    const thresholdWake = alerting ? await notify(deps, alerting, tickets, snapshot.registry, snapshot.loaded.config, now) : undefined;
    await scheduleTick(earliest([earliestChange(snapshot.cache), thresholdWake]), now.toMillis());
  });
}

/** Shows what is due and returns when the next notification threshold is crossed. */
async function notify(
  deps: ReconcileDeps,
  settings: AlertSettings,
  tickets: readonly TrackedTicket[],
  registry: TicketRegistry,
  config: Config,
  now: DateTime,
): Promise<number | undefined> {
  const { thresholds, scope, quiet } = settings;
  let { log } = settings;
  const due = dueAlerts(tickets, thresholds, log, scope);
  // Outside working hours nothing is logged: what is due then is shown (most urgent only) when work starts.
  if (due.length > 0 && !quiet.quiet) {
    await showAlerts(
      due.filter((alert) => isNewsworthy(alert, log)),
      settings.zone,
      now,
    );
    log = recordAlerts(log, due, now);
  }
  if (JSON.stringify(log) !== JSON.stringify(settings.storedLog)) await notificationLogItem.setValue(log);

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
  const next = nextThresholdMs(pendingThresholds(tickets, thresholds, log, scope, now), probe);
  if (!quiet.quiet) return next;
  // While quiet, the earliest useful wake-up is when work starts (if anything is or becomes due by then).
  const until = quiet.until?.toMillis();
  if (until === undefined) return undefined;
  if (due.length > 0) return until;
  return next === undefined ? undefined : Math.max(next, until);
}
