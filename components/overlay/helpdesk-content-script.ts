import { browser, defineContentScript } from '#imports';
import type { HelpdeskAdapter } from '../../lib/adapters/types.ts';
import { createSameOriginJson } from '../../lib/helpdesk-http/same-origin-json.ts';
import { sendMessage } from '../../lib/messaging/messaging.ts';
import { isConfigChange } from '../../lib/storage/config-key.ts';
import { startOverlay } from './overlay.ts';

/**
 * `fetch` with the page's origin and cookies. Chrome's content-script `fetch` already has them;
 * Firefox gives its content scripts their own and the page's as `content.fetch`.
 */
function pageFetch(): (url: string, init: RequestInit) => Promise<Response> {
  const firefoxPage = (globalThis as { content?: Pick<Window, 'fetch'> }).content;
  // Called as methods: a detached `fetch` throws "Illegal invocation".
  return firefoxPage ? (url, init) => firefoxPage.fetch(url, init) : (url, init) => fetch(url, init);
}

/**
 * The content script of one helpdesk: each helpdesk has its own (entrypoints/<id>.content.ts), so a
 * helpdesk page loads one adapter rather than all of them. SaaS helpdesks are matched by the manifest
 * (their adapter's patterns); self-hosted ones are registered by the background for the origins the
 * agent granted and configured (entrypoints/background/content-scripts.ts).
 *
 * @example
 * // entrypoints/zendesk.content.ts
 * export default helpdeskContentScript(zendesk);
 */
export function helpdeskContentScript(adapter: HelpdeskAdapter) {
  return defineContentScript({
    ...(adapter.hosting === 'saas' ? { matches: [...adapter.matches] } : { registration: 'runtime' as const }),
    // WXT's "script started" postMessage would reach the helpdesk's own message listeners; its custom event suffices.
    noScriptStartedPostMessage: true,
    async main(ctx) {
      // Only this page's site settings are needed: the background owns (and validates) the configuration.
      const siteOfPage = () =>
        sendMessage('siteForPage', { pageUrl: location.href }).then(
          (reply) => (reply.site?.helpdesk === adapter.id ? reply.site : undefined),
          (error: unknown) => {
            // Without its settings a self-hosted page is simply not recognized; SaaS pages need none.
            console.warn('SLA Lens: reading this site’s settings failed', error);
            return undefined;
          },
        );
      let site = await siteOfPage();
      const overlay = startOverlay({
        ctx,
        findAdapter: (url) => ({ adapter, site, page: adapter.detectPage(url, site) }),
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
}
