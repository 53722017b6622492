import { browser } from 'wxt/browser';
import type { BadgeSummary } from '../../lib/registry/risk.ts';

/** Shows the count of breached and at-risk clocks on the toolbar icon (no text when nothing is at risk). */
export async function showBadge(summary: BadgeSummary): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: summary.text }),
    browser.action.setBadgeBackgroundColor({ color: summary.color }),
    browser.action.setBadgeTextColor({ color: '#ffffff' }),
    browser.action.setTitle({ title: summary.title }),
  ]);
}
