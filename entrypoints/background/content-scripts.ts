import { MatchPattern } from '@webext-core/match-patterns';
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { SAAS_MATCH_PATTERNS } from '../../lib/adapters/registry.ts';

/** The one helpdesk content script, by its build output path (entrypoints/helpdesk.content/). */
export const HELPDESK_SCRIPT = 'content-scripts/helpdesk.js';


const ID_PREFIX = 'sla-lens-helpdesk:';
const scriptId = (origin: string) => `${ID_PREFIX}${origin}`;
const saasPatterns = SAAS_MATCH_PATTERNS.map((pattern) => new MatchPattern(pattern));

/**
 * The exact origins among granted host permissions (`https://support.example.com/*`): the self-hosted
 * helpdesks the agent granted in the options page. SaaS hosts are covered by the manifest, and a
 * wildcard grant is never turned into "inject everywhere".
 *
 * @example
 * grantedSiteOrigins(['https://support.example.com/*', 'https://*.zendesk.com/*', 'https://*\/*']) // => ['https://support.example.com']
 */
export function grantedSiteOrigins(patterns: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const pattern of patterns) {
    if (!pattern.endsWith('/*') || pattern.includes('*.') || pattern.slice(0, -2).includes('*')) continue;
    const origin = pattern.slice(0, -2);
    if (!URL.canParse(origin)) continue;
    const url = new URL(origin);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin) continue;
    if (saasPatterns.some((saas) => saas.includes(`${origin}/`))) continue;
    origins.add(origin);
  }
  return [...origins];
}

async function register(origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return;
  await browser.scripting.registerContentScripts(
    origins.map((origin) => ({
      id: scriptId(origin),
      js: [HELPDESK_SCRIPT],
      matches: [`${origin}/*`],
      runAt: 'document_idle' as const,
      persistAcrossSessions: true,
    })),
  );
}

async function unregister(origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return;
  await browser.scripting.unregisterContentScripts({ ids: origins.map(scriptId) });
}

/** Registered scripts last only until they are unregistered, but pages already open need the script now. */
async function injectIntoOpenTabs(origins: readonly string[]): Promise<void> {
  for (const origin of origins) {
    const tabs = await browser.tabs.query({ url: `${origin}/*` });
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      // A tab can close or be discarded meanwhile; the next page load runs the registered script anyway.
      // WXT types `files` with the scripts this build has seen so far; the helpdesk content script is
      // another entrypoint's output (its own branch until merged), hence the widening to a public path.
      const files = [HELPDESK_SCRIPT as string as ScriptPublicPath];
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files }).catch((error: unknown) => {
        console.warn(`SLA Lens: could not inject into tab ${tab.id ?? ''} of ${origin}`, error);
      });
    }
  }
}

/**
 * Makes the registered content scripts match the granted origins exactly (on every worker start:
 * a permission may have changed while the worker was stopped, and Firefox drops registrations on
 * restart).
 */
export async function syncContentScripts(): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  const wanted = new Set(grantedSiteOrigins(origins));
  const registered = (await browser.scripting.getRegisteredContentScripts())
    .map((script) => script.id)
    .filter((id) => id.startsWith(ID_PREFIX))
    .map((id) => id.slice(ID_PREFIX.length));
  await unregister(registered.filter((origin) => !wanted.has(origin)));
  await register([...wanted].filter((origin) => !registered.includes(origin)));
}

async function onGranted(origins: readonly string[]): Promise<void> {
  const added = grantedSiteOrigins(origins);
  const registered = new Set((await browser.scripting.getRegisteredContentScripts({ ids: added.map(scriptId) })).map((script) => script.id));
  await register(added.filter((origin) => !registered.has(scriptId(origin))));
  await injectIntoOpenTabs(added);
}

async function onRevoked(origins: readonly string[]): Promise<void> {
  const removed = grantedSiteOrigins(origins);
  const registered = new Set((await browser.scripting.getRegisteredContentScripts({ ids: removed.map(scriptId) })).map((script) => script.id));
  await unregister(removed.filter((origin) => registered.has(scriptId(origin))));
}

const logFailure = (what: string) => (error: unknown) => console.error(`SLA Lens: ${what}`, error);

/** Registers the content script when the agent grants an origin (and injects it into its open tabs); unregisters it on removal. */
export function listenToPermissionChanges(): void {
  browser.permissions.onAdded.addListener(({ origins = [] }) => {
    void onGranted(origins).catch(logFailure('registering the content script for a granted site failed'));
  });
  browser.permissions.onRemoved.addListener(({ origins = [] }) => {
    void onRevoked(origins).catch(logFailure('unregistering the content script of a removed site failed'));
  });
}
