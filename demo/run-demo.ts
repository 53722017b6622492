import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { demoConfig } from './demo-config.ts';
import { DEMO_VIEW, demoTickets } from './helpdesk/demo-tickets.ts';
import { DEMO_HOST, demoTicketUrl, demoViewUrl, startDemoHelpdesk } from './helpdesk/server.ts';
import { launchExtensionBrowser, type ExtensionBrowser } from './kit/browser.ts';
import { CONFIG_STORAGE_KEY, writeExtensionStorage } from './kit/extension-storage.ts';
import type { LocalHttpsServer } from './kit/local-https.ts';
import { createLocalCertificate } from './kit/local-tls.ts';
import { builtSurfaces, extensionPages, overlay, popupQueue, type BuiltSurfaces } from './kit/surfaces.ts';

export interface DemoOptions {
  /** The built extension (`.output/chrome-mv3`). */
  extensionDir: string;
  headless: boolean;
  /** Where headless runs write screenshots. */
  outputDir: string;
  log: (line: string) => void;
  /** How long to wait for each surface to draw (bounded: a broken build must not hang the demo). */
  surfaceTimeoutMs?: number;
  /** Prefix of the screenshot files (`list-page.png` → `<prefix>list-page.png`). */
  screenshotPrefix?: string;
  /** Called once the browser is up, before any page opens (the end-to-end test records requests here). */
  onBrowser?: (browser: ExtensionBrowser) => void;
}

export interface RunningDemo {
  browser: ExtensionBrowser;
  helpdesk: LocalHttpsServer;
  surfaces: BuiltSurfaces;
  /** Screenshots written (headless), each with what it shows. */
  screenshots: { file: string; shows: string }[];
  /** Surfaces that did not appear in time or are not in this build. */
  problems: string[];
  stop(): Promise<void>;
}

/** The tickets the ticket-page screenshots show: one at risk, one with a met, a paused and a budget line. */
const SHOWCASE_TICKETS = [1002, 1004] as const;
const POPUP_VIEWPORT = { width: 420, height: 600 };

async function waitFor(page: Page, what: string, condition: () => Promise<unknown>, problems: string[]): Promise<void> {
  try {
    await condition();
  } catch (error) {
    problems.push(`${what}: ${error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)}`);
  }
  // The overlay renders in animation frames; two frames later the screenshot shows what the DOM says.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Starts the demo helpdesk, launches Chromium with SLA Lens and the demo configuration, and opens every
 * surface. Headless, it writes one screenshot per surface into `outputDir`; headed, it leaves the tabs
 * open for a person to explore. `stop()` closes the browser and the server.
 *
 * @example
 * const demo = await startDemo({ extensionDir: '.output/chrome-mv3', headless: true, outputDir: 'demo-output', log: console.log });
 * await demo.stop();
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const timeout = options.surfaceTimeoutMs ?? 20_000;
  const nowMs = Date.now();
  const surfaces = builtSurfaces(options.extensionDir);
  const tls = createLocalCertificate([DEMO_HOST]);
  const helpdesk = await startDemoHelpdesk(tls, nowMs);
  let browser: ExtensionBrowser;
  try {
    browser = await launchExtensionBrowser({
      extensionDir: options.extensionDir,
      headless: options.headless,
      hostMappings: [{ host: DEMO_HOST, port: helpdesk.port }],
      trustedSpki: [tls.spkiSha256],
    });
  } catch (error) {
    await helpdesk.close();
    throw error;
  }
  options.onBrowser?.(browser);
  const stop = async () => {
    await browser.close();
    await helpdesk.close();
  };
  const screenshots: RunningDemo['screenshots'] = [];
  const problems: string[] = [];
  try {
    await writeExtensionStorage(browser, { [CONFIG_STORAGE_KEY]: demoConfig(nowMs) });
    options.log(`Demo helpdesk: ${demoViewUrl} (served on 127.0.0.1:${helpdesk.port}); configuration: 4 seed plans, 4 customers`);
    if (options.headless) mkdirSync(options.outputDir, { recursive: true });
    const shoot = async (page: Page, name: string, shows: string) => {
      if (!options.headless) return;
      const file = join(options.outputDir, `${options.screenshotPrefix ?? ''}${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      screenshots.push({ file, shows });
    };

    // The showcased tickets first: their pages read the whole history, which the list then shows too (a view's batch
    // read has no comments, so on its own it would take an answered ticket for unanswered).
    let firstTab = browser.context.pages()[0];
    for (const id of SHOWCASE_TICKETS) {
      const page = firstTab ?? (await browser.context.newPage());
      firstTab = undefined;
      await page.goto(demoTicketUrl(id));
      if (surfaces.overlay) await waitFor(page, `ticket ${id} strip`, () => page.locator(overlay.stripClock).first().waitFor({ timeout }), problems);
      await shoot(page, `ticket-${id}`, demoTickets.find((ticket) => ticket.id === id)?.shows ?? '');
    }

    const list = await browser.context.newPage();
    await list.goto(demoViewUrl);
    if (!surfaces.overlay) problems.push('the helpdesk overlay (content script) is not in this build yet');
    else {
      const rows = demoTickets.length;
      await waitFor(list, 'list badges', () => list.waitForFunction(
        ({ selector, count }) => [...document.querySelectorAll(selector)].filter((host) => host.shadowRoot?.querySelector('.time')?.textContent).length >= count,
        { selector: overlay.badge, count: rows },
        { timeout },
      ), problems);
    }
    await shoot(list, 'list-page', `${DEMO_VIEW.title}: a badge per row with its most urgent clock and its rank by SLA`);

    const popup = await browser.context.newPage();
    // Headless, the screenshot takes the popup's own size; headed, the toolbar icon opens the real popup anyway.
    if (options.headless) await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(browser.extensionUrl(extensionPages.popup));
    if (!surfaces.popupQueue) problems.push('the popup queue is not in this build yet (the placeholder popup is shown)');
    // Without the overlay no ticket was read, so the queue stays empty: its heading is all there is to wait for.
    else if (!surfaces.overlay) await waitFor(popup, 'popup', () => popup.getByRole('heading', { name: 'SLA Lens' }).waitFor({ timeout }), problems);
    else await waitFor(popup, 'popup queue', () => popup.locator(popupQueue.rows).first().waitFor({ timeout }), problems);
    await shoot(popup, 'popup', 'the popup: tickets at risk across helpdesks, soonest breach first');

    if (surfaces.options) {
      const page = await browser.openExtensionPage(extensionPages.options);
      await waitFor(page, 'options page', () => page.getByRole('heading').first().waitFor({ timeout }), problems);
      await shoot(page, 'options', 'the options page with the demo configuration');
    } else problems.push('the options page is not in this build yet');

    if (surfaces.reports) {
      const page = await browser.openExtensionPage(extensionPages.reports);
      await waitFor(page, 'reports page', () => page.getByRole('heading', { level: 1 }).waitFor({ timeout }), problems);
      // The report opens on the last whole month; the demo's tickets are this month's (the newest option).
      await page.getByLabel('Month').selectOption({ index: 0 });
      if (surfaces.overlay) await waitFor(page, 'reports of this month', () => page.getByRole('heading', { name: 'By customer and plan' }).waitFor({ timeout }), problems);
      await shoot(page, 'reports', "the reports page: this month's compliance per customer and plan, from the tickets seen");
    } else problems.push('the reports page is not in this build yet');

    if (!options.headless) await list.bringToFront();
    return { browser, helpdesk, surfaces, screenshots, problems, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
