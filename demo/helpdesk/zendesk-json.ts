/**
 * The demo tickets as Zendesk Support API v2 responses (developer.zendesk.com/api-reference/ticketing/
 * tickets/tickets/ and …/ticket_audits/), with the fields real responses carry, so the real Zendesk
 * adapter reads them unchanged. Instants are computed from `nowMs`, the moment the demo started.
 */
import { DEMO_GROUP, demoOrganizations, demoTickets, demoUser, type DemoStatus, type DemoTicket } from './demo-tickets.ts';

const MINUTE_MS = 60_000;
/** The Zendesk Time Tracking app's field (the adapter finds it by this title). */
export const TIME_SPENT_FIELD_ID = 360000200001;

/** `2026-11-23T08:12:04Z`: Zendesk writes whole seconds in UTC. */
const isoAt = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export interface ZendeskJson {
  origin: string;
  nowMs: number;
}

function userJson({ origin }: ZendeskJson, id: number) {
  const user = demoUser(id);
  return {
    id: user.id,
    url: `${origin}/api/v2/users/${user.id}.json`,
    name: user.name,
    email: user.email,
    role: user.role,
    organization_id: user.organizationId,
    active: true,
    verified: true,
    suspended: false,
  };
}

/** The status a ticket is created in: an assigned ticket was opened by a trigger in the creating audit, as Zendesk does. */
const initialStatus = (ticket: DemoTicket): DemoStatus => (ticket.assigneeId === null ? 'new' : 'open');

/** The status after the last message that set one. */
export function statusAfterAll(ticket: DemoTicket): DemoStatus {
  return ticket.messages.findLast((message) => message.status !== undefined)?.status ?? initialStatus(ticket);
}

function lastActivityMs(ticket: DemoTicket, nowMs: number): number {
  const minutesAgo = Math.min(ticket.createdMinutesAgo, ...ticket.messages.map((message) => message.minutesAgo));
  return nowMs - minutesAgo * MINUTE_MS;
}

/** One ticket object, as in `GET /api/v2/tickets/{id}.json`. */
export function ticketJson(context: ZendeskJson, ticket: DemoTicket) {
  const { origin, nowMs } = context;
  const requester = demoUser(ticket.requesterId);
  return {
    url: `${origin}/api/v2/tickets/${ticket.id}.json`,
    id: ticket.id,
    external_id: null,
    via: { channel: ticket.channel, source: { from: { address: requester.email, name: requester.name }, to: { address: 'support@demo.zendesk.com' }, rel: null } },
    created_at: isoAt(nowMs - ticket.createdMinutesAgo * MINUTE_MS),
    updated_at: isoAt(lastActivityMs(ticket, nowMs)),
    type: 'incident',
    subject: ticket.subject,
    raw_subject: ticket.subject,
    description: ticket.description,
    priority: ticket.priority,
    status: statusAfterAll(ticket),
    recipient: 'support@demo.zendesk.com',
    requester_id: requester.id,
    submitter_id: requester.id,
    assignee_id: ticket.assigneeId,
    organization_id: requester.organizationId,
    group_id: DEMO_GROUP.id,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    has_incidents: false,
    is_public: true,
    due_at: null,
    tags: [],
    custom_fields: [{ id: TIME_SPENT_FIELD_ID, value: ticket.minutesSpent === undefined ? null : String(ticket.minutesSpent * 60) }],
  };
}

/** Side-loads of `include=users,groups,organizations` for some tickets. */
function sideloads(context: ZendeskJson, tickets: readonly DemoTicket[]) {
  const userIds = new Set(tickets.flatMap((ticket) => [ticket.requesterId, ...(ticket.assigneeId === null ? [] : [ticket.assigneeId])]));
  const organizationIds = new Set(tickets.map((ticket) => demoUser(ticket.requesterId).organizationId));
  return {
    users: [...userIds].map((id) => userJson(context, id)),
    groups: [{ url: `${context.origin}/api/v2/groups/${DEMO_GROUP.id}.json`, id: DEMO_GROUP.id, name: DEMO_GROUP.name, deleted: false }],
    organizations: demoOrganizations
      .filter((organization) => organizationIds.has(organization.id))
      .map((organization) => ({ url: `${context.origin}/api/v2/organizations/${organization.id}.json`, id: organization.id, name: organization.name })),
  };
}

