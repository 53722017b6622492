import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * How the demo and the end-to-end tests find SLA Lens's own UI: the overlay's shadow hosts (their
 * shadow roots are open, and Playwright's CSS locators pierce open shadow roots) and the extension
 * pages. One place, so a renamed element is fixed once.
 */
export const overlay = {
  /** The ticket strip's host, inserted after the adapter's anchor (components/overlay/strip-ui.tsx). */
  strip: 'sla-lens-strip',
  /** One countdown of the strip: `data-state` (running, warning, breached, paused, waiting, met, met_late) and `data-binding`. */
  stripClock: 'sla-lens-strip li.clock',
  /** A list row's badge host (components/overlay/row-badge.ts); its `title` is filled on hover. */
  badge: 'sla-lens-badge',
  /** Inside a badge: `.badge[data-state]` with `.sr-only` (clock label), `.time` and `.rank`. */
  badgeBox: 'sla-lens-badge .badge',
} as const;

/** The popup's queue (entrypoints/popup): a listbox of tickets, soonest breach first. */
export const popupQueue = {
  /** Ticket rows in display order (group headings are not options); `.row__id` holds "#<id>". */
  rows: '[role="listbox"][aria-label="Tickets by time to breach"] [role="option"]',
  rowId: '.row__id',
} as const;

export const extensionPages = {
  popup: 'popup.html',
  options: 'options.html',
  reports: 'reports.html',
} as const;

/** Which of SLA Lens's surfaces a build contains (the branches that add them land one by one). */
export interface BuiltSurfaces {
  /** The helpdesk content script (strip and badges). */
  overlay: boolean;
  background: boolean;
  /** The popup with the at-risk queue (not only the placeholder page). */
  popupQueue: boolean;
  options: boolean;
  reports: boolean;
}

const manifestSchema = z.looseObject({
  background: z.looseObject({ service_worker: z.string().optional(), scripts: z.array(z.string()).optional() }).optional(),
  content_scripts: z.array(z.looseObject({ js: z.array(z.string()).optional() })).optional(),
  options_ui: z.looseObject({ page: z.string() }).optional(),
  options_page: z.string().optional(),
  action: z.looseObject({ default_popup: z.string().optional() }).optional(),
});

/** The built files' text containing `needle` (a cheap way to tell a placeholder page from the real one). */
function buildContains(extensionDir: string, needle: string): boolean {
  const files = readdirSync(extensionDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
  return files.some((file) => readFileSync(join(extensionDir, file), 'utf8').includes(needle));
}

/**
 * Inspects a built extension directory.
 *
 * @example
 * builtSurfaces('.output/chrome-mv3').overlay // => true once the content script is built
 */
export function builtSurfaces(extensionDir: string): BuiltSurfaces {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')));
  // One content script per helpdesk; the demo's is Zendesk's.
  const helpdeskScript = existsSync(join(extensionDir, 'content-scripts', 'zendesk.js'));
  return {
    overlay: helpdeskScript || (manifest.content_scripts?.length ?? 0) > 0,
    background: manifest.background !== undefined,
    popupQueue: manifest.action?.default_popup !== undefined && buildContains(extensionDir, 'Tickets by time to breach'),
    options: manifest.options_ui !== undefined || manifest.options_page !== undefined,
    reports: existsSync(join(extensionDir, extensionPages.reports)),
  };
}
