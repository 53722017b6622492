/**
 * The storage key of the configuration, in `storage.local` (the admin's) and `storage.managed`
 * (enterprise policy). Its own module so the content script can watch it for changes without loading
 * the configuration schema (it asks the background for what it needs: message `siteForPage`).
 */
export const CONFIG_STORAGE_KEY = 'config';

/**
 * Did a `storage.onChanged` event touch the configuration?
 *
 * @example
 * isConfigChange({ config: { newValue: {} } }, 'local') // => true
 * isConfigChange({ registry: { newValue: {} } }, 'local') // => false
 */
export function isConfigChange(changes: Record<string, unknown>, areaName: string): boolean {
  return (areaName === 'local' || areaName === 'managed') && CONFIG_STORAGE_KEY in changes;
}
