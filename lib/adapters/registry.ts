import { MatchPattern } from '@webext-core/match-patterns';
import type { HelpdeskId } from '../ticket.ts';
import { freshdesk } from './freshdesk.ts';
import { generic } from './generic.ts';
import { jiraServiceManagement } from './jira-service-management.ts';
import { requestTracker } from './request-tracker.ts';
import type { HelpdeskAdapter, PageMatch, SiteSettings } from './types.ts';
import { zammad } from './zammad.ts';
import { zendesk } from './zendesk.ts';
import { znuny } from './znuny.ts';

/** Every adapter, one file each in this folder (the conventions test keeps this list, the fixtures and the README in step). */
export const adapters: readonly HelpdeskAdapter[] = [zendesk, freshdesk, jiraServiceManagement, zammad, znuny, requestTracker, generic];

/**
 * Match patterns of every SaaS helpdesk: the manifest's host permissions and the content script's
 * matches. Self-hosted helpdesks are granted one origin at a time instead.
 *
 * @example
 * SAAS_MATCH_PATTERNS // => ['https://*.zendesk.com/*', 'https://*.freshdesk.com/*', 'https://*.atlassian.net/*']
 */
export const SAAS_MATCH_PATTERNS: readonly string[] = adapters.filter((adapter) => adapter.hosting === 'saas').flatMap((adapter) => adapter.matches);

/**
 * The adapter with this id.
 *
 * @example
 * getAdapter('zendesk').label // => 'Zendesk'
 */
export function getAdapter(id: HelpdeskId): HelpdeskAdapter {
  const adapter = adapters.find((candidate) => candidate.id === id);
  if (!adapter) throw new Error(`no adapter for helpdesk "${id}"`);
  return adapter;
}

/**
 * Where the content script of a helpdesk is built: each helpdesk has its own (entrypoints/<id>.content.ts),
 * so a page loads only its own adapter.
 *
 * @example
 * contentScriptPath('request-tracker') // => 'content-scripts/request-tracker.js'
 */
export function contentScriptPath(id: HelpdeskId): `content-scripts/${HelpdeskId}.js` {
  return `content-scripts/${id}.js`;
}

/** A recognized helpdesk page. */
export interface AdapterMatch {
  adapter: HelpdeskAdapter;
  site: SiteSettings | undefined;
  page: PageMatch | undefined;
}

/**
 * Finds the adapter for a page: a configured self-hosted site by origin first, then the SaaS
 * adapters by their match patterns. `page` is undefined on helpdesk pages that are neither a ticket
 * nor a list (the adapter is still returned, for diagnostics).
 *
 * @example
 * findAdapter(new URL('https://acme.zendesk.com/agent/tickets/42'), [])?.page // => { kind: 'ticket', ticketId: '42' }
 */
export function findAdapter(url: URL, sites: readonly SiteSettings[]): AdapterMatch | undefined {
  const site = sites.find((candidate) => candidate.origin === url.origin);
  if (site) {
    const adapter = adapters.find((candidate) => candidate.id === site.helpdesk);
    return adapter ? { adapter, site, page: adapter.detectPage(url, site) } : undefined;
  }
  const adapter = adapters.find(
    (candidate) => candidate.hosting === 'saas' && candidate.matches.some((pattern) => new MatchPattern(pattern).includes(url)),
  );
  return adapter ? { adapter, site: undefined, page: adapter.detectPage(url) } : undefined;
}
