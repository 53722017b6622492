import type { DateTime } from 'luxon';
import type { HelpdeskSource, SiteSettings } from '../../lib/adapters/types.ts';
import { parseRetryAfter } from '../../lib/registry/refresh-plan.ts';

/** A helpdesk answered with an error status (or redirected, status 0), with how long it asked us to wait. */
export class HelpdeskHttpError extends Error {
  override readonly name = 'HelpdeskHttpError';
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** The fetch the background uses (the global one, or a stand-in in tests). */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Reads a helpdesk's same-origin JSON from the background with the agent's cookies: GET only, only on
 * `origin` (a path that would resolve elsewhere is refused before any request), never following a
 * redirect (a session that expired redirects to a login page, which is reported instead).
 */
export function createFetchSource(origin: string, fetchJson: Fetch, now: () => DateTime, site?: SiteSettings): HelpdeskSource {
  return {
    origin,
    site,
    async getJson(pathAndQuery) {
      const url = new URL(pathAndQuery, `${origin}/`);
      if (!pathAndQuery.startsWith('/') || url.origin !== origin) {
        throw new Error(`refused to read ${JSON.stringify(pathAndQuery)}: not a path on ${origin}`);
      }
      const response = await fetchJson(url.href, {
        method: 'GET',
        credentials: 'include',
        redirect: 'manual',
        headers: { Accept: 'application/json' },
      });
      const where = `${origin}${url.pathname}`;
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        throw new HelpdeskHttpError(`${where} redirected (signed out of the helpdesk?)`, response.status);
      }
      if (!response.ok) {
        const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), now());
        throw new HelpdeskHttpError(`HTTP ${response.status} from ${where}`, response.status, retryAfter);
      }
      return (await response.json()) as unknown;
    },
  };
}
