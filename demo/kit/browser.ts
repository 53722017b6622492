import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** Debian's Chromium (unbranded: it still honours `--load-extension`, which Google Chrome 137+ ignores). */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_INSTALL_HINT = 'apt-get install -y --no-install-recommends chromium   (Debian 12; or set CHROMIUM_PATH to a Chromium binary)';

/**
 * The Chromium to drive: `$CHROMIUM_PATH`, else Debian's. Never a browser downloaded by a test tool.
 *
 * @throws when it is not installed, saying what to install.
 */
export function chromiumPath(): string {
  const path = process.env['CHROMIUM_PATH'] ?? DEFAULT_CHROMIUM;
  if (!existsSync(path)) throw new Error(`Chromium was not found at ${path}. Install it:\n  ${CHROMIUM_INSTALL_HINT}`);
  return path;
}

/** A host name pattern the browser resolves to a local server (`*.zendesk.com` → 127.0.0.1:port). */
export interface HostMapping {
  host: string;
  port: number;
}

export interface LaunchOptions {
  /** The unpacked, built extension (`.output/chrome-mv3`). */
  extensionDir: string;
  headless: boolean;
  /** SaaS hosts served locally; every other name fails to resolve, so nothing reaches the internet by accident. */
  hostMappings?: readonly HostMapping[];
  /** Public-key hashes of the local certificates (see local-tls.ts), trusted by this profile only. */
  trustedSpki?: readonly string[];
  /** The agent's time zone, for pages and the service worker alike. */
  timezone?: string;
  /** Page size; headed windows default to their own size (null). */
  viewport?: { width: number; height: number } | null;
}

/** Chromium with SLA Lens loaded in a throw-away profile. */
export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://<id>/<path>` */
  extensionUrl(path: string): string;
  /** The extension's service worker, started again if Chromium stopped it while idle. */
  serviceWorker(): Promise<Worker>;
  /** Opens an extension page (popup.html, options.html…) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes the browser and deletes the profile; safe to call twice. */
  close(): Promise<void>;
}

/** Flags for a quiet, offline-friendly profile (research/helpdesk-e2e.md §8): no sync, updates or first-run UI. */
const QUIET_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-default-apps', '--no-default-browser-check', '--disable-features=Translate,OptimizationHints,MediaRouter'];

function hostResolverRules(mappings: readonly HostMapping[]): string {
  // Loopback stays reachable (Request Tracker and the demo run there); any other name is NOTFOUND.
  return [...mappings.map(({ host, port }) => `MAP ${host} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost'].join(', ');
}

/**
 * Launches Chromium with the extension (a persistent context: extensions do not load in incognito-like
 * contexts) and waits for its service worker.
 *
 * @example
 * const browser = await launchExtensionBrowser({ extensionDir: '.output/chrome-mv3', headless: true });
 * const popup = await browser.openExtensionPage('popup.html');
 */
export async function launchExtensionBrowser(options: LaunchOptions): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sla-lens-profile-'));
  const args = [
    ...QUIET_FLAGS,
    `--disable-extensions-except=${options.extensionDir}`,
    `--load-extension=${options.extensionDir}`,
    `--host-resolver-rules=${hostResolverRules(options.hostMappings ?? [])}`,
  ];
  if (options.trustedSpki && options.trustedSpki.length > 0) args.push(`--ignore-certificate-errors-spki-list=${options.trustedSpki.join(',')}`);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      headless: options.headless,
      args,
      // The service worker takes the process's zone, pages the emulated one: both the agent's.
      env: { ...process.env, ...(options.timezone ? { TZ: options.timezone } : {}) },
      ...(options.timezone ? { timezoneId: options.timezone } : {}),
      viewport: options.viewport === undefined ? (options.headless ? { width: 1280, height: 860 } : null) : options.viewport,
      locale: 'en-GB',
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
    const serviceWorker = async (): Promise<Worker> =>
      context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
    const extensionId = new URL((await serviceWorker()).url()).host;
    const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path}`;
    return {
      context,
      extensionId,
      extensionUrl,
      serviceWorker,
      async openExtensionPage(path) {
        const page = await context.newPage();
        await page.goto(extensionUrl(path));
        return page;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
