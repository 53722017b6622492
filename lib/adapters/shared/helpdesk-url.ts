/**
 * SaaS helpdesks live on known hosts (`*.zendesk.com`), but an account can also be configured as a
 * site on its own domain (a host-mapped Zendesk, say); a page is the helpdesk's on either.
 */
import { MatchPattern } from '@webext-core/match-patterns';
import type { SiteSettings } from '../types.ts';

/**
 * Is `url` on the helpdesk: on the configured site's origin when a site is given, else on one of
 * the adapter's match patterns?
 *
 * @example
 * isHelpdeskUrl(new URL('https://acme.zendesk.com/agent/tickets/1'), ['https://*.zendesk.com/*']) // => true
 * isHelpdeskUrl(new URL('https://acme.zendesk.com/agent/tickets/1'), ['https://*.zendesk.com/*'], { origin: 'https://help.acme.com', helpdesk: 'zendesk' }) // => false
 */
export function isHelpdeskUrl(url: URL, matches: readonly string[], site?: SiteSettings): boolean {
  return site ? url.origin === site.origin : matches.some((pattern) => new MatchPattern(pattern).includes(url));
}
