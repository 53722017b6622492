import type { z } from 'zod';
import { selectAllFirst, selectFirst } from '../dom/select-first.ts';
import { parseOrThrow, SchemaError } from '../schema-error.ts';
import { parseTicket, type Ticket, type TicketEvent, type TicketInput } from '../ticket.ts';
import type { HelpdeskAdapter, HelpdeskSource, PageMatch } from './types.ts';
import * as vendor from './vendor-json/zammad.ts';

const NOBODY = 1; // Zammad's system user "-" owns every unassigned ticket
const SEARCH_PAGE = 50;
const ID = /^\d+$/;
const ZOOM_ROUTE = /^#\/?ticket\/zoom\/(\d+)(?:\/.*)?$/; // classic UI, optionally with an article id
const VIEW_ROUTE = /^#\/?ticket\/view(?:\/[\w-]+)?\/?$/;
const NEW_UI_TICKET = /^\/(?:desktop|mobile)\/tickets\/(\d+)\/?$/; // new tech stack: data only, no DOM hooks yet
const NEW_UI_VIEW = /^\/desktop\/tickets\/view(?:\/[\w-]+)?\/?$/;

const selectors = {
  rows: [
    '.content.active .table-overview tr.item[data-id]', // classic UI overview, in the visible task
    '.table-overview tr.item[data-id]', // classic UI overview, task container not marked active
  ],
  // The classic UI keeps other opened tickets' tasks in the DOM, so the anchor is looked up inside this ticket's task.
  anchor: (ticketId: string) => [
    `#content_permanent_Ticket-${ticketId} .ticketZoom-controls`, // classic UI zoom, the controls bar
    `#content_permanent_Ticket-${ticketId} .ticketZoom-header`, // classic UI zoom, before the controls are rendered
  ],
};

const getParsed = <S extends z.ZodType>(source: HelpdeskSource, path: string, schema: S, what: string) =>
  source.getJson(path).then((json) => parseOrThrow(schema, json, what));
const byTime = (a: TicketEvent, b: TicketEvent) => Date.parse(a.at) - Date.parse(b.at);
const fullName = (user: vendor.ZammadUser) => [user.firstname, user.lastname].filter(Boolean).join(' ') || undefined;

/** Time units are minutes unless the admin set another unit (agents cannot read the `time_accounting_unit` setting). */
function minutesPerUnit(source: HelpdeskSource): number {
  const configured = source.site?.options?.['timeUnitMinutes'];
  return typeof configured === 'number' && configured > 0 ? configured : 1;
}

async function readTicket(source: HelpdeskSource, ticketId: string): Promise<Ticket> {
  if (!ID.test(ticketId)) throw new Error(`Zammad ticket ids are numbers, got "${ticketId}"`);
  const [all, articles, { history }, accountings] = await Promise.all([
    getParsed(source, `/api/v1/tickets/${ticketId}?all=true`, vendor.zammadTicketAllSchema, `Zammad ticket ${ticketId}`),
    getParsed(source, `/api/v1/ticket_articles/by_ticket/${ticketId}?expand=true`, vendor.zammadArticlesSchema, `Zammad articles of ${ticketId}`),
    getParsed(source, `/api/v1/ticket_history/${ticketId}`, vendor.zammadHistorySchema, `Zammad history of ${ticketId}`),
    getParsed(source, `/api/v1/tickets/${ticketId}/time_accountings`, vendor.zammadTimeAccountingsSchema, `Zammad time of ${ticketId}`),
  ]);
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
    ...common(ticket, source.origin),
    requester: { email: customer?.email ?? '', name: customer && fullName(customer) },
    organization: ticket.organization_id == null ? undefined : assets.Organization?.[String(ticket.organization_id)]?.name,
    group: ticket.group_id == null ? undefined : assets.Group?.[String(ticket.group_id)]?.name,
    priority: assets.TicketPriority?.[String(ticket.priority_id)]?.name ?? changesOf('priority').at(-1)?.value_to ?? undefined,
    status: vendor.zammadStatus(state), channel: first && vendor.zammadChannel(first.type), tags: all.tags ?? [],
    assignee: ticket.owner_id === NOBODY ? undefined : (user(ticket.owner_id)?.login ?? undefined),
    events: events.sort(byTime), timeSpentMinutes: Math.max(0, units) * minutesPerUnit(source),
    // Every article the agent may see came back, or the count says some are missing.
    complete: ticket.article_count == null || articles.length >= ticket.article_count,
  });
}

/** What every read knows: identity, timestamps and admin-defined attributes. */
function common(ticket: z.output<typeof vendor.zammadTicketSchema>, origin: string) {
  const { id, title, created_at: createdAt, updated_at: updatedAt } = ticket;
  const url = `${origin}/#ticket/zoom/${id}`;
  return { id: String(id), helpdesk: 'zammad', url, subject: title, createdAt, updatedAt, fields: vendor.zammadCustomFields(ticket) } as const;
}

