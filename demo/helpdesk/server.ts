import type { LocalCertificate } from '../kit/local-tls.ts';
import { html, json, redirect, startLocalHttps, type LocalHttpsServer, type Reply } from '../kit/local-https.ts';
import { DEMO_VIEW } from './demo-tickets.ts';
import { ticketPage, viewPage } from './pages.ts';
import { auditPageJson, findDemoTicket, showManyJson, showTicketJson, ticketFieldsJson, viewTicketsJson, type ZendeskJson } from './zendesk-json.ts';

/** Where the demo helpdesk lives for the browser: a `*.zendesk.com` name, so the extension's real match patterns apply. */
export const DEMO_HOST = 'demo.zendesk.com';
export const DEMO_ORIGIN = `https://${DEMO_HOST}`;
export const demoViewUrl = `${DEMO_ORIGIN}/agent/filters/${DEMO_VIEW.id}`;
export const demoTicketUrl = (id: number) => `${DEMO_ORIGIN}/agent/tickets/${id}`;

/** Routes of the demo helpdesk: agent pages and the same-origin API the Zendesk adapter reads. */
export function demoRoutes(context: ZendeskJson): (url: URL) => Reply | undefined {
  return (url) => {
    const path = url.pathname;
    if (path === '/' || path === '/agent' || path === '/agent/dashboard') return redirect(`/agent/filters/${DEMO_VIEW.id}`);
    if (path === `/agent/filters/${DEMO_VIEW.id}`) return html(viewPage());
    const page = /^\/agent\/tickets\/(\d+)(?:\/.*)?$/.exec(path);
    if (page) {
      const ticket = findDemoTicket(Number(page[1]));
      return ticket ? html(ticketPage(ticket, context.nowMs)) : undefined;
    }

    if (path === '/api/v2/ticket_fields.json') return json(ticketFieldsJson(context));
    if (path === '/api/v2/tickets/show_many.json') {
      const ids = (url.searchParams.get('ids') ?? '').split(',').filter((id) => /^\d+$/.test(id)).map(Number);
      return json(showManyJson(context, ids));
    }
    if (path === `/api/v2/views/${DEMO_VIEW.id}/tickets.json`) return json(viewTicketsJson(context));
    const show = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(path);
    if (show) {
      const ticket = findDemoTicket(Number(show[1]));
      return ticket ? json(showTicketJson(context, ticket)) : json({ error: 'RecordNotFound', description: 'Not found' }, 404);
    }
    const audits = /^\/api\/v2\/tickets\/(\d+)\/audits\.json$/.exec(path);
    if (audits) {
      const ticket = findDemoTicket(Number(audits[1]));
      const pageNumber = Number(url.searchParams.get('page') ?? '1');
      if (!ticket || !Number.isInteger(pageNumber) || pageNumber < 1) return json({ error: 'RecordNotFound', description: 'Not found' }, 404);
      // The ticket whose history is "cut short": its second page fails, as a rate-limited or flaky API would.
      if (ticket.historyCutShort && pageNumber > 1) return { kind: 'status', status: 503, body: 'Service Unavailable' };
      return json(auditPageJson(context, ticket, pageNumber));
    }
    return undefined;
  };
}

/**
 * Starts the demo helpdesk on 127.0.0.1 (a random free port) with the given certificate; the data is
 * relative to `nowMs`.
 *
 * @example
 * const helpdesk = await startDemoHelpdesk(createLocalCertificate([DEMO_HOST]), Date.now());
 */
export function startDemoHelpdesk(tls: LocalCertificate, nowMs: number): Promise<LocalHttpsServer> {
  return startLocalHttps(tls, demoRoutes({ origin: DEMO_ORIGIN, nowMs }));
}
