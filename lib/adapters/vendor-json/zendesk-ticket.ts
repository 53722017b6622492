/**
 * From Zendesk's JSON (the schemas in ./zendesk.ts) to the normalized {@link Ticket}: who wrote each
 * message, which audit events are status and priority changes, and fields by the names agents see.
 */
import { byTime } from '../shared/event-order.ts';
import { minutesFromSeconds } from '../shared/time-spent.ts';
import { parseTicket, type Ticket, type TicketEvent } from '../../ticket.ts';
import * as api from './zendesk.ts';

/** Account-wide: custom field titles, drop-down choice names by tag, and the field holding the time tracked on a ticket. */
export interface ZendeskFields {
  titles: Map<number, string>;
  choices: Map<number, Map<string, string>>;
  timeSpentFieldId: number | undefined;
}

/**
 * Everything a ticket's ids point at, by id: the account's fields, the side-loaded users, groups and
 * organizations, and users only an audit page side-loaded.
 *
 * @example
 * createLookups('https://acme.zendesk.com', fields, { users, groups: [], organizations: [] }, []).users.get(381)?.role // => 'agent'
 */
export function createLookups(origin: string, fields: ZendeskFields, sideloaded: api.ZendeskSideloads, moreUsers: api.ZendeskUser[]) {
  const byId = <T extends { id: number }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
  const [users, groups, organizations] = [byId([...sideloaded.users, ...moreUsers]), byId(sideloaded.groups), byId(sideloaded.organizations)];
  return { ...fields, origin, users, groups, organizations };
}
export type Lookups = ReturnType<typeof createLookups>;
const get = <T>(map: Map<number, T>, id: number | null) => (id === null ? undefined : map.get(id));

const authorName = (user: api.ZendeskUser | undefined) => user?.email?.toLowerCase() ?? user?.name;

/**
 * A comment as a message: internal unless public, then by an agent or by the customer.
 *
 * @example
 * messageEvent('2026-11-23T08:12:04Z', true, ticket.requester_id, ticket, lookups).type // => 'customer_message'
 */
export function messageEvent(at: string, isPublic: boolean, authorId: number, ticket: api.ZendeskTicket, lookups: Lookups): TicketEvent {
  const author = lookups.users.get(authorId);
  if (!isPublic) return { at, type: 'internal_note', author: authorName(author) };
  // An unknown author (a deleted user) counts as the customer: a missing reply clock is worse than a spurious one.
  const byAgent = author !== undefined && authorId !== ticket.requester_id && (author.role === 'agent' || author.role === 'admin');
  return { at, type: byAgent ? 'agent_reply' : 'customer_message', author: authorName(author) };
}

/**
 * The events of one audit: its comments, and its status and priority changes; other events are no event.
 *
 * @example
 * auditEvents(audit, ticket, lookups) // => [{ at: '2026-11-23T09:40:00Z', type: 'agent_reply', … }, { …, type: 'status_change', status: 'pending' }]
 */
export function auditEvents({ created_at: at, author_id, events }: api.ZendeskAudit, ticket: api.ZendeskTicket, lookups: Lookups): TicketEvent[] {
  const author = authorName(lookups.users.get(author_id));
  return events.flatMap((event): TicketEvent[] => {
    if (api.ZENDESK_COMMENT_EVENT_TYPES.includes(event.type)) {
      return [messageEvent(at, event.public === true, event.author_id ?? author_id, ticket, lookups)];
    }
    if (!api.ZENDESK_FIELD_EVENT_TYPES.includes(event.type)) return [];
    const status = api.zendeskStatusSchema.safeParse(event.value);
    if (event.field_name === 'status' && status.success) return [{ at, type: 'status_change', status: status.data, author }];
    const priority = typeof event.value === 'string' ? event.value : undefined; // null when the priority was cleared
    return event.field_name === 'priority' ? [{ at, type: 'priority_change', priority, author }] : [];
  });
}

/** A field value as agents see it (a drop-down holds a tag, e.g. `plan_gold` for "Gold"), as a plan's match rules name it. */
const shownValue = (id: number, value: string | number | boolean | string[] | null, lookups: Lookups) =>
  [value].flat().map((item) => lookups.choices.get(id)?.get(String(item)) ?? String(item)).join(', ');

/**
 * The normalized ticket, with `events` (in any order) and whether they are the whole history.
 *
 * @example
 * toTicket(ticket, lookups, events, true).fields // => { Plan: 'Gold', 'Total time spent (sec)': '5400' }
 */
export function toTicket(ticket: api.ZendeskTicket, lookups: Lookups, events: TicketEvent[], complete: boolean): Ticket {
  const requester = lookups.users.get(ticket.requester_id);
  const customFields = ticket.custom_fields.filter((field) => field.value !== null && field.value !== '');
  const timeSpentSeconds = Number(customFields.find((field) => field.id === lookups.timeSpentFieldId)?.value ?? Number.NaN);
  return parseTicket({
    id: String(ticket.id),
    helpdesk: 'zendesk',
    url: `${lookups.origin}/agent/tickets/${ticket.id}`,
    subject: ticket.subject ?? '',
    requester: { email: requester?.email ?? '', name: requester?.name },
    organization: get(lookups.organizations, ticket.organization_id)?.name,
    tags: ticket.tags,
    priority: ticket.priority ?? undefined,
    status: ticket.status,
    channel: ticket.via?.channel,
    assignee: get(lookups.users, ticket.assignee_id)?.name,
    group: get(lookups.groups, ticket.group_id)?.name,
    createdAt: ticket.created_at,
    updatedAt: ticket.updated_at,
    events: events.toSorted(byTime), // audits come oldest first; this keeps it so
    complete,
    fields: Object.fromEntries(customFields.map(({ id, value }) => [lookups.titles.get(id) ?? String(id), shownValue(id, value, lookups)])),
    timeSpentMinutes: minutesFromSeconds(timeSpentSeconds),
  });
}
