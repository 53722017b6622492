/**
 * Local stand-ins of three SaaS helpdesks, serving the adapters' unit-test fixtures (test/fixtures/…,
 * in each vendor's documented JSON) on their real host names: `acme.zendesk.com`, `acme.freshdesk.com`
 * and `acme-support.atlassian.net`, mapped to 127.0.0.1 by Chromium's host resolver rules. Every
 * instant is moved by one offset so the conversations happened minutes to hours before the test.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { html, json, type Reply } from '../../../demo/kit/local-https.ts';
import { shiftInstants } from './shift-instants.ts';

export const SAAS_HOSTS = {
  zendesk: 'acme.zendesk.com',
  freshdesk: 'acme.freshdesk.com',
  jsm: 'acme-support.atlassian.net',
} as const;
export type SaasVendor = keyof typeof SAAS_HOSTS;
const FIXTURE_DIRS: Record<SaasVendor, string> = { zendesk: 'zendesk', freshdesk: 'freshdesk', jsm: 'jira-service-management' };

/** The newest instant the suites use (Zendesk 4821's last reply): it is put this long before the test starts. */
export const NEWEST_FIXTURE_INSTANT = '2026-11-24T16:40:51Z';
export const NEWEST_EVENT_MINUTES_AGO = 5;

/** The pages the suites open. */
export const saasPages = {
  zendesk: {
    ticket: `https://${SAAS_HOSTS.zendesk}/agent/tickets/4821`,
    list: `https://${SAAS_HOSTS.zendesk}/agent/filters/360001234567`,
  },
  freshdesk: {
    ticket: `https://${SAAS_HOSTS.freshdesk}/a/tickets/1042`,
    list: `https://${SAAS_HOSTS.freshdesk}/a/tickets/filters/all_tickets`,
  },
  jsm: {
    ticket: `https://${SAAS_HOSTS.jsm}/jira/servicedesk/projects/SUP/queues/custom/7/SUP-142`,
    list: `https://${SAAS_HOSTS.jsm}/jira/servicedesk/projects/SUP/queues/custom/7`,
  },
} as const;

const fixtureText = (vendor: SaasVendor, name: string) => readFileSync(resolve('test/fixtures', FIXTURE_DIRS[vendor], name), 'utf8');

/** The fixtures as served: JSON with shifted instants. */
export class SaasFixtures {
  constructor(readonly deltaMs: number) {}

  /** For a test run starting at `nowMs`. */
  static at(nowMs: number): SaasFixtures {
    return new SaasFixtures(nowMs - NEWEST_EVENT_MINUTES_AGO * 60_000 - Date.parse(NEWEST_FIXTURE_INSTANT));
  }

  json(vendor: SaasVendor, name: string): unknown {
    return shiftInstants(JSON.parse(fixtureText(vendor, name)), this.deltaMs);
  }

  /** A fixture instant as served (ms). */
  shifted(iso: string): number {
    return Date.parse(iso) + this.deltaMs;
  }

  /** Routes for all three hosts (by the Host header). */
  routes(): (url: URL) => Reply | undefined {
    return (url) => {
      switch (url.hostname) {
        case SAAS_HOSTS.zendesk:
          return this.zendesk(url);
        case SAAS_HOSTS.freshdesk:
          return this.freshdesk(url);
        case SAAS_HOSTS.jsm:
          return this.jsm(url);
        default:
          return undefined;
      }
    };
  }

  private zendesk(url: URL): Reply | undefined {
    const path = url.pathname;
    if (path === '/agent/tickets/4821') return html(fixtureText('zendesk', 'ticket-page.html'));
    if (path === '/agent/filters/360001234567') {
      // The view's fixture lists 4790 and 4802, which have no JSON fixtures; the same rows show 4822 and 4823, which do.
      return html(fixtureText('zendesk', 'list-page.html')
        .replaceAll('4790', '4822').replaceAll('SSO login loops back to the sign-in page', 'How do I add a second billing contact?').replaceAll('Ravi Menon', 'Ana Souza')
        .replaceAll('4802', '4823').replaceAll('Webhook retries flood our endpoint', 'Renewal: confirm seat count for 2027').replaceAll('Mia Chen', 'Sam Lindqvist'));
    }
    if (path === '/api/v2/tickets/4821.json') return json(this.json('zendesk', 'ticket-4821.json'));
    if (path === '/api/v2/tickets/4821/audits.json') return json(this.json('zendesk', `audits-4821-page-${url.searchParams.get('page') ?? '1'}.json`));
    if (path === '/api/v2/ticket_fields.json') return json(this.json('zendesk', 'ticket-fields.json'));
    if (path === '/api/v2/tickets/show_many.json') return json(this.zendeskShowMany((url.searchParams.get('ids') ?? '').split(',')));
    if (path === '/api/v2/views/360001234567/tickets.json') {
      return json(this.json('zendesk', `view-360001234567-page-${url.searchParams.has('page[after]') ? 2 : 1}.json`));
    }
    return undefined;
  }

