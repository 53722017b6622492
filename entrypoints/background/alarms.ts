import { browser } from 'wxt/browser';
import { ALARM_RESOLUTION_MS } from '../../lib/notifications/schedule.ts';

/** One alarm for the earliest instant anything changes (a clock's nextChangeAt, a notification threshold, the end of quiet hours). */
export const TICK_ALARM = 'sla-lens:tick';
/** Re-reads open tickets and pinned queues from the helpdesks. */
export const REFRESH_ALARM = 'sla-lens:refresh';
export const REFRESH_PERIOD_MINUTES = 5;

/**
 * Sets the tick alarm to `atMs` (or clears it when nothing is due). Chrome delays alarms to at least
 * 30 s away, so an instant already due is asked for then rather than silently postponed.
 */
export async function scheduleTick(atMs: number | undefined, nowMs: number): Promise<void> {
  if (atMs === undefined) {
    await browser.alarms.clear(TICK_ALARM);
    return;
  }
  const when = Math.max(atMs, nowMs + ALARM_RESOLUTION_MS);
  const existing = await browser.alarms.get(TICK_ALARM);
  if (existing?.scheduledTime !== when) await browser.alarms.create(TICK_ALARM, { when });
}

/** Makes sure the periodic refresh alarm exists (alarms usually survive restarts, but not always in every browser). */
export async function ensureRefreshAlarm(): Promise<void> {
  if (!(await browser.alarms.get(REFRESH_ALARM))) {
    await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: 1, periodInMinutes: REFRESH_PERIOD_MINUTES });
  }
}

/** Routes alarms to their handlers. */
export function listenToAlarms(handlers: { tick: () => Promise<unknown>; refresh: () => Promise<unknown> }): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TICK_ALARM) void handlers.tick();
    else if (alarm.name === REFRESH_ALARM) void handlers.refresh();
  });
}
