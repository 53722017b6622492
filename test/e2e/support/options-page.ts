/**
 * The options page driven as an administrator would: by its labels and roles (entrypoints/options).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../../demo/kit/browser.ts';
import { extensionPages } from '../../../demo/kit/surfaces.ts';
import { SURFACE_TIMEOUT_MS } from './session.ts';

/** Opens the options page and waits until it has loaded the stored configuration. */
export async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.openExtensionPage(extensionPages.options);
  await page.getByRole('navigation', { name: 'Sections' }).waitFor({ timeout: SURFACE_TIMEOUT_MS });
  return page;
}

export async function openSection(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor({ timeout: SURFACE_TIMEOUT_MS });
}

/** Writes `content` as a file the way an admin would have it on disk, for the import control. */
export function configFile(name: string, content: string): string {
  const dir = resolve('test-results/config-files');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/**
 * Imports a configuration file through "Import / export" and returns the status line the page
 * announces (`… imported and saved.` or `… was not imported: …`).
 */
export async function importConfigFile(page: Page, file: string): Promise<string> {
  await openSection(page, 'Import / export');
  const status = page.getByRole('region', { name: 'Import' }).getByRole('status');
  const before = (await status.textContent()) ?? '';
  await page.getByLabel('Import a configuration file').setInputFiles(file);
  await page.waitForFunction(
    ({ previous }) => {
      const text = [...document.querySelectorAll('section[aria-label="Import"] [role="status"]')].map((element) => element.textContent).join('');
      return text !== '' && text !== previous;
    },
    { previous: before },
    { timeout: SURFACE_TIMEOUT_MS },
  );
  return (await status.textContent()) ?? '';
}

/**
 * Adds a self-hosted helpdesk in "Helpdesks" with "Add and allow access" (the browser's permission
 * request runs inside that click) and returns the status line.
 */
export async function addSelfHostedHelpdesk(page: Page, origin: string, helpdeskLabel: string): Promise<string> {
  await openSection(page, 'Helpdesks');
  const form = page.getByRole('form', { name: 'Add a self-hosted helpdesk' });
  await form.getByLabel('Helpdesk address').fill(origin);
  await form.getByLabel('Helpdesk type').selectOption({ label: helpdeskLabel });
  await form.getByRole('button', { name: 'Add and allow access' }).click();
  const status = page.getByRole('status').filter({ hasText: origin });
  await status.waitFor({ timeout: SURFACE_TIMEOUT_MS });
  return (await status.textContent()) ?? '';
}
