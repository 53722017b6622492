/**
 * From Zammad's REST JSON (the schemas in ./zammad.ts) to the normalized {@link Ticket}: a ticket with
 * its assets, articles, history and time accounting, or a search hit that names its associations.
 */
import type { z } from 'zod/mini';
import { SchemaError } from '../../schema-error.ts';
import { parseTicket, type Ticket, type TicketEvent, type TicketInput } from '../../ticket.ts';
import { byTime } from '../shared/event-order.ts';
import * as vendor from './zammad.ts';

const NOBODY = 1; // Zammad's system user "-" owns every unassigned ticket

/** Where the helpdesk is, and how many minutes one accounted time unit is (see the adapter's `timeUnitMinutes`). */
export interface ZammadSite {
  origin: string;
  minutesPerUnit: number;
}

/** Everything read about one ticket. */
export interface ZammadTicketReads {
  all: z.output<typeof vendor.zammadTicketAllSchema>;
  articles: z.output<typeof vendor.zammadArticlesSchema>;
  history: z.output<typeof vendor.zammadHistorySchema>['history'];
  accountings: z.output<typeof vendor.zammadTimeAccountingsSchema>;
}

const fullName = (user: vendor.ZammadUser) => [user.firstname, user.lastname].filter(Boolean).join(' ') || undefined;
/** A total below zero (negative entries correct earlier ones) counts as no time. */
const minutesOf = (units: number, site: ZammadSite) => Math.max(0, units) * site.minutesPerUnit;

/** What every read knows: identity, timestamps and admin-defined attributes. */
function common(ticket: z.output<typeof vendor.zammadTicketSchema>, origin: string) {
  const { id, title, created_at: createdAt, updated_at: updatedAt } = ticket;
  const url = `${origin}/#ticket/zoom/${id}`;
  return { id: String(id), helpdesk: 'zammad', url, subject: title, createdAt, updatedAt, fields: vendor.zammadCustomFields(ticket) } as const;
}

/**
 * The whole ticket: assets name its people, group, state and priority; articles are the messages and the
 * history the status and priority changes. Throws a {@link SchemaError} when the assets lack the ticket or its state.
 *
 * @example
 * fromTicket('2317', reads, { origin: 'https://helpdesk.example.org', minutesPerUnit: 1 }).status // => 'pending'
 */
export function fromTicket(ticketId: string, { all, articles, history, accountings }: ZammadTicketReads, site: ZammadSite): Ticket {
  const { assets } = all;
  const ticket = assets.Ticket[String(all.ticket_id)];
  if (!ticket) throw new SchemaError(`Zammad ticket ${ticketId}`, [{ path: `assets.Ticket.${all.ticket_id}`, message: 'missing' }]);
  const user = (userId: number | null | undefined) => (userId == null ? undefined : assets.User?.[String(userId)]);
  const author = (userId: number | null | undefined, login?: string | null) =>
    user(userId)?.email?.toLowerCase() || user(userId)?.login || login || undefined;
  const changes = history.filter((row) => row.object === 'Ticket' && row.type === 'updated' && row.value_to);
  const changesOf = (attribute: string) => changes.filter((row) => row.attribute === attribute);
  const by = (row: (typeof changes)[number]) => ({ at: row.created_at, author: author(row.created_by_id) });
  // The edit form's assets can lack the current state (e.g. `merged`); the last recorded change names it then.
  const state = assets.TicketState?.[String(ticket.state_id)]?.name ?? changesOf('state').at(-1)?.value_to;
  if (!state) throw new SchemaError(`Zammad ticket ${ticketId}`, [{ path: `assets.TicketState.${ticket.state_id}`, message: 'missing' }]);
  const customer = user(ticket.customer_id);
  const first = [...articles].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id)[0];
  const events: TicketEvent[] = [
    // System articles (auto-replies, trigger notifications) are nobody's message.
    ...articles.filter((article) => article.sender !== 'System').map((article): TicketEvent => ({
      at: article.created_at,
      type: article.internal ? 'internal_note' : article.sender === 'Customer' ? 'customer_message' : 'agent_reply',
      author: author(article.created_by_id, article.created_by),
    })),
    ...changesOf('state').map((row): TicketEvent => ({ ...by(row), type: 'status_change', status: vendor.zammadStatus(row.value_to ?? '') })),
    ...changesOf('priority').map((row): TicketEvent => ({ ...by(row), type: 'priority_change', priority: row.value_to ?? undefined })),
  ];
  const units = accountings.reduce((sum, entry) => sum + entry.time_unit, 0);
  return parseTicket({
    ...common(ticket, site.origin),
    requester: { email: customer?.email ?? '', name: customer && fullName(customer) },
    organization: ticket.organization_id == null ? undefined : assets.Organization?.[String(ticket.organization_id)]?.name,
    group: ticket.group_id == null ? undefined : assets.Group?.[String(ticket.group_id)]?.name,
    priority: assets.TicketPriority?.[String(ticket.priority_id)]?.name ?? changesOf('priority').at(-1)?.value_to ?? undefined,
    status: vendor.zammadStatus(state), channel: first && vendor.zammadChannel(first.type), tags: all.tags ?? [],
    assignee: ticket.owner_id === NOBODY ? undefined : (user(ticket.owner_id)?.login ?? undefined),
    events: events.sort(byTime), timeSpentMinutes: minutesOf(units, site),
    // Every article the agent may see came back, or the count says some are missing.
    complete: ticket.article_count == null || articles.length >= ticket.article_count,
  });
}

/**
 * A search hit: association names instead of assets, no articles or tags (`complete: false`).
 *
 * @example
 * fromSearch(hit, { origin: 'https://helpdesk.example.org', minutesPerUnit: 1 }).events // => [{ at: '2026-11-23T08:12:04Z', type: 'customer_message' }]
 */
export function fromSearch(ticket: z.output<typeof vendor.zammadSearchSchema>[number], site: ZammadSite): TicketInput {
  const opening: TicketEvent[] = ticket.create_article_sender === 'Customer' ? [{ at: ticket.created_at, type: 'customer_message' }] : [];
  const firstReply: TicketEvent[] = ticket.first_response_at ? [{ at: ticket.first_response_at, type: 'agent_reply' }] : [];
  return {
    ...common(ticket, site.origin),
    // Search names users by login; Zammad makes a customer's email address their login when a mail creates them.
    requester: { email: ticket.customer?.includes('@') ? ticket.customer : '' },
    organization: ticket.organization ?? undefined, group: ticket.group ?? undefined, priority: ticket.priority,
    status: vendor.zammadStatus(ticket.state),
    channel: ticket.create_article_type ? vendor.zammadChannel(ticket.create_article_type) : undefined,
    assignee: ticket.owner_id === NOBODY ? undefined : (ticket.owner ?? undefined), tags: [],
    events: [...opening, ...firstReply], complete: false,
    timeSpentMinutes: ticket.time_unit == null ? undefined : minutesOf(ticket.time_unit, site),
  };
}
