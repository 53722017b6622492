/**
 * SaaS helpdesks live on known hosts (`*.zendesk.com`), but an account can also be configured as a
 * site on its own domain (a host-mapped Zendesk, say); a page is the helpdesk's on either.
 */
import type { MatchPattern } from '@webext-core/match-patterns';
import type { SiteSettings } from '../types.ts';

/**
 * Is `url` on the helpdesk: on the configured site's origin when a site is given, else on one of the
 * adapter's host patterns (compiled once by the adapter: detectPage runs on every navigation)?
 *
 * @example
 * const hostPatterns = [new MatchPattern('https://*.zendesk.com/*')];
 * isHelpdeskUrl(new URL('https://acme.zendesk.com/agent/tickets/1'), hostPatterns) // => true
 * isHelpdeskUrl(new URL('https://acme.zendesk.com/agent/tickets/1'), hostPatterns, { origin: 'https://help.acme.com', helpdesk: 'zendesk' }) // => false
 */
export function isHelpdeskUrl(url: URL, hostPatterns: readonly MatchPattern[], site?: SiteSettings): boolean {
  return site ? url.origin === site.origin : hostPatterns.some((pattern) => pattern.includes(url));
}
