import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Where every run leaves its screenshots (look at them: they are the visual half of these tests). */
export const SCREENSHOT_DIR = resolve('test-results/screenshots');

/**
 * Saves a full-page screenshot as `test-results/screenshots/<name>.png`, two animation frames after
 * the last DOM change, so what is captured is what the assertions just saw.
 *
 * @example
 * await saveScreenshot(page, 'request-tracker-ticket');
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
