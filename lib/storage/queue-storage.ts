import { storage } from 'wxt/utils/storage';
import { queuePinsSchema, type QueuePin } from '../registry/queue-pins.ts';
import { emptyRefreshStatus, refreshStatusSchema, type RefreshStatus } from '../registry/refresh-plan.ts';
import { readStored, type Stored } from './stored-value.ts';

/** Team queues pinned by a team lead (written by the background on the pin messages). */
export const queuePinsItem = storage.defineItem<QueuePin[]>('local:queue-pins', { fallback: [], version: 1, migrations: {} });

/** How the background's reads of each helpdesk site and pinned queue went. */
export const refreshStatusItem = storage.defineItem<RefreshStatus>('local:refresh-status', {
  fallback: emptyRefreshStatus(),
  version: 1,
  migrations: {},
});

/**
 * The pinned queues, validated.
 *
 * @example
 * const { value: pins } = await readQueuePins();
 */
export function readQueuePins(): Promise<Stored<QueuePin[]>> {
  return readStored(queuePinsItem, queuePinsSchema, 'pinned queues');
}

/**
 * The refresh status, validated.
 *
 * @example
 * const { value: status } = await readRefreshStatus();
 */
export function readRefreshStatus(): Promise<Stored<RefreshStatus>> {
  return readStored(refreshStatusItem, refreshStatusSchema, 'refresh status');
}
