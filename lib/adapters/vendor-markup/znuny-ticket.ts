/**
 * From Znuny's server-rendered agent pages to the normalized {@link Ticket}, as vendor-json/ does for JSON
 * helpdesks: what the templates print inside the elements the adapter finds (Kernel/Output/HTML/Templates/Standard/
 * AgentTicketZoom/TicketInformation.tt, AgentCustomerTableView.tt, AgentTicketOverviewSmall.tt; Znuny 6.5 and 7,
 * OTRS 6 = Znuny 6), and what it means. Labels and state names are read in English.
 */
import { collapseWhitespace as collapse } from '../../dom/collapse-whitespace.ts';
import { textOfFirst } from '../../dom/select-first.ts';
import { parseTicket, type Ticket, type TicketChannel, type TicketEvent, type TicketStatus } from '../../ticket.ts';
import { parseLocalTime, type LocalTimeSettings } from '../local-time.ts';
import { NotRecognizedError, type ListRow } from '../types.ts';

/** Channel names of the article list ("Via"); "Internal" notes are no channel of the ticket. */
const CHANNELS: Readonly<Record<string, TicketChannel>> = { email: 'email', phone: 'phone', chat: 'chat' };
const findEmail = (text: string | null | undefined) => /[^\s<>"':;,]+@[^\s<>"';,]+\.\w+/.exec(text ?? '')?.[0].toLowerCase();

/**
 * Znuny's states by state type. It has no solved stage: a follow-up reopens a closed ticket, as it reopens a
 * solved one elsewhere. Custom states are usually named after their type, so the prefix decides.
 *
 * @example
 * znunyStatus('pending auto close+') // => 'pending'
 * znunyStatus('closed successful') // => 'closed'
 */
export function znunyStatus(state: string): TicketStatus {
  const name = state.toLowerCase();
  if (name === 'new') return 'new';
  if (name.startsWith('pending')) return 'pending';
  return name.startsWith('closed') || name === 'merged' || name === 'removed' ? 'closed' : 'open';
}

/**
 * Label → value element of the sidebar's label/value lists (ticket and customer information widgets).
 *
 * @example
 * readLabels(sidebar).get('State')?.textContent // => 'open'
 */
export function readLabels(sidebar: Element): Map<string, Element> {
  const values = new Map<string, Element>();
  for (const label of sidebar.querySelectorAll('fieldset.TableLike label')) {
    const name = collapse(label.textContent).replace(/:$/, '');
    // Znuny 6 puts the value right after its label; Znuny 7 wraps both in a <span>: the next sibling either way.
    if (label.nextElementSibling && !values.has(name)) values.set(name, label.nextElementSibling);
  }
  return values;
}

/** One row of the "Article Overview" table: when, from whom, by which channel, and what kind of message (none for system articles). */
export interface ZnunyArticle {
  at: string | undefined;
  type: TicketEvent['type'] | undefined;
  name: string | undefined;
  email: string | undefined;
  channel: TicketChannel | undefined;
}

/**
 * Reads one row of the article table; the row's classes say who wrote it and whether customers can see it.
 *
 * @example
 * readArticleRow(row, settings) // => { at: '2026-11-23T08:15:00.000Z', type: 'customer_message', name: 'Ana Lima', email: 'ana@example.org', channel: 'email' }
 */
export function readArticleRow(row: Element, settings: LocalTimeSettings): ZnunyArticle {
  const sender = row.querySelector('td.Sender div[title]'); // title: "Ana Lima <ana@example.org>", text: "Ana Lima"
  const type: TicketEvent['type'] | undefined = row.classList.contains('customer') ? 'customer_message'
    : !row.classList.contains('agent') ? undefined : row.classList.contains('NotVisibleForCustomer') ? 'internal_note' : 'agent_reply';
  const [name, email] = [collapse(sender?.textContent ?? '') || undefined, findEmail(sender?.getAttribute('title'))];
  const at = parseLocalTime(textOfFirst(row, ['td.Created']) ?? '', settings);
  return { at, type, name, email, channel: CHANNELS[textOfFirst(row, ['td.Channel'])?.toLowerCase() ?? ''] };
}

/** What the adapter found on a ticket zoom page: the headline's number and title, the sidebar's labels, the articles (oldest first). */
export interface ZnunyZoom {
  ticketId: string;
  url: string | undefined;
  number: string | undefined;
  subject: string | undefined;
  labels: Map<string, Element>;
  articles: ZnunyArticle[];
  events: TicketEvent[];
  complete: boolean;
}

/**
 * The ticket of a zoom page. Throws {@link NotRecognizedError} without a State or Created label (another agent language).
 *
 * @example
 * zoomTicket(zoom, settings).status // => 'open'
 */
export function zoomTicket({ ticketId, url, number, subject, labels, articles, events, complete }: ZnunyZoom, settings: LocalTimeSettings): Ticket {
  const text = (label: string) => collapse(labels.get(label)?.textContent ?? '') || undefined;
  const time = (label: string) => parseLocalTime(text(label) ?? '', settings);
  const [state, createdAt] = [text('State'), time('Created')];
  if (!state || !createdAt) throw new NotRecognizedError('Znuny: no State or Created in the ticket information (agent language must be English).');
  const firstCustomer = articles.find(({ type }) => type === 'customer_message');
  const customerId = labels.get('Customer ID');
  const fields = {
    TicketNumber: number, Type: text('Type'), Service: text('Service'), SLA: text('Service Level Agreement'),
    FirstResponseTimeDestinationDate: time('First Response Time'), UpdateTimeDestinationDate: time('Update Time'),
    SolutionTimeDestinationDate: time('Solution Time'),
  };
  return parseTicket({
    id: ticketId, helpdesk: 'znuny', subject, createdAt, events, complete, tags: [], url,
    // The customer widget loads asynchronously; until it has, the first customer article names the requester.
    requester: { email: findEmail(labels.get('Email')?.getAttribute('title') ?? text('Email')) ?? firstCustomer?.email ?? '', name: firstCustomer?.name },
    organization: collapse(customerId?.querySelector('a')?.textContent ?? customerId?.textContent ?? '') || undefined,
    priority: text('Priority'), status: znunyStatus(state), channel: articles[0]?.channel, assignee: text('Owner'), group: text('Queue'),
    fields: Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  });
}

/**
 * A row of the "S" view as an estimate (no events, `complete: false`); each header cell has its column's name as a
 * class (Kernel/Output/HTML/TicketOverview/Small.pm). None without a State or Created column.
 *
 * @example
 * overviewRowTicket(row, settings)[0]?.fields // => { TicketNumber: '2026112310000017' }
 */
export function overviewRowTicket({ ticketId, element }: ListRow, settings: LocalTimeSettings): Ticket[] {
  const headers = [...(element.closest('table')?.querySelectorAll('thead th') ?? [])];
  const cell = (column: string) => collapse(element.children[headers.findIndex((th) => th.classList.contains(column))]?.textContent ?? '') || undefined;
  const [state, createdAt] = [cell('State'), parseLocalTime(cell('Created') ?? '', settings)];
  // Without the Created column (Age would need the current time, which lib/ never reads) or State: no ticket.
  if (!state || !createdAt) return [];
  const link = element.querySelector('a.MasterActionLink');
  return [parseTicket({
    id: ticketId, helpdesk: 'znuny', subject: cell('Title') ?? link?.getAttribute('title') ?? '', requester: { email: '' },
    organization: cell('CustomerID'), tags: [], priority: cell('Priority'), status: znunyStatus(state), assignee: cell('Owner'),
    group: cell('Queue'), createdAt, events: [], complete: false, fields: { TicketNumber: collapse(link?.textContent ?? '') },
  })];
}
