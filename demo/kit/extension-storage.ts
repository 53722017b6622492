import type { ExtensionBrowser } from './browser.ts';

/** The slice of the WebExtension API used from Playwright's `evaluate` (a type only: the code runs in the service worker). */
interface ExtensionGlobal {
  chrome: {
    storage: { local: { get(keys: string[] | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
    permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> };
  };
}

/**
 * The key SLA Lens keeps its configuration under in `storage.local` (lib/storage/config-storage.ts:
 * WXT's `local:config`).
 */
export const CONFIG_STORAGE_KEY = 'config';

/**
 * Writes items into the extension's `storage.local` through its service worker, as the options page
 * would after saving (the background and open pages see the change through `storage.onChanged`).
 *
 * @example
 * await writeExtensionStorage(browser, { config: demoConfig });
 */
export async function writeExtensionStorage(browser: ExtensionBrowser, items: Record<string, unknown>): Promise<void> {
  const worker = await browser.serviceWorker();
  await worker.evaluate(async (values) => {
    await (globalThis as unknown as ExtensionGlobal).chrome.storage.local.set(values);
  }, items);
}

/**
 * Reads items of the extension's `storage.local` (all of them without `keys`).
 *
 * @example
 * const { config } = await readExtensionStorage(browser, ['config']);
 */
export async function readExtensionStorage(browser: ExtensionBrowser, keys?: readonly string[]): Promise<Record<string, unknown>> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(
    async (wanted) => (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get(wanted),
    keys ? [...keys] : null,
  );
}

/**
 * The host permissions the extension holds right now (granted at install or at run time).
 *
 * @example
 * await grantedOrigins(browser) // => ['https://*.zendesk.com/*', …]
 */
export async function grantedOrigins(browser: ExtensionBrowser): Promise<string[]> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async () => (await (globalThis as unknown as ExtensionGlobal).chrome.permissions.getAll()).origins ?? []);
}
