/**
 * From a helpdesk page to the normalized ticket with the selectors an admin configured (generic-settings.ts):
 * the markup-only twin of vendor-json/ for helpdesks SLA Lens has no adapter of its own for. Times, statuses and
 * channels are read as the page shows them and mapped by the site's settings.
 */
import { collapseWhitespace as collapse } from '../../dom/collapse-whitespace.ts';
import { selectAllFirst, selectFirst, textOfFirst } from '../../dom/select-first.ts';
import { TICKET_CHANNELS, type TicketChannel, type TicketEvent, type TicketStatus } from '../../ticket.ts';
import { DEFAULT_STATUS_MAP, type GenericFieldSelectors, type GenericSiteOptions } from '../generic-settings.ts';
import { parseLocalTime } from '../local-time.ts';

type EventSettings = NonNullable<GenericSiteOptions['events']>;

function readTime(root: ParentNode, selectors: readonly string[], settings: GenericSiteOptions): string | undefined {
  const element = selectFirst(root, selectors);
  // A <time datetime> is exact; the visible text and a `title` tooltip are the usual fallbacks.
  return [element?.getAttribute('datetime'), element?.textContent, element?.getAttribute('title')]
    .map((candidate) => (candidate ? parseLocalTime(collapse(candidate), settings) : undefined))
    .find(Boolean);
}

/** An address in the text or in a `mailto:` link. */
function readEmail(root: ParentNode, selectors: readonly string[]): string | undefined {
  const element = selectFirst(root, selectors);
  const text = `${element?.textContent ?? ''} ${element?.getAttribute('href') ?? ''}`;
  return /[^\s<>"':,;]+@[^\s<>"',;]+\.[^\s<>"',;]+/.exec(text)?.[0];
}

const CHANNEL_ALIASES: Readonly<Record<string, TicketChannel>> = { 'e-mail': 'email', mail: 'email', form: 'web', call: 'phone', voice: 'phone', messaging: 'chat' };
function toChannel(text: string): TicketChannel {
  const key = text.toLowerCase();
  return TICKET_CHANNELS.find((channel) => channel === key) ?? CHANNEL_ALIASES[key] ?? 'other';
}

function toStatus(text: string, settings: GenericSiteOptions): TicketStatus | undefined {
  const shown = text.toLowerCase();
  return Object.entries(settings.statusMap).find(([key]) => key.trim().toLowerCase() === shown)?.[1] ?? DEFAULT_STATUS_MAP[shown];
}

/**
 * Reads the configured fields inside `root` (the page, or one list row); a field without a selector, or
 * that could not be read, is undefined.
 *
 * @example
 * readFields(document, settings.fields, settings) // => { subject: 'Printer on fire', status: 'open', createdAt: '2026-11-23T08:15:00.000Z', … }
 */
export function readFields(root: ParentNode, selectors: Partial<GenericFieldSelectors>, settings: GenericSiteOptions) {
  const text = (alternatives: readonly string[] | undefined) => (alternatives ? textOfFirst(root, alternatives) : undefined);
  const [statusText, channelText] = [text(selectors.status), text(selectors.channel)];
  return {
    subject: text(selectors.subject),
    status: statusText === undefined ? undefined : toStatus(statusText, settings),
    createdAt: selectors.createdAt && readTime(root, selectors.createdAt, settings),
    requester: { email: (selectors.requesterEmail && readEmail(root, selectors.requesterEmail)) ?? '', name: text(selectors.requesterName) },
    organization: text(selectors.organization),
    priority: text(selectors.priority),
    tags: selectors.tags ? selectAllFirst(root, selectors.tags).map((tag) => collapse(tag.textContent)).filter(Boolean) : [],
    assignee: text(selectors.assignee),
    group: text(selectors.group),
    channel: channelText === undefined ? undefined : toChannel(channelText),
  };
}

function matches(item: Element, matcher: EventSettings['customer']): boolean {
  if (!matcher) return false;
  const bySelector = matcher.selector?.some((selector) => item.matches(selector) || item.querySelector(selector) !== null) ?? false;
  return bySelector || (matcher.text !== undefined && new RegExp(matcher.text).test(collapse(item.textContent)));
}

/**
 * The events, and whether every item could be read (an item without a readable time makes the history partial).
 *
 * @example
 * readEvents(document, settings.events, settings) // => { events: [{ at: '2026-11-23T08:15:00.000Z', type: 'customer_message', … }], complete: true }
 */
export function readEvents(document: Document, events: EventSettings, settings: GenericSiteOptions) {
  const items = selectAllFirst(document, events.item);
  let unreadable = 0;
  const read = items.flatMap((item): TicketEvent[] => {
    // Internal notes are written by agents too, so they are recognized first.
    const type = matches(item, events.internal) ? 'internal_note' : matches(item, events.customer) ? 'customer_message'
      : !events.agent || matches(item, events.agent) ? 'agent_reply' : undefined;
    if (!type) return [];
    const at = readTime(item, events.time, settings);
    if (!at) unreadable++;
    return at ? [{ at, type, author: events.author && textOfFirst(item, events.author) }] : [];
  });
  return { events: read.sort((a, b) => a.at.localeCompare(b.at)), complete: items.length > 0 && unreadable === 0 };
}
