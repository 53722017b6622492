import { MatchPattern } from '@webext-core/match-patterns';
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { contentScriptPath, SAAS_MATCH_PATTERNS } from '../../lib/adapters/registry.ts';
import type { SiteSettings } from '../../lib/adapters/types.ts';
import { loadConfig } from '../../lib/storage/config-storage.ts';
import { createSerialQueue } from './serial.ts';

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

/**
 * The content script each self-hosted origin gets: origins the agent granted *and* configured as a site,
 * each with its helpdesk's own script (a granted origin nobody configured has no adapter to run).
 *
 * @example
 * wantedContentScripts(['https://rt.example/*'], [{ origin: 'https://rt.example', helpdesk: 'request-tracker' }])
 * // => Map { 'https://rt.example' => 'content-scripts/request-tracker.js' }
 */
export function wantedContentScripts(grantedPatterns: readonly string[], sites: readonly SiteSettings[]): Map<string, string> {
  const granted = new Set(grantedSiteOrigins(grantedPatterns));
  return new Map(sites.filter((site) => granted.has(site.origin)).map((site) => [site.origin, contentScriptPath(site.helpdesk)]));
}

async function register(scripts: readonly (readonly [origin: string, script: string])[]): Promise<void> {
  if (scripts.length === 0) return;
  await browser.scripting.registerContentScripts(
    scripts.map(([origin, script]) => ({
      id: scriptId(origin),
      js: [script],
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

/** Registered scripts run on the next page load, but pages already open need the script now. */
async function injectIntoOpenTabs(scripts: readonly (readonly [origin: string, script: string])[]): Promise<void> {
  for (const [origin, script] of scripts) {
    const tabs = await browser.tabs.query({ url: `${origin}/*` });
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      // A tab can close or be discarded meanwhile; the next page load runs the registered script anyway.
      // WXT types `files` with the public paths it generated; the script path is computed from the helpdesk id.
      const files = [script as ScriptPublicPath];
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files }).catch((error: unknown) => {
        console.warn(`SLA Lens: could not inject into tab ${tab.id ?? ''} of ${origin}`, error);
      });
    }
  }
}

// Grants and configuration changes can arrive together; registrations are read and changed one sync at a time.
const serially = createSerialQueue();

/**
 * Makes the registered content scripts match the granted, configured sites exactly: on every worker
 * start (a permission or the configuration may have changed while the worker was stopped, and Firefox
 * drops registrations on restart), and after each grant, revocation or configuration change. With
 * `injectIntoOpenTabs`, tabs already open on a newly covered origin get the script at once.
 */
export function syncContentScripts({ injectIntoOpenTabs: inject = false } = {}): Promise<void> {
  return serially(async () => {
    const [{ origins = [] }, { config }] = await Promise.all([browser.permissions.getAll(), loadConfig()]);
    const wanted = wantedContentScripts(origins, config.sites);
    const registered = new Map(
      (await browser.scripting.getRegisteredContentScripts())
        .filter((script) => script.id.startsWith(ID_PREFIX))
        .map((script) => [script.id.slice(ID_PREFIX.length), script.js?.[0]] as const),
    );
    // A site whose helpdesk changed is re-registered with its new script.
    await unregister([...registered].filter(([origin, script]) => wanted.get(origin) !== script).map(([origin]) => origin));
    const added = [...wanted].filter(([origin, script]) => registered.get(origin) !== script);
    await register(added);
    if (inject) await injectIntoOpenTabs(added);
  });
}

const logFailure = (what: string) => (error: unknown) => console.error(`SLA Lens: ${what}`, error);

/** Registers content scripts when the agent grants an origin (and injects them into its open tabs); unregisters them on removal. */
export function listenToPermissionChanges(): void {
  const sync = () => void syncContentScripts({ injectIntoOpenTabs: true }).catch(logFailure('syncing content scripts with granted sites failed'));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
}
