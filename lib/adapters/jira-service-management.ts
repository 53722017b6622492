import type { z } from 'zod/mini';
import { selectAllFirst, selectFirst } from '../dom/select-first.ts';
import { parseOrThrow } from '../schema-error.ts';
import { parseTicket, type Ticket } from '../ticket.ts';
import { rowsWithTicketIds } from './shared/list-rows.ts';
import { requestBatches } from './shared/request-batches.ts';
import type { HelpdeskAdapter, HelpdeskSource, PageMatch } from './types.ts';
import * as vendor from './vendor-json/jira-service-management.ts';
import { fromIssue, fromRequest } from './vendor-json/jira-service-management-ticket.ts';

const KEY = String.raw`[A-Z][A-Z0-9_]+-\d+`;
const PROJECT = String.raw`^/jira/servicedesk/projects/[A-Z][A-Z0-9_]+/`;
const LIST = String.raw`${PROJECT}(?:queues/custom/\d+|section/[\w-]+/custom/\d+|issues)`; // queues, sections, all issues
const TICKET_PATH = new RegExp(`^/browse/(${KEY})$|${PROJECT}queues/issue/(${KEY})$|${LIST}/(${KEY})$`);
const ONLY_KEY = new RegExp(`^${KEY}$`);
const ISSUE_QUERY = 'fields=*all,-comment,-attachment,-description&properties=request.channel.type';
const PAGE_SIZE = 50;
const MAX_PAGES = 10;

const selectors = {
  currentIssue: [
    '[data-testid="issue.views.issue-base.foundation.breadcrumbs.breadcrumb-current-issue-container"]', // issue view (page, panel, modal)
    '[data-test-id="issue.views.issue-base.foundation.breadcrumbs.breadcrumb-current-issue-container"]', // issue view, older spelling
    '[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]', // issue view, the key link alone
  ],
  rows: [
    'tr[data-testid="native-issue-table.ui.issue-row"]', // queues on the native issue table (2024+)
    '[data-testid="servicedesk-queues-agent-view.layout.table.container"] [role="row"]', // queues on the older virtual table
  ],
  rowKey: [
    '[data-testid="native-issue-table.common.ui.issue-cells.issue-key.issue-key-cell"]', // native issue table key cell
    'a[href*="/browse/"]', // any issue link in the row (older virtual table)
  ],
} as const;

const keysIn = (text: string | null | undefined): string[] => text?.match(new RegExp(KEY, 'g')) ?? [];
const getParsed = <S extends z.ZodMiniType>(source: HelpdeskSource, path: string, schema: S, what: string) =>
  source.getJson(path).then((json) => parseOrThrow(schema, json, what));

/** Every page of a JSM `PagedDTO`, up to MAX_PAGES (then `complete: false`). */
async function readPages<T>(source: HelpdeskSource, path: string, schema: z.ZodMiniType<{ isLastPage?: boolean; values: T[] }>, what: string) {
  const values: T[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const data = await getParsed(source, `${path}${path.includes('?') ? '&' : '?'}start=${values.length}&limit=${PAGE_SIZE}`, schema, what);
    values.push(...data.values);
    if (data.isLastPage !== false || data.values.length === 0) return { values, complete: true };
  }
  return { values, complete: false };
}

async function readTicket(source: HelpdeskSource, key: string): Promise<Ticket> {
  const base = `/rest/servicedeskapi/request/${encodeURIComponent(key)}`;
  const issuePath = `/rest/api/3/issue/${encodeURIComponent(key)}?${ISSUE_QUERY}&expand=names,schema,changelog`;
  const [request, comments, issue] = await Promise.all([
    getParsed(source, `${base}?expand=participant,status,requestType,serviceDesk`, vendor.jsmRequestSchema, `JSM request ${key}`),
    readPages(source, `${base}/comment?public=true&internal=true`, vendor.jsmCommentPageSchema, `JSM comments of ${key}`),
    getParsed(source, issuePath, vendor.jiraIssueSchema, `Jira issue ${key}`),
  ]);
  const statuses = request.status?.isLastPage === false
    ? await readPages(source, `${base}/status`, vendor.jsmStatusPageSchema, `JSM status history of ${key}`)
    : { values: request.status?.values ?? [], complete: request.status !== undefined };
  return fromRequest({ request, comments, statuses, issue }, source.origin);
}

