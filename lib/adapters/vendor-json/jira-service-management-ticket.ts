/**
 * From Jira Service Management's JSON (the schemas in ./jira-service-management.ts) to the normalized
 * {@link Ticket}: what the platform issue alone says (a search result), and the whole request once its
 * comments, status history and changelog are read.
 */
import type { z } from 'zod/mini';
import { byTime } from '../shared/event-order.ts';
import { minutesFromSeconds } from '../shared/time-spent.ts';
import { parseTicket, type Ticket, type TicketEvent, type TicketInput } from '../../ticket.ts';
import * as vendor from './jira-service-management.ts';

const ORGANIZATIONS = 'com.atlassian.servicedesk:sd-customer-organizations';

const who = (user: vendor.JiraUser | null | undefined) => user?.emailAddress?.toLowerCase() ?? user?.displayName;

/**
 * What the platform issue alone says; a search result is exactly this (no comments, so `complete: false`).
 * `names` and `schema` come with the issue, or once for a whole search.
 *
 * @example
 * fromIssue(issue, 'https://acme-support.atlassian.net').events // => [{ at: '2026-11-23T08:12:04.000Z', type: 'customer_message', … }]
 */
export function fromIssue(issue: vendor.JiraIssue, origin: string, names = issue.names, schema = issue.schema): TicketInput {
  const f = issue.fields;
  const fields = Object.entries(f).flatMap(([id, value]) => {
    const text = id.startsWith('customfield_') ? vendor.customFieldText(value) : undefined;
    return text ? [[names?.[id] ?? id, text] as const] : [];
  });
  const orgField = Object.keys(schema ?? {}).find((id) => schema?.[id]?.custom === ORGANIZATIONS);
  // With time tracking on, `timetracking` sums every worklog; the worklog page (max 20) is only a fallback.
  const seconds = f.timetracking ? (f.timetracking.timeSpentSeconds ?? 0) : f.worklog?.worklogs.reduce((sum, log) => sum + log.timeSpentSeconds, 0);
  return {
    id: issue.key, helpdesk: 'jira-service-management', url: `${origin}/browse/${issue.key}`, subject: f.summary,
    requester: { email: f.reporter?.emailAddress ?? '', name: f.reporter?.displayName },
    organization: orgField ? vendor.customFieldText(f[orgField])?.split(', ')[0] : undefined,
    tags: f.labels ?? [], priority: f.priority?.name, assignee: f.assignee?.displayName,
    status: vendor.jsmStatus(f.status.name, f.status.statusCategory?.key),
    channel: vendor.jsmChannel(issue.properties?.['request.channel.type']?.value),
    createdAt: f.created, updatedAt: f.updated, fields: Object.fromEntries(fields),
    timeSpentMinutes: minutesFromSeconds(seconds),
    // The request itself is the customer's first message; JSM keeps it out of `/comment`.
    events: [{ at: f.created, type: 'customer_message', author: who(f.reporter) }],
    complete: false,
  };
}

/** The values of a paged list, and whether every page was read. */
type Read<Page extends { values: unknown[] }> = { values: Page['values']; complete: boolean };

/** Everything read about one request: the servicedesk request, its comments and status history, and the platform issue. */
export interface JsmRequestReads {
  request: z.output<typeof vendor.jsmRequestSchema>;
  comments: Read<z.output<typeof vendor.jsmCommentPageSchema>>;
  statuses: Read<z.output<typeof vendor.jsmStatusPageSchema>>;
  issue: vendor.JiraIssue;
}

/** The request, every comment, the status changes and the priority changes, in any order. */
function requestEvents({ request, comments, statuses, issue }: JsmRequestReads): TicketEvent[] {
  // Customers: portal-only accounts (`qm:` ids, accountType `customer`), the reporter and the request participants.
  const customerIds = new Set([request.reporter, ...(request.participants?.values ?? [])].map((user) => user.accountId));
  const isCustomer = (user: vendor.JiraUser) =>
    user.accountType === 'customer' || !!user.accountId?.startsWith('qm:') || customerIds.has(user.accountId);
  return [
    { at: request.createdDate, type: 'customer_message', author: who(request.reporter) },
    ...comments.values.map(({ created: at, author, public: visible }): TicketEvent => {
      const type = !visible ? 'internal_note' : isCustomer(author) ? 'customer_message' : 'agent_reply';
      return { at, type, author: who(author) };
    }),
    ...statuses.values
      .map((s): TicketEvent => ({ at: s.statusDate, type: 'status_change', status: vendor.jsmStatus(s.status, s.statusCategory) }))
      .sort(byTime)
      .slice(1), // the oldest entry is the status the request was created in, not a change
    ...(issue.changelog?.histories ?? []).flatMap(({ created: at, author, items }) =>
      items
        .filter((item) => item.field === 'priority')
        .map((item): TicketEvent => ({ at, type: 'priority_change', priority: item.toText, author: who(author) })),
    ),
  ];
}

/**
 * The whole request: the issue's fields, with the servicedesk's requester, status, project and request
 * type, and every event; complete when every list was read to its end.
 *
 * @example
 * fromRequest(reads, 'https://acme-support.atlassian.net').fields['Request type'] // => 'Get IT help'
 */
export function fromRequest(reads: JsmRequestReads, origin: string): Ticket {
  const { request, comments, statuses, issue } = reads;
  const changelog = issue.changelog ?? { total: 1, histories: [] }; // no changelog: priority changes unknown
  const ticket = fromIssue(issue, origin);
  return parseTicket({
    ...ticket, requester: { email: request.reporter.emailAddress ?? '', name: request.reporter.displayName },
    status: vendor.jsmStatus(request.currentStatus.status, request.currentStatus.statusCategory),
    group: request.serviceDesk?.projectName, createdAt: request.createdDate, events: requestEvents(reads).sort(byTime),
    fields: { ...ticket.fields, ...(request.requestType && { 'Request type': request.requestType.name }) },
    complete: comments.complete && statuses.complete && changelog.histories.length >= changelog.total,
  });
}
