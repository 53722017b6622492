import type { DateTime } from 'luxon';
import { browser } from 'wxt/browser';
import { alertText, summaryText, type Alert } from '../../lib/notifications/alerts.ts';
import { NOTIFICATION_ICON } from './notification-icon.ts';

const PREFIX = 'sla-lens:';
const SUMMARY_ID = `${PREFIX}summary`;

/** Alerts shown one by one in a run; the rest are summed up in one notification (a first run over a backlog must not bury the agent). */
export const MAX_INDIVIDUAL_ALERTS = 3;

/**
 * Notification ids carry the ticket's registry key, so a click finds the ticket even after the worker
 * restarted in between.
 */
function notificationId(alert: Alert): string {
  return `${PREFIX}${encodeURIComponent(alert.ticketKey)}:${encodeURIComponent(alert.logIds[0] ?? '')}`;
}

function ticketKeyOf(notificationId: string): string | undefined {
  if (!notificationId.startsWith(PREFIX) || notificationId === SUMMARY_ID) return undefined;
  const [key] = notificationId.slice(PREFIX.length).split(':');
  return key === undefined ? undefined : decodeURIComponent(key);
}

/** Shows alerts (most urgent first) as system notifications. */
export async function showAlerts(alerts: readonly Alert[], zone: string, now: DateTime): Promise<void> {
  const individual = alerts.slice(0, MAX_INDIVIDUAL_ALERTS);
  const rest = alerts.slice(MAX_INDIVIDUAL_ALERTS);
  for (const alert of individual) {
    const { title, message } = alertText(alert, zone, now);
    await browser.notifications.create(notificationId(alert), {
      type: 'basic',
      iconUrl: NOTIFICATION_ICON,
      title,
      message,
      priority: alert.threshold.kind === 'breached' ? 2 : 1,
    });
  }
  if (rest.length > 0) {
    await browser.notifications.create(SUMMARY_ID, { type: 'basic', iconUrl: NOTIFICATION_ICON, ...summaryText(rest) });
  }
}

/** A click on a ticket's notification opens the ticket (its URL, else its helpdesk) in a new tab. */
export function listenToNotificationClicks(findTicketUrl: (ticketKey: string) => Promise<string | undefined>): void {
  browser.notifications.onClicked.addListener((id) => {
    void (async () => {
      const key = ticketKeyOf(id);
      const url = key === undefined ? undefined : await findTicketUrl(key);
      if (url !== undefined) await browser.tabs.create({ url });
      await browser.notifications.clear(id);
    })();
  });
}