/** A search hit: association names instead of assets, no articles or tags (`complete: false`). */
function fromSearch(ticket: z.output<typeof vendor.zammadSearchSchema>[number], source: HelpdeskSource): TicketInput {
  const opening: TicketEvent[] = ticket.create_article_sender === 'Customer' ? [{ at: ticket.created_at, type: 'customer_message' }] : [];
  const firstReply: TicketEvent[] = ticket.first_response_at ? [{ at: ticket.first_response_at, type: 'agent_reply' }] : [];
  return {
    ...common(ticket, source.origin),
    // Search names users by login; Zammad makes a customer's email address their login when a mail creates them.
    requester: { email: ticket.customer?.includes('@') ? ticket.customer : '' },
    organization: ticket.organization ?? undefined, group: ticket.group ?? undefined, priority: ticket.priority,
    status: vendor.zammadStatus(ticket.state),
    channel: ticket.create_article_type ? vendor.zammadChannel(ticket.create_article_type) : undefined,
    assignee: ticket.owner_id === NOBODY ? undefined : (ticket.owner ?? undefined), tags: [],
    events: [...opening, ...firstReply], complete: false,
    timeSpentMinutes: ticket.time_unit == null ? undefined : Math.max(0, ticket.time_unit) * minutesPerUnit(source),
  };
}

/**
 * Zammad (self-hosted), classic desktop UI: JSON from the REST API with the agent's session, the DOM only for placement.
 *
 * @example
 * zammad.detectPage(new URL('https://helpdesk.example.org/#ticket/zoom/2317')) // => { kind: 'ticket', ticketId: '2317' }
 */
export const zammad: HelpdeskAdapter = {
  id: 'zammad', label: 'Zammad', hosting: 'self-hosted', matches: [], readsWithoutPage: true, recordsTimeSpent: true,
  testUrls: {
    ticket: [
      'https://helpdesk.example.org/#ticket/zoom/2317',
      'https://helpdesk.example.org/#ticket/zoom/2317/10482',
      'https://helpdesk.example.org/desktop/tickets/2317',
    ],
    list: [
      'https://helpdesk.example.org/#ticket/view/all_open',
      'https://helpdesk.example.org/#ticket/view/my_assigned',
      'https://helpdesk.example.org/desktop/tickets/view/all_unassigned',
    ],
  },

  detectPage(url, site): PageMatch | undefined {
    if (site && site.origin !== url.origin) return undefined;
    const ticketId = ZOOM_ROUTE.exec(url.hash)?.[1] ?? NEW_UI_TICKET.exec(url.pathname)?.[1];
    if (ticketId) return { kind: 'ticket', ticketId };
    return VIEW_ROUTE.test(url.hash) || NEW_UI_VIEW.test(url.pathname) ? { kind: 'list' } : undefined;
  },

  readTicket,

  async readTickets(source, ticketIds) {
    const ids = ticketIds.filter((ticketId) => ID.test(ticketId)); // checked before they go into the query
    const tickets: Ticket[] = [];
    for (let start = 0; start < ids.length; start += SEARCH_PAGE) {
      const page = ids.slice(start, start + SEARCH_PAGE);
      const path = `/api/v1/tickets/search?query=${encodeURIComponent(`id:(${page.join(' OR ')})`)}&limit=${page.length}&expand=true`;
      const found = await getParsed(source, path, vendor.zammadSearchSchema, 'Zammad ticket search');
      tickets.push(...found.map((ticket) => parseTicket(fromSearch(ticket, source))));
    }
    return tickets;
  },

  listRows(document) {
    return selectAllFirst(document, selectors.rows).flatMap((element) => {
      const ticketId = element.getAttribute('data-id') ?? '';
      return ID.test(ticketId) ? [{ ticketId, element }] : [];
    });
  },

  ticketAnchor(document, ticketId) {
    return ID.test(ticketId) ? selectFirst(document, selectors.anchor(ticketId)) : undefined;
  },

  async listQueue(source, overviewLink) {
    if (!/^[\w-]+$/.test(overviewLink)) throw new Error(`Zammad overview links are like "all_open", got "${overviewLink}"`);
    const path = `/api/v1/ticket_overviews?view=${overviewLink}`;
    const overview = await getParsed(source, path, vendor.zammadOverviewSchema, `Zammad overview ${overviewLink}`);
    return overview.index.tickets.map((ticket) => String(ticket.id));
  },
};

// ## Test URLs
// https://helpdesk.example.org/#ticket/zoom/2317
// https://helpdesk.example.org/#ticket/zoom/2317/10482
// https://helpdesk.example.org/desktop/tickets/2317
// https://helpdesk.example.org/#ticket/view/all_open
// https://helpdesk.example.org/#ticket/view/my_assigned
// https://helpdesk.example.org/desktop/tickets/view/all_unassigned
