import type { ContentScriptContext } from '#imports';
import type { AdapterMatch } from '../../lib/adapters/registry.ts';
import type { MessageRequest, MessageResponse } from '../../lib/messaging/protocol.ts';
import { createErrorLog, type ErrorLog } from '../../lib/overlay/error-log.ts';
import { createTicker, type Ticker, type TickerTask } from '../../lib/overlay/ticker.ts';
import type { Ticket } from '../../lib/ticket.ts';
import { startListPage } from './list-page.ts';
import type { DiagnosticsRequest, PageContext, VisibilityWatcher } from './page-context.ts';
import { startTicketPage } from './ticket-page.ts';

/** What the overlay needs from the browser and the extension; the entrypoint passes the real ones, tests fakes. */
export interface OverlayEnvironment {
  ctx: ContentScriptContext;
  /** `findAdapter(url, sites)` with the configured self-hosted sites. */
  findAdapter: (url: URL) => AdapterMatch | undefined;
  /** Same-origin JSON reader of this origin (lib/helpdesk-http/same-origin-json.ts). */
  getJson: (pathAndQuery: string) => Promise<unknown>;
  evaluateTickets: (request: MessageRequest<'evaluateTickets'>) => Promise<MessageResponse<'evaluateTickets'>>;
  reportDiagnostics: (request: DiagnosticsRequest) => Promise<unknown>;
  now: () => number;
  /** The agent's IANA zone. */
  agentZone: string;
  log: (message: string, error: unknown) => void;
}

/** A tab shown again after this long re-reads its tickets (replies may have come in meanwhile). */
const STALE_AFTER_MS = 60_000;
/** The protocol's `evaluateTickets` limit. */
const TICKETS_PER_MESSAGE = 1000;

function createVisibilityWatcher(ticker: Ticker, errors: ErrorLog): VisibilityWatcher {
  const tasks = new Map<Element, TickerTask>();
  const observer = new IntersectionObserver(
    errors.guard(
      'track visibility',
      (entries: IntersectionObserverEntry[]) => {
        for (const entry of entries) {
          const task = tasks.get(entry.target);
          if (task) ticker.setVisible(task, entry.isIntersecting);
        }
      },
      undefined,
    ),
  );
  return {
    watch(element, task) {
      tasks.set(element, task);
      observer.observe(element);
    },
    unwatch(element) {
      tasks.delete(element);
      observer.unobserve(element);
    },
    disconnect() {
      observer.disconnect();
      tasks.clear();
    },
  };
}

interface PageSession {
  key: string;
  dispose(): void;
}

function startPageSession(env: OverlayEnvironment, errors: ErrorLog, url: URL, match: AdapterMatch | undefined, key: string): PageSession {
  const controller = new AbortController();
  const origin = url.origin;
  const diagnostics = { origin, helpdesk: match?.adapter.id ?? null, pageKind: match?.page?.kind ?? 'other' } as const;
  const sent = new Set<string>();
  const report: PageContext['report'] = (outcome) => {
    const request: DiagnosticsRequest = { ...diagnostics, ...outcome };
    const fingerprint = JSON.stringify(request);
    if (sent.has(fingerprint)) return;
    sent.add(fingerprint);
    env.reportDiagnostics(request).catch((error: unknown) => errors.capture(error, 'report diagnostics'));
  };
  if (!match?.page) {
    report({ recognized: match !== undefined, ticketsRead: 0 });
    return { key, dispose: () => controller.abort() };
  }

  const ticker = createTicker({
    now: env.now,
    setTimer: (callback, delay) => window.setTimeout(callback, delay),
    clearTimer: (id) => window.clearTimeout(id),
    onError: (error) => errors.capture(error, 'update countdowns'),
  });
  const visibility = createVisibilityWatcher(ticker, errors);
  const page: PageContext = {
    ctx: env.ctx,
    adapter: match.adapter,
    site: match.site,
    source: { origin, getJson: env.getJson, document, url, site: match.site },
    signal: controller.signal,
    ticker,
    visibility,
    errors,
    now: env.now,
    agentZone: env.agentZone,
    evaluate: async (tickets) => {
      const chunks: Ticket[][] = [];
      for (let start = 0; start < tickets.length; start += TICKETS_PER_MESSAGE) chunks.push(tickets.slice(start, start + TICKETS_PER_MESSAGE));
      const responses = await Promise.all(chunks.map((chunk) => env.evaluateTickets({ tickets: chunk, pageUrl: url.href })));
      return { evaluations: responses.flatMap((response) => response.evaluations), configured: responses.every((response) => response.configured) };
    },
    report,
  };
  const view = match.page.kind === 'ticket' ? startTicketPage(page, match.page.ticketId) : startListPage(page);

  let readAt = env.now();
  const rereadIfStale = errors.guard(
    'refresh a shown tab',
    () => {
      if (document.visibilityState !== 'visible' || env.now() - readAt < STALE_AFTER_MS) return;
      readAt = env.now();
      view.reread();
    },
    undefined,
  );
  document.addEventListener('visibilitychange', rereadIfStale, { signal: controller.signal });
  return {
    key,
    dispose() {
      controller.abort();
      ticker.dispose();
      visibility.disconnect();
    },
  };
}

/** The same ticket under another sub-path (`/agent/tickets/42/events`) is the same page; a list is its URL. */
function sessionKey(url: URL, match: AdapterMatch | undefined): string {
  const page = match?.page;
  if (page?.kind === 'ticket') return `${match?.adapter.id ?? ''}:ticket:${page.ticketId}`;
  return `${match?.adapter.id ?? ''}:${page?.kind ?? 'other'}:${url.href}`;
}

/**
 * Runs the overlay for the page and follows the SPA's navigation: each page gets its own session
 * (observer, ticker, shadow hosts), disposed completely when the agent leaves it or the content
 * script is invalidated. No exception gets out: every callback is guarded, each distinct error
 * logged once.
 *
 * @example
 * startOverlay({ ctx, findAdapter: (url) => findAdapter(url, sites), getJson, evaluateTickets, reportDiagnostics, now: Date.now, agentZone, log: console.warn });
 */
export function startOverlay(env: OverlayEnvironment): { reload: () => void } {
  const errors = createErrorLog(env.log);
  let session: PageSession | undefined;
  const open = errors.guard(
    'open the page',
    (url: URL, force = false) => {
      const match = errors.guard('find the adapter', (at: URL) => env.findAdapter(at), undefined)(url);
      const key = sessionKey(url, match);
      if (session?.key === key && !force) return;
      session?.dispose();
      session = startPageSession(env, errors, url, match, key);
    },
    undefined,
  );
  env.ctx.addEventListener(window, 'wxt:locationchange', (event) => open(event.newUrl));
  env.ctx.onInvalidated(() => {
    session?.dispose();
    session = undefined;
  });
  open(new URL(location.href));
  // A new configuration (plans, mappings, sites) redraws the page as if it had just been opened.
  return { reload: () => open(new URL(location.href), true) };
}

