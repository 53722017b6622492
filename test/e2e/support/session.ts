import type { Page } from 'playwright-core';
import { launchExtensionBrowser, type ExtensionBrowser, type HostMapping } from '../../../demo/kit/browser.ts';
import { overlay } from '../../../demo/kit/surfaces.ts';
import { recordRequests, type LoggedRequest } from './network-log.ts';

/** The agent's zone in every suite: deadlines on the page are shown in it (customers are elsewhere). */
export const AGENT_ZONE = 'Europe/Berlin';
/** How long a surface may take to show what a test waits for. Generous for a shared 2-core machine, but bounded. */
export const SURFACE_TIMEOUT_MS = 20_000;

export interface Session {
  browser: ExtensionBrowser;
  requests: LoggedRequest[];
  /** Errors the pages and the service worker logged (uncaught exceptions and console.error). */
  errors: string[];
}

/**
 * Launches Chromium with an extension build, recording every request and every error.
 *
 * @example
 * const session = await startSession({ extensionDir: EXTENSION_DIR, hostMappings, trustedSpki: [tls.spkiSha256] });
 */
export async function startSession(options: { extensionDir: string; hostMappings?: readonly HostMapping[]; trustedSpki?: readonly string[] }): Promise<Session> {
  const browser = await launchExtensionBrowser({ ...options, headless: true, timezone: AGENT_ZONE });
  const requests = recordRequests(browser.context);
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
  };
  browser.context.pages().forEach(watch);
  browser.context.on('page', watch);
  const worker = await browser.serviceWorker();
  worker.on('console', (message) => {
    if (message.type() === 'error') errors.push(`service worker: ${message.text()}`);
  });
  return { browser, requests, errors };
}

/** One countdown of the ticket strip, as the agent sees it. */
export interface StripClock {
  label: string;
  /** running, warning, breached, paused, waiting, met, met_late */
  state: string;
  status: string;
  deadline: string;
  binding: boolean;
  /** The deadline in the customer's zone (hover text). */
  customerDeadline: string;
}

/**
 * Waits until the ticket strip shows clocks (at least `minimum`) and reads them.
 *
 * @example
 * const clocks = await readStrip(page);
 */
export async function readStrip(page: Page, minimum = 1): Promise<{ header: string; clocks: StripClock[]; text: string }> {
  await page.waitForFunction(
    ({ selector, minimum: count }) => (document.querySelector(selector)?.shadowRoot?.querySelectorAll('li.clock').length ?? 0) >= count,
    { selector: overlay.strip, minimum },
    { timeout: SURFACE_TIMEOUT_MS },
  );
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)?.shadowRoot;
    const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
    const clocks = [...(root?.querySelectorAll('li.clock') ?? [])].map((item) => ({
      label: text(item.querySelector('.label')),
      state: item.getAttribute('data-state') ?? '',
      status: text(item.querySelector('.status')),
      deadline: text(item.querySelector('.deadline')),
      binding: item.getAttribute('data-binding') === 'binding',
      customerDeadline: item.querySelector('.deadline')?.getAttribute('title') ?? '',
    }));
    return { header: text(root?.querySelector('.strip-header')), clocks, text: text(root?.querySelector('section')) };
  }, overlay.strip);
}

/** One list row's badge, as the agent sees it (the title is what hovering shows). */
export interface RowBadge {
  /** The row's text (the helpdesk's own columns), to tell rows apart. */
  rowText: string;
  state: string;
  label: string;
  time: string;
  rank: string;
  binding: string;
  title: string;
}

/**
 * Waits until `count` badges show a time (or a reason) and reads them, hovering each for its title.
 *
 * @example
 * const badges = await readBadges(page, 3);
 */
export async function readBadges(page: Page, count: number): Promise<RowBadge[]> {
  await page.waitForFunction(
    ({ selector, count: wanted }) =>
      [...document.querySelectorAll(selector)].filter((host) => (host.shadowRoot?.querySelector('.time')?.textContent ?? '') !== '').length >= wanted,
    { selector: overlay.badge, count },
    { timeout: SURFACE_TIMEOUT_MS },
  );
  const hosts = page.locator(overlay.badge);
  const badges: RowBadge[] = [];
  for (let index = 0; index < (await hosts.count()); index++) {
    const host = hosts.nth(index);
    await host.hover();
    badges.push(
      await host.evaluate((element) => {
        const box = element.shadowRoot?.querySelector('.badge');
        const text = (selector: string) => box?.querySelector(selector)?.textContent.trim() ?? '';
        const row = element.closest('tr, [role="row"], li, .tickets__list') ?? element.parentElement;
        return {
          rowText: row?.textContent.replace(/\s+/g, ' ').trim() ?? '',
          state: box?.getAttribute('data-state') ?? '',
          label: text('.sr-only').replace(/:\s*$/, ''),
          time: text('.time'),
          rank: text('.rank'),
          binding: box?.getAttribute('data-binding') ?? '',
          title: (element as HTMLElement).title,
        };
      }),
    );
  }
  return badges;
}