export const findDemoTicket = (id: number) => demoTickets.find((ticket) => ticket.id === id);

/** `GET /api/v2/tickets/{id}.json?include=users,groups,organizations` */
export function showTicketJson(context: ZendeskJson, ticket: DemoTicket) {
  return { ticket: ticketJson(context, ticket), ...sideloads(context, [ticket]) };
}

/** `GET /api/v2/tickets/show_many.json?ids=…` (unknown ids are left out, as Zendesk does). */
export function showManyJson(context: ZendeskJson, ids: readonly number[]) {
  const tickets = ids.flatMap((id) => findDemoTicket(id) ?? []);
  return { tickets: tickets.map((ticket) => ticketJson(context, ticket)), ...sideloads(context, tickets) };
}

/** Audits oldest first: the creation (description, status, priority), then one audit per message. */
function audits(context: ZendeskJson, ticket: DemoTicket) {
  const { nowMs } = context;
  let eventId = ticket.id * 1000;
  const next = () => ++eventId;
  const createdAt = isoAt(nowMs - ticket.createdMinutesAgo * MINUTE_MS);
  const creation = {
    id: next(),
    ticket_id: ticket.id,
    created_at: createdAt,
    author_id: ticket.requesterId,
    via: { channel: ticket.channel, source: { rel: null } },
    events: [
      { id: next(), type: 'Comment', author_id: ticket.requesterId, body: ticket.description, plain_body: ticket.description, public: true, attachments: [] },
      { id: next(), type: 'Create', field_name: 'subject', value: ticket.subject },
      // The history must explain the current status, or SLA Lens rightly calls its clocks estimates.
      { id: next(), type: 'Create', field_name: 'status', value: initialStatus(ticket) },
      { id: next(), type: 'Create', field_name: 'priority', value: ticket.priority },
    ],
  };
  const replies = ticket.messages.map((message) => ({
    id: next(),
    ticket_id: ticket.id,
    created_at: isoAt(nowMs - message.minutesAgo * MINUTE_MS),
    author_id: message.authorId,
    via: { channel: demoUser(message.authorId).role === 'agent' ? 'web' : 'email', source: { rel: null } },
    events: [
      { id: next(), type: 'Comment', author_id: message.authorId, body: message.text, plain_body: message.text, public: message.internal !== true, attachments: [] },
      ...(message.status ? [{ id: next(), type: 'Change', field_name: 'status', value: message.status, previous_value: null }] : []),
    ],
  }));
  return [creation, ...replies];
}

const AUDITS_PER_PAGE = 2;

/**
 * `GET /api/v2/tickets/{id}/audits.json?include=users` (offset pagination with `next_page`). Pages
 * are kept small so the history-cut-short ticket has a second page to lose.
 */
export function auditPageJson(context: ZendeskJson, ticket: DemoTicket, page: number) {
  const all = audits(context, ticket);
  const items = all.slice((page - 1) * AUDITS_PER_PAGE, page * AUDITS_PER_PAGE);
  const more = page * AUDITS_PER_PAGE < all.length;
  const authors = new Set(items.map((audit) => audit.author_id));
  return {
    audits: items,
    users: [...authors].map((id) => userJson(context, id)),
    next_page: more ? `${context.origin}/api/v2/tickets/${ticket.id}/audits.json?include=users&page=${page + 1}` : null,
    previous_page: page > 1 ? `${context.origin}/api/v2/tickets/${ticket.id}/audits.json?include=users&page=${page - 1}` : null,
    count: all.length,
  };
}

/** `GET /api/v2/ticket_fields.json` */
export function ticketFieldsJson(context: ZendeskJson) {
  return {
    ticket_fields: [
      { url: `${context.origin}/api/v2/ticket_fields/${TIME_SPENT_FIELD_ID}.json`, id: TIME_SPENT_FIELD_ID, type: 'integer', title: 'Total time spent (sec)', active: true },
    ],
    next_page: null,
    previous_page: null,
    count: 1,
  };
}

/** `GET /api/v2/views/{id}/tickets.json` (cursor pagination; one page). */
export function viewTicketsJson(context: ZendeskJson) {
  const open = demoTickets.filter((ticket) => statusAfterAll(ticket) !== 'solved');
  return { tickets: open.map((ticket) => ticketJson(context, ticket)), meta: { has_more: false, after_cursor: null, before_cursor: null }, links: { prev: null, next: null } };
}
