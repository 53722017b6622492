import { browser } from 'wxt/browser';
import type { BadgeSummary } from '../../lib/registry/risk.ts';

/** Shows the count of breached and at-risk clocks on the toolbar icon (no text when nothing is at risk). */
export async function showBadge(summary: BadgeSummary): Promise<void> {
  // The Firefox build is MV2, which has browserAction (same calls) instead of action.
  const action = (browser.action as typeof browser.action | undefined) ?? browser.browserAction;
  await Promise.all([
    action.setBadgeText({ text: summary.text }),
    action.setBadgeBackgroundColor({ color: summary.color }),
    action.setTitle({ title: summary.title }),
  ]);
}
