import type { ContentScriptContext } from '#imports';
import type { HelpdeskAdapter, HelpdeskSource, SiteSettings } from '../../lib/adapters/types.ts';
import type { MessageRequest, MessageResponse } from '../../lib/messaging/protocol.ts';
import type { ErrorLog } from '../../lib/overlay/error-log.ts';
import type { Ticker, TickerTask } from '../../lib/overlay/ticker.ts';
import type { Ticket } from '../../lib/ticket.ts';

export type DiagnosticsRequest = MessageRequest<'reportDiagnostics'>;

/** One page (a ticket or a list) for as long as the agent stays on it. */
export interface PageContext {
  ctx: ContentScriptContext;
  adapter: HelpdeskAdapter;
  site: SiteSettings | undefined;
  source: HelpdeskSource;
  /** Aborted when the agent navigates away or the content script is invalidated. */
  signal: AbortSignal;
  ticker: Ticker;
  visibility: VisibilityWatcher;
  errors: ErrorLog;
  now: () => number;
  agentZone: string;
  /** Asks the background for the tickets' clocks (in as many messages as the protocol's limit needs). */
  evaluate: (tickets: readonly Ticket[]) => Promise<MessageResponse<'evaluateTickets'>>;
  /** Reports what the adapter saw, once per distinct report. */
  report: (outcome: Pick<DiagnosticsRequest, 'recognized' | 'ticketsRead' | 'lastTicketId' | 'error'>) => void;
}

/** Our shadow hosts: their insertion is not news to the DOM observers. */
export const isOverlayHost = (node: Node): boolean => node.nodeName.startsWith('SLA-LENS-');

/** How long a page may take to show its ticket anchor or rows before it is reported as not recognized. */
export const RECOGNITION_TIMEOUT_MS = 10_000;

/** Feeds IntersectionObserver visibility to the ticker: only countdowns on screen are redrawn. */
export interface VisibilityWatcher {
  watch(element: Element, task: TickerTask): void;
  unwatch(element: Element): void;
  disconnect(): void;
}

/** However soon evaluations say things change, the background is asked again at most this often. */
export const REEVALUATE_AT_MOST_EVERY_MS = 10_000;

/** What a page session asks of its ticket or list view. */
export interface PageView {
  /** Reads the tickets from the helpdesk again (the tab was shown after a while). */
  reread(): void;
}

/** An error's message as the agent and the diagnostics page read it (without the class name). */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The earliest of some instants, ignoring nulls; null when there is none. */
export function earliest(instants: Iterable<number | null>): number | null {
  let first: number | null = null;
  for (const instant of instants) if (instant !== null && (first === null || instant < first)) first = instant;
  return first;
}
