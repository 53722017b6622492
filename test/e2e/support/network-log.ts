import type { BrowserContext, Request } from 'playwright-core';

/** One request the browser made on behalf of a page, an extension page or the extension's service worker. */
export interface LoggedRequest {
  url: string;
  method: string;
  /** Who asked: a tab (helpdesk or extension page) or the background service worker. */
  from: 'page' | 'service-worker';
}

/** URLs that never leave the browser. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome-extension:', 'chrome:', 'devtools:']);

/**
 * Records every request of the context from now on. Playwright reports the requests of pages, frames
 * and — in Chromium — of the extension's service worker (`request.serviceWorker()`), which is where
 * a background refresh would leak from.
 *
 * @example
 * const log = recordRequests(browser.context);
 * expect(requestsLeaving(log, ['https://acme.zendesk.com'], extensionId)).toEqual([]);
 */
export function recordRequests(context: BrowserContext, log: LoggedRequest[] = []): LoggedRequest[] {
  context.on('request', (request: Request) => {
    log.push({ url: request.url(), method: request.method(), from: request.serviceWorker() ? 'service-worker' : 'page' });
  });
  return log;
}

/**
 * The logged requests that went anywhere but the allowed helpdesk origins or the extension itself
 * (for the privacy assertion: ticket data never leaves the agent's browser except to the helpdesk).
 *
 * @example
 * requestsLeaving(log, ['http://127.0.0.1:8080'], extensionId) // => []
 */
export function requestsLeaving(log: readonly LoggedRequest[], allowedOrigins: readonly string[], extensionId: string): LoggedRequest[] {
  const allowed = new Set([...allowedOrigins, `chrome-extension://${extensionId}`]);
  return log.filter((request) => {
    const url = new URL(request.url);
    if (url.protocol === 'chrome-extension:') return url.host !== extensionId;
    if (LOCAL_SCHEMES.has(url.protocol)) return false;
    return !allowed.has(url.origin);
  });
}