/**
 * Jira Service Management Cloud agent views: JSON from the servicedesk and platform APIs, the DOM only for placement.
 *
 * @example
 * jiraServiceManagement.detectPage(new URL('https://acme-support.atlassian.net/browse/SUP-142')) // => { kind: 'ticket', ticketId: 'SUP-142' }
 */
export const jiraServiceManagement: HelpdeskAdapter = {
  id: 'jira-service-management', label: 'Jira Service Management', hosting: 'saas', matches: ['https://*.atlassian.net/*'],
  readsWithoutPage: true, recordsTimeSpent: true,
  testUrls: {
    ticket: [
      'https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/7/SUP-142',
      'https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/issues/SUP-142',
      'https://acme-support.atlassian.net/browse/SUP-142',
      'https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/7?selectedIssue=SUP-142',
    ],
    list: [
      'https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/7',
      'https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/section/incidents/custom/15',
      'https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/issues',
    ],
  },

  detectPage(url: URL): PageMatch | undefined {
    if (url.protocol !== 'https:' || !url.hostname.endsWith('.atlassian.net')) return undefined;
    const path = url.pathname.replace(/\/+$/, '');
    const ticketId = TICKET_PATH.exec(path)?.slice(1).find(Boolean);
    if (ticketId) return { kind: 'ticket', ticketId };
    if (!new RegExp(`${LIST}$`).test(path)) return undefined;
    const selected = url.searchParams.get('selectedIssue') ?? ''; // a queue with an issue open beside it is about that issue
    return ONLY_KEY.test(selected) ? { kind: 'ticket', ticketId: selected } : { kind: 'list' };
  },

  readTicket,

  async readTickets(source, ticketIds) {
    const keys = ticketIds.filter((id) => ONLY_KEY.test(id)); // checked before they go into JQL
    const tickets: Ticket[] = [];
    for (const page of requestBatches(keys, PAGE_SIZE)) {
      const query = `jql=${encodeURIComponent(`key in (${page.join(',')})`)}&maxResults=${page.length}&${ISSUE_QUERY}&expand=names,schema`;
      const result = await getParsed(source, `/rest/api/3/search/jql?${query}`, vendor.jiraSearchSchema, 'Jira search');
      tickets.push(...result.issues.map((issue) => parseTicket(fromIssue(issue, source.origin, result.names, result.schema))));
    }
    return tickets;
  },

  listRows(document) {
    return rowsWithTicketIds(selectAllFirst(document, selectors.rows), (row) => {
      const link = selectFirst(row, selectors.rowKey);
      return keysIn(link?.textContent)[0] ?? keysIn(link?.getAttribute('href'))[0];
    });
  },

  ticketAnchor(document, ticketId) {
    // Several issue views can be in the DOM at once (queue side panel plus a modal): take the one showing this key.
    for (const selector of selectors.currentIssue) {
      const found = [...document.querySelectorAll(selector)].find((element) => keysIn(element.textContent).includes(ticketId));
      if (found) return found;
    }
    return undefined;
  },

  async listQueue(source, queueId) {
    const [serviceDeskId = '', queue = ''] = queueId.split('/');
    if (!/^\w+$/.test(serviceDeskId) || !/^\d+$/.test(queue)) throw new Error(`JSM queue id must be "{serviceDeskId}/{queueId}", got "${queueId}"`);
    const path = `/rest/servicedeskapi/servicedesk/${serviceDeskId}/queue/${queue}/issue`;
    return (await readPages(source, path, vendor.jsmQueuePageSchema, `JSM queue ${queueId}`)).values.map((issue) => issue.key);
  },
};

// ## Test URLs
// https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/7/SUP-142
// https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/issues/SUP-142
// https://acme-support.atlassian.net/browse/SUP-142
// https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/7?selectedIssue=SUP-142
// https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/7
// https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/section/incidents/custom/15
// https://acme-support.atlassian.net/jira/servicedesk/projects/SUP/issues
