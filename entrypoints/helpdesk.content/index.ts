import { browser, defineContentScript } from '#imports';
import { findAdapter, SAAS_MATCH_PATTERNS } from '../../lib/adapters/registry.ts';
import { createSameOriginJson } from '../../lib/helpdesk-http/same-origin-json.ts';
import { sendMessage } from '../../lib/messaging/messaging.ts';
import { isConfigChange } from '../../lib/storage/config-key.ts';
import { startOverlay } from './overlay.ts';

/*
 * The one content script for every helpdesk (docs: aesthetics.md 7.3). SaaS hosts come from the
 * adapters' own match patterns through the registry, so they never drift apart; self-hosted origins
 * are registered at run time by the background, for this same file (`content-scripts/helpdesk.js`).
 */

/**
 * `fetch` with the page's origin and cookies. Chrome's content-script `fetch` already has them;
 * Firefox gives its content scripts their own and the page's as `content.fetch`.
 */
function pageFetch(): (url: string, init: RequestInit) => Promise<Response> {
  const firefoxPage = (globalThis as { content?: Pick<Window, 'fetch'> }).content;
  // Called as methods: a detached `fetch` throws "Illegal invocation".
  return firefoxPage ? (url, init) => firefoxPage.fetch(url, init) : (url, init) => fetch(url, init);
}

export default defineContentScript({
  matches: [...SAAS_MATCH_PATTERNS],
  // WXT's "script started" postMessage would reach the helpdesk's own message listeners; its custom event suffices.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Only this page's self-hosted site is needed: the background owns (and validates) the configuration.
    const siteOfPage = () =>
      sendMessage('siteForPage', { pageUrl: location.href }).then(
        (reply) => reply.site,
        (error: unknown) => {
          // Without its site a self-hosted page is simply not recognized; SaaS pages need none.
          console.warn('SLA Lens: reading this site’s settings failed', error);
          return null;
        },
      );
    let site = await siteOfPage();
    const overlay = startOverlay({
      ctx,
      findAdapter: (url) => findAdapter(url, site ? [site] : []),
      getJson: createSameOriginJson({
        origin: location.origin,
        fetch: pageFetch(),
        now: () => Date.now(),
        signal: ctx.signal,
      }),
      evaluateTickets: (request) => sendMessage('evaluateTickets', request),
      reportDiagnostics: (request) => sendMessage('reportDiagnostics', request),
      now: () => Date.now(),
      agentZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      log: (message, error) => console.warn(message, error),
    });
    // Configuration changes reach open helpdesk pages without a reload.
    const onStorageChange = (changes: Record<string, unknown>, areaName: string) => {
      if (!isConfigChange(changes, areaName)) return;
      void siteOfPage().then((changed) => {
        site = changed;
        overlay.reload();
      });
    };
    browser.storage.onChanged.addListener(onStorageChange);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorageChange));
  },
});
