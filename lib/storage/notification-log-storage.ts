import { storage } from 'wxt/utils/storage';
import { notificationLogSchema, type NotificationLog } from '../notifications/alerts.ts';
import { readStored, type Stored } from './stored-value.ts';

/** Which (ticket, clock, threshold) has been notified; persisted so a restarted worker never repeats one. */
export const notificationLogItem = storage.defineItem<NotificationLog>('local:notification-log', { fallback: {}, version: 1, migrations: {} });

/**
 * The notification log, validated.
 *
 * @example
 * const { value: log } = await readNotificationLog();
 */
export function readNotificationLog(): Promise<Stored<NotificationLog>> {
  return readStored(notificationLogItem, notificationLogSchema, 'notification log');
}
