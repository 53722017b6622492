import { DateTime } from 'luxon';
import type { Clock, TicketEvaluation } from '../plans/index.ts';
import type { EvaluationCache } from '../registry/evaluation-cache.ts';
import { instantMs } from '../registry/instants.ts';
import { pinKey, type QueuePin } from '../registry/queue-pins.ts';
import type { RefreshStatus } from '../registry/refresh-plan.ts';
import { isAssignedTo, isInGroups, mostUrgentClock, openTickets, riskOf, type RiskLevel } from '../registry/risk.ts';
import { ticketLink, type TicketRegistry } from '../registry/ticket-registry.ts';
import type { HelpdeskId, Ticket } from '../ticket.ts';

export const SCOPES = ['all', 'mine', 'groups'] as const;
export type Scope = (typeof SCOPES)[number];
export const STATE_FILTERS = ['at_risk', 'breached', 'warning', 'open'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];
export const GROUPINGS = ['none', 'customer', 'plan'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** What the agent chose to see. `all` in a facet means "any". */
export interface QueueFilters {
  scope: Scope;
  helpdesk: HelpdeskId | 'all';
  plan: string;
  severity: string;
  state: StateFilter;
  search: string;
  groupBy: Grouping;
}

export const DEFAULT_FILTERS: QueueFilters = { scope: 'all', helpdesk: 'all', plan: 'all', severity: 'all', state: 'at_risk', search: '', groupBy: 'none' };

/** Everything the popup reads from storage. */
export interface QueueData {
  registry: TicketRegistry;
  cache: EvaluationCache;
  pins: readonly QueuePin[];
  refreshStatus: RefreshStatus;
  /** The agent's names/emails and groups, for "mine" and "my groups". */
  me: readonly string[];
  myGroups: readonly string[];
  /** Is at least one plan configured? */
  configured: boolean;
  /** Granted host permission patterns (SaaS patterns and self-hosted origins). */
  grantedOrigins: readonly string[];
  /** Stored data that could not be used, in words. */
  problems: readonly string[];
}

/** One ticket in the list. */
export interface TicketRow {
  kind: 'ticket';
  key: string;
  ticket: Ticket;
  origin: string;
  /** Where a click goes (the ticket on its own helpdesk). */
  link: string;
  risk: RiskLevel;
  /** The clock that breaches first, if one is counting down. */
  clock: (Clock & { deadline: string }) | undefined;
  customer: string;
  plan: string;
  severity: { label: string; color: string } | undefined;
  /** Clocks are estimates (the helpdesk history was not fully read). */
  estimated: boolean;
  lastSeenAt: string;
}

/** A group heading (when grouping by customer or plan). */
export interface GroupRow {
  kind: 'group';
  key: string;
  label: string;
  count: number;
}

export type QueueRow = TicketRow | GroupRow;

/** Why the list is empty, and what to do about it. */
export interface EmptyState {
  kind: 'error' | 'no_helpdesk' | 'no_plan' | 'no_tickets' | 'who_am_i' | 'nothing_at_risk' | 'no_match';
  title: string;
  detail?: string;
}

/** Something the queue does not know, said plainly. */
export interface Notice {
  key: string;
  tone: 'info' | 'warning';
  text: string;
}

/** What the popup renders. */
export interface QueueView {
  rows: QueueRow[];
  /** Tickets in `rows` (group headings not counted). */
  shown: number;
  /** Choices for the filters, from the open tickets. */
  facets: { helpdesks: HelpdeskId[]; plans: string[]; severities: string[] };
  empty: EmptyState | undefined;
  notices: Notice[];
  /** The most recent read of any ticket (the data is as fresh as this). */
  updatedAt: string | undefined;
}

/** Rows read longer ago than this are called out (a helpdesk read only from its pages goes stale when no tab is open). */
const STALE_AFTER_MS = 3_600_000;

const RISK_ORDER: readonly RiskLevel[] = ['breached', 'warning', 'ok', 'paused', 'not_evaluated', 'not_covered'];

function customerOf(ticket: Ticket, evaluation: TicketEvaluation | undefined): string {
  if (evaluation?.match.customerName !== undefined) return evaluation.match.customerName;
  return ticket.organization ?? 'Unknown customer';
}

function planOf(evaluation: TicketEvaluation | undefined): string {
  if (!evaluation) return 'Not evaluated';
  return evaluation.match.status === 'matched' ? evaluation.match.planName : 'No plan';
}

function toRow(key: string, origin: string, ticket: Ticket, evaluation: TicketEvaluation | undefined, lastSeenAt: string): TicketRow {
  return {
    kind: 'ticket',
    key,
    ticket,
    origin,
    link: ticketLink({ origin, ticket }),
    risk: riskOf(evaluation),
    clock: mostUrgentClock(evaluation),
    customer: customerOf(ticket, evaluation),
    plan: planOf(evaluation),
    severity: evaluation?.severity ? { label: evaluation.severity.label, color: evaluation.severity.color } : undefined,
    estimated: evaluation?.estimated ?? !ticket.complete,
    lastSeenAt,
  };
}

function matchesState(row: TicketRow, state: StateFilter): boolean {
  switch (state) {
    case 'at_risk':
      return row.risk === 'breached' || row.risk === 'warning';
    case 'breached':
    case 'warning':
      return row.risk === state;
    case 'open':
      return true;
  }
}

function matchesSearch(row: TicketRow, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const { ticket } = row;
  const haystack = [ticket.id, `#${ticket.id}`, ticket.subject, ticket.requester.email, ticket.requester.name, ticket.organization, ticket.assignee, ticket.group, row.customer, row.plan]
    .filter((part): part is string => part !== undefined)
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Earliest deadline first (an overdue clock is earliest of all); tickets without a running clock last. */
function byTimeToBreach(a: TicketRow, b: TicketRow): number {
  const deadlineA = a.clock ? instantMs(a.clock.deadline) : Infinity;
  const deadlineB = b.clock ? instantMs(b.clock.deadline) : Infinity;
  if (deadlineA !== deadlineB) return deadlineA < deadlineB ? -1 : 1;
  return RISK_ORDER.indexOf(a.risk) - RISK_ORDER.indexOf(b.risk) || a.ticket.id.localeCompare(b.ticket.id, 'en', { numeric: true });
}

const sortedUnique = (values: readonly string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

function hostOf(origin: string): string {
  return URL.canParse(origin) ? new URL(origin).host : origin;
}

/**
 * An instant relative to `now`, in words.
 *
 * @example
 * formatRelative('2026-11-23T09:58:00Z', DateTime.fromISO('2026-11-23T10:00:00Z')) // => '2 minutes ago'
 * formatRelative('2026-11-23T10:05:00Z', DateTime.fromISO('2026-11-23T10:00:00Z')) // => 'in 5 minutes'
 */
export function formatRelative(iso: string, now: DateTime): string {
  const at = DateTime.fromISO(iso, { zone: 'utc' });
  const difference = at.toMillis() - now.toMillis();
  if (Math.abs(difference) < 60_000) return difference <= 0 ? 'just now' : 'in under a minute';
  return at.toRelative({ base: now, locale: 'en' }) ?? '';
}

function siteNotices(refreshStatus: RefreshStatus, now: DateTime): Notice[] {
  return Object.entries(refreshStatus.sites).flatMap(([origin, site]): Notice[] => {
    const host = hostOf(origin);
    switch (site.skipped) {
      case 'reads-only-from-page':
        return [{ key: `site-${origin}`, tone: 'info', text: `${host}: tickets update only while one of its pages is open in a tab.` }];
      case 'no-permission':
        return [{ key: `site-${origin}`, tone: 'warning', text: `${host}: SLA Lens may not read this site — grant it in Options → Helpdesks.` }];
      case 'no-adapter':
        return [{ key: `site-${origin}`, tone: 'warning', text: `${host}: this version of SLA Lens cannot read this helpdesk.` }];
      case undefined:
        break;
    }
    if (site.lastError === undefined || site.lastAttemptAt === undefined) return [];
    const retry = site.backoffUntil === undefined ? '' : ` Retrying ${formatRelative(site.backoffUntil, now)}.`;
    return [{ key: `site-${origin}`, tone: 'warning', text: `${host}: could not refresh ${formatRelative(site.lastAttemptAt, now)} (${site.lastError}).${retry}` }];
  });
}

function pinNotices(pins: readonly QueuePin[], refreshStatus: RefreshStatus): Notice[] {
  if (pins.length === 0) {
    return [{ key: 'no-pins', tone: 'info', text: 'No team queue pinned: only tickets opened in this browser are listed. Pin one in Options → Queues.' }];
  }
  return pins.flatMap((pin): Notice[] => {
    const status = refreshStatus.pins[pinKey(pin)];
    if (status?.lastError !== undefined) return [{ key: `pin-${pinKey(pin)}`, tone: 'warning', text: `Queue “${pin.label}” could not be read (${status.lastError}).` }];
    if (status?.lastReadAt === undefined) return [{ key: `pin-${pinKey(pin)}`, tone: 'info', text: `Queue “${pin.label}” has not been read yet.` }];
    return [];
  });
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function isHelpdeskGranted(data: QueueData): boolean {
  return data.grantedOrigins.some((pattern) => pattern === '<all_urls>' || /^(https?|\*):\/\//.test(pattern));
}

/**
 * The popup's queue: open tickets filtered, searched, sorted by time to breach and optionally grouped,
 * with why it is empty and what is not known.
 *
 * @example
 * buildQueueView(data, { ...DEFAULT_FILTERS, groupBy: 'customer' }, now).rows[0] // => { kind: 'group', label: 'Acme', count: 3, … }
 */
export function buildQueueView(data: QueueData, filters: QueueFilters, now: DateTime): QueueView {
  const all = openTickets(data.registry, data.cache).map(({ key, entry, evaluation }) => toRow(key, entry.origin, entry.ticket, evaluation, entry.lastSeenAt));
  const facets = {
    helpdesks: sortedUnique(all.map((row) => row.ticket.helpdesk)) as HelpdeskId[],
    plans: sortedUnique(all.map((row) => row.plan)),
    severities: sortedUnique(all.flatMap((row) => (row.severity ? [row.severity.label] : []))),
  };
  const seen = Object.values(data.registry.entries).map((entry) => entry.lastSeenAt);
  const updatedAt = seen.length === 0 ? undefined : seen.reduce((latest, at) => (instantMs(at) > instantMs(latest) ? at : latest));

  const filtered = all
    .filter((row) => {
      if (filters.scope === 'mine' && !isAssignedTo(row.ticket, data.me)) return false;
      if (filters.scope === 'groups' && !isInGroups(row.ticket, data.myGroups) && !isAssignedTo(row.ticket, data.me)) return false;
      if (filters.helpdesk !== 'all' && row.ticket.helpdesk !== filters.helpdesk) return false;
      if (filters.plan !== 'all' && row.plan !== filters.plan) return false;
      if (filters.severity !== 'all' && row.severity?.label !== filters.severity) return false;
      return matchesState(row, filters.state) && matchesSearch(row, filters.search);
    })
    .sort(byTimeToBreach);

  const rows = filters.groupBy === 'none' ? filtered : grouped(filtered, filters.groupBy);
  const notices: Notice[] = [
    ...data.problems.map((text, index) => ({ key: `problem-${index}`, tone: 'warning' as const, text })),
    ...pinNotices(data.pins, data.refreshStatus),
    ...siteNotices(data.refreshStatus, now),
  ];
  const estimated = filtered.filter((row) => row.estimated).length;
  if (estimated > 0) notices.push({ key: 'estimated', tone: 'info', text: `${plural(estimated, 'ticket has', 'tickets have')} estimated clocks (≈): the helpdesk history was not fully read.` });
  const stale = filtered.filter((row) => now.toMillis() - instantMs(row.lastSeenAt) > STALE_AFTER_MS).length;
  if (stale > 0) notices.push({ key: 'stale', tone: 'info', text: `${plural(stale, 'listed ticket was', 'listed tickets were')} last read over an hour ago: the helpdesk may have changed since.` });
  const unevaluated = all.filter((row) => row.risk === 'not_evaluated').length;
  if (data.configured && unevaluated > 0) notices.push({ key: 'not-evaluated', tone: 'info', text: `${plural(unevaluated, 'ticket has', 'tickets have')} not been evaluated yet.` });
  const uncovered = all.filter((row) => row.risk === 'not_covered').length;
  if (uncovered > 0 && filters.state !== 'open') notices.push({ key: 'not-covered', tone: 'info', text: `${plural(uncovered, 'open ticket matches', 'open tickets match')} no plan (shown under “All open”).` });

  return { rows, shown: filtered.length, facets, empty: filtered.length > 0 ? undefined : emptyState(data, filters, all.length), notices, updatedAt };
}

function grouped(rows: readonly TicketRow[], groupBy: Exclude<Grouping, 'none'>): QueueRow[] {
  // Groups keep the order of their most urgent ticket, so the first group is where the fire is.
  const groups = new Map<string, TicketRow[]>();
  for (const row of rows) {
    const label = groupBy === 'customer' ? row.customer : row.plan;
    const members = groups.get(label);
    if (members) members.push(row);
    else groups.set(label, [row]);
  }
  return [...groups].flatMap(([label, members]): QueueRow[] => [{ kind: 'group', key: `group-${label}`, label, count: members.length }, ...members]);
}

function emptyState(data: QueueData, filters: QueueFilters, open: number): EmptyState {
  const tracked = Object.keys(data.registry.entries).length;
  if (!isHelpdeskGranted(data) && tracked === 0) {
    return { kind: 'no_helpdesk', title: 'No helpdesk granted yet — open Options → Helpdesks', detail: 'SLA Lens reads tickets only on helpdesk sites you allow.' };
  }
  if (!data.configured) return { kind: 'no_plan', title: 'No plan configured — open Options → Plans', detail: 'Clocks need a support plan to count against.' };
  if (open === 0) {
    return {
      kind: 'no_tickets',
      title: 'No open tickets loaded yet',
      detail: 'Open your helpdesk in a tab, or pin a team queue in Options → Queues.',
    };
  }
  if (filters.scope === 'mine' && data.me.length === 0) {
    return { kind: 'who_am_i', title: 'Who are you in the helpdesk? — open Options → My alerts', detail: 'Add your helpdesk name or email to see your tickets.' };
  }
  if (filters.scope === 'groups' && data.myGroups.length === 0 && data.me.length === 0) {
    return { kind: 'who_am_i', title: 'No groups set — open Options → My alerts', detail: 'Add your helpdesk groups to see their tickets.' };
  }
  const onlyAtRisk = filters.state === 'at_risk' && filters.search.trim() === '' && filters.helpdesk === 'all' && filters.plan === 'all' && filters.severity === 'all';
  if (onlyAtRisk) return { kind: 'nothing_at_risk', title: 'Nothing at risk', detail: `${plural(open, 'open ticket', 'open tickets')} on track.` };
  return { kind: 'no_match', title: 'No tickets match these filters' };
}