  /** `show_many` over every ticket the fixtures hold (4821 from its show fixture), unknown ids left out as Zendesk does. */
  private zendeskShowMany(ids: readonly string[]) {
    type Named = { id: number };
    type Show = { users?: Named[]; groups?: Named[]; organizations?: Named[] };
    const single = this.json('zendesk', 'ticket-4821.json') as Show & { ticket: Named };
    const many = this.json('zendesk', 'show-many-4822-4823.json') as Show & { tickets: Named[] };
    const unique = <T extends Named>(items: T[]) => [...new Map(items.map((item) => [item.id, item])).values()];
    return {
      tickets: [single.ticket, ...many.tickets].filter((ticket) => ids.includes(String(ticket.id))),
      users: unique([...(single.users ?? []), ...(many.users ?? [])]),
      groups: unique([...(single.groups ?? []), ...(many.groups ?? [])]),
      organizations: unique([...(single.organizations ?? []), ...(many.organizations ?? [])]),
    };
  }

  private freshdesk(url: URL): Reply | undefined {
    const path = url.pathname;
    if (path === '/a/tickets/1042') return html(fixtureText('freshdesk', 'ticket-page.html'));
    if (path === '/a/tickets/filters/all_tickets') return html(fixtureText('freshdesk', 'list-page-table.html'));
    if (path === '/api/v2/ticket_fields') return json(this.json('freshdesk', 'ticket-fields.json'));
    if (path === '/api/v2/agents/43000982214') return json(this.json('freshdesk', 'agent-43000982214.json'));
    if (path === '/api/v2/groups/43000623702') return json(this.json('freshdesk', 'group-43000623702.json'));
    const ticket = /^\/api\/v2\/tickets\/(1042|1043|1044)(\/time_entries|\/conversations)?$/.exec(path);
    if (!ticket) return undefined;
    const [, id, sub] = ticket;
    if (sub === '/time_entries') return json(id === '1042' ? this.json('freshdesk', 'time-entries-1042.json') : []);
    if (sub === '/conversations') return json(id === '1042' && url.searchParams.get('page') === '1' ? this.json('freshdesk', 'conversations-1042-page-1.json') : []);
    return json(this.json('freshdesk', `ticket-${id ?? ''}.json`));
  }

  private jsm(url: URL): Reply | undefined {
    const path = url.pathname;
    if (path === '/jira/servicedesk/projects/SUP/queues/custom/7/SUP-142') return html(fixtureText('jsm', 'issue-view.html'));
    if (path === '/jira/servicedesk/projects/SUP/queues/custom/7') return html(fixtureText('jsm', 'queue.html'));
    if (path === '/rest/servicedeskapi/request/SUP-142') return json(this.json('jsm', 'request-SUP-142.json'));
    if (path === '/rest/servicedeskapi/request/SUP-142/comment') {
      return json(url.searchParams.get('start') === '0' ? this.json('jsm', 'request-SUP-142-comment.json') : { size: 0, start: 0, limit: 50, isLastPage: true, values: [] });
    }
    if (path === '/rest/api/3/issue/SUP-142') return json(this.json('jsm', 'issue-SUP-142.json'));
    if (path === '/rest/api/3/search/jql') {
      // Answer the JQL `key in (…)` from the search fixture, as Jira would: unknown keys are left out.
      const keys = /key in \(([^)]*)\)/.exec(url.searchParams.get('jql') ?? '')?.[1]?.split(',').map((key) => key.trim()) ?? [];
      const result = this.json('jsm', 'search-jql.json') as { issues: { key: string }[] };
      return json({ ...result, issues: result.issues.filter((issue) => keys.includes(issue.key)) });
    }
    return undefined;
  }
}
