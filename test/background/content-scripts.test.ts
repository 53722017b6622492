import { MatchPattern } from '@webext-core/match-patterns';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HelpdeskAdapter } from '../../lib/adapters/types.ts';
import { grantedSiteOrigins, HELPDESK_SCRIPT } from '../../entrypoints/background/content-scripts.ts';
import { eventually, installPermissionsAndScripting, SAAS_GRANTS, startBackground } from './harness.ts';

const { adapters } = vi.hoisted(() => ({ adapters: [] as HelpdeskAdapter[] }));
// The real SaaS patterns (the manifest's), fake adapters.
vi.mock('../../lib/adapters/registry.ts', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../lib/adapters/registry.ts')>()), adapters }));

const ZAMMAD = 'https://support.example.com';
const RT = 'http://rt.intranet:8080';

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

describe('self-hosted helpdesk origins', () => {
  it('registers the helpdesk content script when the agent grants an origin, and injects it into open tabs', async () => {
    const grants = installPermissionsAndScripting();
    await fakeBrowser.tabs.create({ url: `${ZAMMAD}/#ticket/zoom/7` });
    await fakeBrowser.tabs.create({ url: 'https://elsewhere.example/' });
    await startBackground();

    grants.grant([`${ZAMMAD}/*`]);
    await eventually(() => expect(grants.injected).toHaveLength(1));
    expect([...grants.registered.values()]).toEqual([
      { id: `sla-lens-helpdesk:${ZAMMAD}`, js: ['content-scripts/helpdesk.js'], matches: [`${ZAMMAD}/*`], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
    const [zammadTab] = await fakeBrowser.tabs.query({ url: `${ZAMMAD}/*` });
    expect(grants.injected).toEqual([{ tabId: zammadTab?.id, files: [HELPDESK_SCRIPT] }]);
  });

  it('unregisters it when the permission is removed', async () => {
    const grants = installPermissionsAndScripting([...SAAS_GRANTS, `${ZAMMAD}/*`, `${RT}/*`]);
    await startBackground();
    await eventually(() => expect(grants.registered.size).toBe(2));
    grants.revoke([`${ZAMMAD}/*`]);
    await eventually(() => expect([...grants.registered.keys()]).toEqual([`sla-lens-helpdesk:${RT}`]));
  });

  it('re-syncs on startup: registers granted origins, drops registrations whose grant is gone', async () => {
    const grants = installPermissionsAndScripting([...SAAS_GRANTS, `${ZAMMAD}/*`]);
    grants.registered.set(`sla-lens-helpdesk:${RT}`, { id: `sla-lens-helpdesk:${RT}`, js: ['content-scripts/helpdesk.js'], matches: [`${RT}/*`] });
    grants.registered.set('someone-else', { id: 'someone-else', js: ['other.js'], matches: ['https://a.example/*'] });
    await startBackground();
    await eventually(() => expect([...grants.registered.keys()].sort()).toEqual([`sla-lens-helpdesk:${ZAMMAD}`, 'someone-else']));
  });

  it('never registers for SaaS hosts (the manifest covers them) or for wildcard grants', async () => {
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
