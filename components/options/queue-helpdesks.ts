import { MatchPattern } from '@webext-core/match-patterns';
import { adapters } from '../../lib/adapters/registry.ts';
import type { HelpdeskAdapter } from '../../lib/adapters/types.ts';
import type { Site } from '../../lib/plans/config-schema.ts';
import type { HelpdeskId } from '../../lib/ticket.ts';
import { helpdeskHost, helpdeskLabel } from './helpdesk-catalog.ts';

/**
 * Helpdesks whose queues can be pinned: the adapter lists a queue and reads without a page, which
 * is what the background's `pinQueue` accepts (the others are not offered rather than refused).
 */
export const QUEUE_HELPDESKS: readonly HelpdeskAdapter[] = adapters.filter((adapter) => adapter.listQueue !== undefined && adapter.readsWithoutPage);

export interface QueueIdHelp {
  help: string;
  examples: readonly string[];
  /** The form the adapter's `listQueue` accepts, checked before pinning so a typo is named now rather than at the next refresh. */
  format?: { pattern: RegExp; message: string };
}

/** What `queueId` means per helpdesk (see each adapter's `listQueue`). */
const QUEUE_ID_HELP: Partial<Record<HelpdeskId, QueueIdHelp>> = {
  zendesk: {
    help: 'The view’s number, from its address: …/agent/filters/360001234567.',
    examples: ['360001234567'],
    format: { pattern: /^\d+$/, message: 'a Zendesk view id is a number, as in …/agent/filters/360001234567' },
  },
  'jira-service-management': {
    help: 'serviceDeskId/queueId: the service desk’s id (listed at /rest/servicedeskapi/servicedesk) and the queue’s number, from its address …/queues/custom/7.',
    examples: ['4/7'],
    format: { pattern: /^\w+\/\d+$/, message: 'a JSM queue is "serviceDeskId/queueId", such as 4/7' },
  },
  zammad: {
    help: 'The overview’s link, from its address: …/#ticket/view/all_open.',
    examples: ['all_open', 'my_assigned'],
    format: { pattern: /^[\w-]+$/, message: 'a Zammad overview link is letters, digits, _ and -, such as all_open' },
  },
  'request-tracker': {
    help: 'A saved search’s number, or a TicketSQL query (the first 100 tickets are followed).',
    examples: ['12', "Queue = 'Support' AND Status = '__Active__'"],
  },
};

/**
 * Help text and examples for a helpdesk's queue ids.
 *
 * @example
 * queueIdHelp('zendesk').examples // => ['360001234567']
 */
export function queueIdHelp(helpdesk: HelpdeskId): QueueIdHelp {
  return QUEUE_ID_HELP[helpdesk] ?? { help: 'The helpdesk’s own id of the queue.', examples: [] };
}

/**
 * Why the extension cannot read `origin` as this helpdesk, or undefined when it can: a SaaS host
 * the manifest grants, or a self-hosted site configured under Helpdesks (access was granted then).
 *
 * @example
 * unreachableReason('https://acme.zendesk.com', zendesk, []) // => undefined
 */
export function unreachableReason(origin: string, helpdesk: HelpdeskAdapter, sites: readonly Site[]): string | undefined {
  if (helpdesk.matches.some((pattern) => new MatchPattern(pattern).includes(`${origin}/`))) return undefined;
  const site = sites.find((candidate) => candidate.origin === origin);
  if (site?.helpdesk === helpdesk.id) return undefined;
  if (site) return `${origin} is set up as ${helpdeskLabel(site.helpdesk)}, not ${helpdesk.label}`;
  if (helpdesk.hosting === 'saas') return `SLA Lens cannot reach ${origin}: ${helpdesk.label} sites are at ${helpdeskHost(helpdesk.id)}`;
  return `SLA Lens has no access to ${origin}: add it under Helpdesks first`;
}
