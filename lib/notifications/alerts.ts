import type { DateTime } from 'luxon';
import { z } from 'zod';
import { formatInstant } from '../format/instant.ts';
import type { Clock, TicketEvaluation } from '../plans/index.ts';
import { instantMs, isoInstant } from '../registry/instants.ts';
import { isAssignedTo, type TrackedTicket } from '../registry/risk.ts';
import type { RegistryEntry } from '../registry/ticket-registry.ts';
import { isoInstantSchema } from '../ticket.ts';
import { clockRunId, isCrossed, isNotifiable, minutesLeftAt, thresholdId, thresholdLabel, type Threshold } from './thresholds.ts';

/**
 * What has been notified: by registry key, then by `clockRunId|thresholdId`, the instant of the
 * notification. Persisted, so a restarted worker never repeats a notification.
 */
export const notificationLogSchema = z.record(z.string(), z.record(z.string(), isoInstantSchema));
export type NotificationLog = z.output<typeof notificationLogSchema>;

/** Which tickets notify. */
export interface AlertScope {
  scope: 'all' | 'mine';
  /** The agent's names or emails as the helpdesks show the assignee (for `mine`). */
  me: readonly string[];
}

/** A notification to show: the most urgent newly crossed threshold of one clock. */
export interface Alert {
  ticketKey: string;
  entry: RegistryEntry;
  evaluation: TicketEvaluation;
  clock: Clock;
  threshold: Threshold;
  /** Log ids this alert covers: the shown threshold and any less urgent ones crossed at the same time. */
  logIds: string[];
}

const logIdOf = (clock: Clock, threshold: Threshold) => `${clockRunId(clock)}|${thresholdId(threshold)}`;

function inScope(ticket: TrackedTicket, scope: AlertScope): boolean {
  return scope.scope === 'all' || isAssignedTo(ticket.entry.ticket, scope.me);
}

/**
 * Thresholds crossed and not yet notified, one alert per clock: only the most urgent crossed threshold
 * is shown (a ticket first seen at 80 % says "75 % used", not also "50 % used"), and the others are
 * logged with it. Breaches come first, then the earliest deadlines.
 *
 * @example
 * dueAlerts(openTickets(registry, cache), DEFAULT_THRESHOLDS, {}, { scope: 'all', me: [] })[0]?.threshold // => { kind: 'breached' }
 */
export function dueAlerts(tickets: readonly TrackedTicket[], thresholds: readonly Threshold[], log: NotificationLog, scope: AlertScope): Alert[] {
  const alerts: Alert[] = [];
  for (const tracked of tickets) {
    const { evaluation } = tracked;
    if (!evaluation || evaluation.match.status !== 'matched' || !inScope(tracked, scope)) continue;
    const logged = log[tracked.key] ?? {};
    for (const clock of evaluation.clocks.filter(isNotifiable)) {
      const crossed = thresholds.filter((threshold) => isCrossed(clock, threshold));
      const fresh = crossed.filter((threshold) => logged[logIdOf(clock, threshold)] === undefined);
      const [mostUrgent] = [...crossed].sort((a, b) => minutesLeftAt(a, clock) - minutesLeftAt(b, clock));
      if (fresh.length === 0 || !mostUrgent) continue;
      alerts.push({
        ticketKey: tracked.key,
        entry: tracked.entry,
        evaluation,
        clock,
        threshold: mostUrgent,
        logIds: fresh.map((threshold) => logIdOf(clock, threshold)),
      });
    }
  }
  const urgency = (alert: Alert) => (alert.threshold.kind === 'breached' ? 0 : 1);
  const deadline = (alert: Alert) => (alert.clock.deadline === null ? Infinity : instantMs(alert.clock.deadline));
  return alerts.sort((a, b) => urgency(a) - urgency(b) || deadline(a) - deadline(b));
}

/**
 * Should this alert be shown, or only logged? An alert is logged silently when its most urgent threshold
 * was notified before (the other crossed thresholds are merely catching up, e.g. after the agent
 * changed thresholds).
 *
 * @example
 * isNewsworthy(alert, log) // => true
 */
export function isNewsworthy(alert: Alert, log: NotificationLog): boolean {
  return log[alert.ticketKey]?.[logIdOf(alert.clock, alert.threshold)] === undefined;
}

/**
 * The log with `alerts` recorded at `now`. Does not mutate `log`.
 *
 * @example
 * recordAlerts({}, alerts, now)['zendesk|https://acme.zendesk.com|42'] // => { 'first_response|2026-11-23T09:00:00Z|breached': '2026-11-23T10:00:00.000Z' }
 */
export function recordAlerts(log: NotificationLog, alerts: readonly Alert[], now: DateTime): NotificationLog {
  const at = isoInstant(now);
  const next: NotificationLog = { ...log };
  for (const alert of alerts) {
    next[alert.ticketKey] = { ...next[alert.ticketKey], ...Object.fromEntries(alert.logIds.map((id) => [id, at])) };
  }
  return next;
}

/**
 * The log without tickets no longer tracked. Does not mutate `log`.
 *
 * @example
 * pruneLog(log, new Set(Object.keys(registry.entries)))
 */
export function pruneLog(log: NotificationLog, liveKeys: ReadonlySet<string>): NotificationLog {
  return Object.fromEntries(Object.entries(log).filter(([key]) => liveKeys.has(key)));
}

/** Title and body of a notification (plain text: notifications never render markup). */
export interface AlertText {
  title: string;
  message: string;
}

/**
 * The words of one alert, with the deadline in the agent's zone.
 *
 * @example
 * alertText(alert, 'Europe/London', now) // => { title: 'Breached: First response', message: '#42 Printer on fire\nAcme · Premium · due 10:00' }
 */
export function alertText(alert: Alert, zone: string, now: DateTime): AlertText {
  const { ticket } = alert.entry;
  const { match } = alert.evaluation;
  const context = [match.status === 'matched' ? match.customerName : undefined, match.status === 'matched' ? match.planName : undefined];
  if (alert.clock.deadline !== null) context.push(`due ${formatInstant(alert.clock.deadline, zone, now.toMillis())}`);
  if (!alert.clock.exact) context.push('estimated');
  return {
    title: `${thresholdLabel(alert.threshold)}: ${alert.clock.label}`,
    message: `#${ticket.id} ${ticket.subject}\n${context.filter((part) => part !== undefined).join(' · ')}`,
  };
}

/**
 * One notification standing for alerts that did not get their own (so a first run over a big backlog
 * does not bury the agent).
 *
 * @example
 * summaryText(alerts) // => { title: 'SLA Lens: 7 more clocks need attention', message: '3 breached, 4 at a threshold — open SLA Lens for the queue' }
 */
export function summaryText(alerts: readonly Alert[]): AlertText {
  const breached = alerts.filter((alert) => alert.threshold.kind === 'breached').length;
  return {
    title: `SLA Lens: ${alerts.length} more clock${alerts.length === 1 ? '' : 's'} need${alerts.length === 1 ? 's' : ''} attention`,
    message: `${breached} breached, ${alerts.length - breached} at a threshold — open SLA Lens for the queue`,
  };
}
