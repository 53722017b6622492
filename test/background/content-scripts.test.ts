import { MatchPattern } from '@webext-core/match-patterns';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HelpdeskAdapter } from '../../lib/adapters/types.ts';
import { grantedSiteOrigins, wantedContentScripts } from '../../entrypoints/background/content-scripts.ts';
import { configItem } from '../../lib/storage/config-storage.ts';
import { configuredConfig } from '../registry/fixtures.ts';
import { eventually, installPermissionsAndScripting, SAAS_GRANTS, startBackground } from './harness.ts';

const { adapters } = vi.hoisted(() => ({ adapters: [] as HelpdeskAdapter[] }));
// The real SaaS patterns (the manifest's), fake adapters.
vi.mock('../../lib/adapters/registry.ts', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../lib/adapters/registry.ts')>()), adapters }));

const ZAMMAD = 'https://support.example.com';
const RT = 'http://rt.intranet:8080';
// The tabs.query stand-in's match patterns take no port.
const INTRANET = 'http://helpdesk.intranet';

// fakeBrowser's tabs.query compares `url` literally; the browser treats it as a match pattern.
const queryTabs = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
Object.assign(fakeBrowser.tabs, {
  query: async ({ url, ...rest }: Browser.tabs.QueryInfo) => {
    const tabs = await queryTabs(rest);
    return typeof url === 'string' ? tabs.filter((tab) => tab.url !== undefined && new MatchPattern(url).includes(tab.url)) : tabs;
  },
});

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

afterEach(() => vi.restoreAllMocks());

/** Configures these self-hosted sites (and one plan, as the harness does). */
async function configureSites(sites: { origin: string; helpdesk: string }[]): Promise<void> {
  await configItem.setValue({ ...(configuredConfig() as object), sites });
}

const registration = (origin: string, script: string) => ({ id: `sla-lens-helpdesk:${origin}`, js: [script], matches: [`${origin}/*`], runAt: 'document_idle', persistAcrossSessions: true });

describe('self-hosted helpdesk origins', () => {
  it("registers the site's own helpdesk script when the agent grants its origin, and injects it into open tabs", async () => {
    await configureSites([{ origin: ZAMMAD, helpdesk: 'zammad' }]);
    const grants = installPermissionsAndScripting();
    await fakeBrowser.tabs.create({ url: `${ZAMMAD}/#ticket/zoom/7` });
    await fakeBrowser.tabs.create({ url: 'https://elsewhere.example/' });
    await startBackground();

    grants.grant([`${ZAMMAD}/*`]);
    await eventually(() => expect(grants.injected).toHaveLength(1));
    expect([...grants.registered.values()]).toEqual([registration(ZAMMAD, 'content-scripts/zammad.js')]);
    const [zammadTab] = await fakeBrowser.tabs.query({ url: `${ZAMMAD}/*` });
    expect(grants.injected).toEqual([{ tabId: zammadTab?.id, files: ['content-scripts/zammad.js'] }]);
  });

  it('waits for a granted origin to be configured, and follows a change of helpdesk', async () => {
    const grants = installPermissionsAndScripting([...SAAS_GRANTS, `${INTRANET}/*`]);
    await fakeBrowser.tabs.create({ url: `${INTRANET}/Ticket/Display.html?id=1` });
    await startBackground();
    await eventually(() => expect(fakeBrowser.scripting.getRegisteredContentScripts).toHaveBeenCalled());
    expect(grants.registered.size).toBe(0);

    await configureSites([{ origin: INTRANET, helpdesk: 'request-tracker' }]);
    await eventually(() => expect([...grants.registered.values()]).toEqual([registration(INTRANET, 'content-scripts/request-tracker.js')]));
    await eventually(() => expect(grants.injected.map((injection) => injection.files)).toEqual([['content-scripts/request-tracker.js']]));

    await configureSites([{ origin: INTRANET, helpdesk: 'generic' }]);
    await eventually(() => expect([...grants.registered.values()]).toEqual([registration(INTRANET, 'content-scripts/generic.js')]));
  });

  it('unregisters it when the permission is removed', async () => {
    await configureSites([
      { origin: ZAMMAD, helpdesk: 'zammad' },
      { origin: RT, helpdesk: 'request-tracker' },
    ]);
    const grants = installPermissionsAndScripting([...SAAS_GRANTS, `${ZAMMAD}/*`, `${RT}/*`]);
    await startBackground();
    await eventually(() => expect(grants.registered.size).toBe(2));
    grants.revoke([`${ZAMMAD}/*`]);
    await eventually(() => expect([...grants.registered.keys()]).toEqual([`sla-lens-helpdesk:${RT}`]));
  });

  it('re-syncs on startup: registers granted sites, drops registrations whose grant is gone, leaves others alone', async () => {
    await configureSites([{ origin: ZAMMAD, helpdesk: 'zammad' }]);
    const grants = installPermissionsAndScripting([...SAAS_GRANTS, `${ZAMMAD}/*`]);
    grants.registered.set(`sla-lens-helpdesk:${RT}`, { id: `sla-lens-helpdesk:${RT}`, js: ['content-scripts/request-tracker.js'], matches: [`${RT}/*`] });
    grants.registered.set('someone-else', { id: 'someone-else', js: ['other.js'], matches: ['https://a.example/*'] });
    await startBackground();
    await eventually(() => expect([...grants.registered.keys()].sort()).toEqual([`sla-lens-helpdesk:${ZAMMAD}`, 'someone-else']));
    // Nothing is injected at startup: open pages got their script when it was first registered.
    expect(grants.injected).toEqual([]);
  });

  it('never registers for SaaS hosts (the manifest covers them) or for wildcard grants', async () => {
    await configureSites([{ origin: 'https://acme.zendesk.com', helpdesk: 'zendesk' }]);
    const grants = installPermissionsAndScripting([...SAAS_GRANTS, 'https://*/*', 'http://*/*', '<all_urls>']);
    await startBackground();
    grants.grant(['https://acme.zendesk.com/*']);
    // Once at startup, once for the grant.
    await eventually(() => expect(fakeBrowser.scripting.getRegisteredContentScripts).toHaveBeenCalledTimes(2));
    expect(grants.registered.size).toBe(0);
    expect(grantedSiteOrigins(['https://support.example.com/*', 'https://*.zendesk.com/*', 'https://acme.freshdesk.com/*', 'https://support.example.com/path/*'])).toEqual([
      'https://support.example.com',
    ]);
  });
});

describe('wantedContentScripts', () => {
  it('gives each granted, configured origin its helpdesk’s script', () => {
    const sites = [
      { origin: ZAMMAD, helpdesk: 'zammad' },
      { origin: RT, helpdesk: 'request-tracker' },
      { origin: 'https://not-granted.example', helpdesk: 'znuny' },
    ] as const;
    expect(wantedContentScripts([`${ZAMMAD}/*`, `${RT}/*`, 'https://unconfigured.example/*'], sites)).toEqual(
      new Map([
        [ZAMMAD, 'content-scripts/zammad.js'],
        [RT, 'content-scripts/request-tracker.js'],
      ]),
    );
  });
});
