import type { HelpdeskId, Ticket } from '../ticket.ts';

/** What kind of helpdesk page is open. */
export type PageMatch = { kind: 'ticket'; ticketId: string } | { kind: 'list' };

/** An agent's self-hosted or generic helpdesk site, as configured in the options page. */
export interface SiteSettings {
  /** e.g. `https://support.example.com` (no trailing slash). */
  origin: string;
  helpdesk: HelpdeskId;
  /** Adapter-specific settings (the generic adapter's selectors and date formats). */
  options?: Record<string, unknown>;
}

/**
 * How an adapter reaches the helpdesk: same-origin JSON with the agent's session, and the page when
 * there is one (content script) or not (background refresh).
 */
export interface HelpdeskSource {
  /** Origin of the helpdesk page, e.g. `https://acme.zendesk.com`. */
  origin: string;
  /**
   * GET `pathAndQuery` on the helpdesk's own origin with the agent's cookies and return the parsed JSON.
   * The caller implements caching, rate limits and `Retry-After`; it rejects with an Error on non-2xx.
   * Adapters never write.
   */
  getJson(pathAndQuery: string): Promise<unknown>;
  /** The helpdesk page, when reading from a content script. */
  document?: Document;
  /** The page URL, when reading from a content script. */
  url?: URL;
  site?: SiteSettings;
}

/** A visible row of a list or queue view. */
export interface ListRow {
  ticketId: string;
  /** The row element; the badge is mounted inside it. */
  element: Element;
}

/** Thrown when the page does not look like the helpdesk the adapter expects (markup changed, wrong page). */
export class NotRecognizedError extends Error {
  override readonly name = 'NotRecognizedError';
}

/**
 * One helpdesk: URL matching, reading tickets into the normalized {@link Ticket}, and where to draw.
 * Adapters never touch `browser.*`; they receive the document and a same-origin JSON reader.
 */
export interface HelpdeskAdapter {
  readonly id: HelpdeskId;
  readonly label: string;
  readonly hosting: 'saas' | 'self-hosted';
  /** Match patterns of SaaS hosts (manifest `content_scripts.matches` and `host_permissions`); empty when self-hosted. */
  readonly matches: readonly string[];
  /** Does the adapter read without a page (from the background worker)? False for markup-only helpdesks. */
  readonly readsWithoutPage: boolean;
  /** Does the helpdesk record agent time on tickets (→ `Ticket.timeSpentMinutes`)? */
  readonly recordsTimeSpent: boolean;
  /** Real (sanitised) URLs of each page kind, checked by the URL-matrix test. */
  readonly testUrls: { readonly ticket: readonly string[]; readonly list: readonly string[] };

  /** Recognizes a ticket or list page from its URL; `undefined` for any other page. */
  detectPage(url: URL, site?: SiteSettings): PageMatch | undefined;
  /** Reads one ticket (all of its history the agent can see). */
  readTicket(source: HelpdeskSource, ticketId: string): Promise<Ticket>;
  /** Reads many tickets with as few requests as the helpdesk allows (one per page of rows, not one per row). */
  readTickets(source: HelpdeskSource, ticketIds: readonly string[]): Promise<Ticket[]>;
  /**
   * Visible ticket rows of a list page (empty when none is recognized). `site` carries the selectors of
   * admin-configured adapters (generic); adapters with built-in selectors ignore it.
   */
  listRows(document: Document, site?: SiteSettings): ListRow[];
  /** Where the ticket strip goes on a ticket page; `undefined` when the markup is not recognized. `site` as in `listRows`. */
  ticketAnchor(document: Document, ticketId: string, site?: SiteSettings): Element | undefined;
  /** Ticket ids of a pinned queue (a view, filter, overview or saved search), when supported. */
  listQueue?(source: HelpdeskSource, queueId: string): Promise<string[]>;
}
