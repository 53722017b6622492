/**
 * Re-captures test/fixtures/request-tracker/ from a live, freshly seeded RT (install.sh, start.sh, seed.sh):
 *   npx vitest run --config test/e2e/request-tracker/vitest.config.ts capture-fixtures
 * REST2 JSON is recorded by running the adapter itself against RT (HTTP basic auth as root), so the fixtures hold
 * exactly the requests the adapter makes; pages are saved from Debian's Chromium after a form login.
 * Session cookies never reach the files: REST2 needs none, and the pages are checked for the cookie value.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { expect, test } from 'vitest';
import { requestTracker } from '../../../lib/adapters/request-tracker.ts';
import type { HelpdeskSource } from '../../../lib/adapters/types.ts';

const RT_URL = process.env['RT_URL'] ?? 'http://127.0.0.1:8080/rt';
const ROOT_PW = process.env['RT_ROOT_PW'] ?? 'e2e-root-pw';
const OUT = join(import.meta.dirname, '../../fixtures/request-tracker');
const seed = JSON.parse(readFileSync(process.env['RT_SEED_OUT'] ?? '/tmp/rt-e2e-seed.json', 'utf8')) as {
  savedSearch: { id: number };
  tickets: Record<string, { id: number }>;
};
const ticketId = (name: string) => String(seed.tickets[name]?.id ?? Number.NaN);
const origin = new URL(RT_URL).origin;

/** A readable, stable file name for a REST2 request. */
function fileNameOf(pathAndQuery: string): string {
  const url = new URL(pathAndQuery, origin);
  const parts = [url.pathname.replace(/^.*\/REST\/2\.0\//, '').replaceAll('/', '-')];
  const query = url.searchParams.get('query');
  if (query !== null) {
    const ids = [...query.matchAll(/\bid = (\d+)/g)].map((match) => match[1]);
    parts.push(ids.length > 0 && /^id = \d+( OR id = \d+)*$/.test(query) ? `ids-${ids.length > 4 ? `${ids[0]}-to-${ids.at(-1)}-n${ids.length}` : ids.join('-')}` : `sql-${createHash('sha1').update(query).digest('hex').slice(0, 8)}`);
  }
  const search = url.searchParams.get('search');
  if (search !== null) parts.push(`search-${search}`);
  const page = url.searchParams.get('page');
  if (page !== null) parts.push(`p${page}`);
  return `${parts.join('-')}.json`;
}

/** Perl hashes have no order, so RT's key order changes from run to run; sorted keys keep re-captures diffable. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, item]) => [key, canonical(item)]))
      : value;

const index: Record<string, string> = {};
const recorder: HelpdeskSource = {
  origin,
  url: new URL(`${RT_URL}/Ticket/Display.html?id=1`),
  async getJson(pathAndQuery) {
    const response = await fetch(new URL(pathAndQuery, origin), { headers: { Authorization: `Basic ${btoa(`root:${ROOT_PW}`)}` } });
    if (!response.ok) throw new Error(`${response.status} ${pathAndQuery}`);
    const json: unknown = await response.json();
    index[pathAndQuery] = fileNameOf(pathAndQuery);
    writeFileSync(join(OUT, 'rest2', index[pathAndQuery]), `${JSON.stringify(canonical(json), null, 2)}\n`);
    return json;
  },
};

test('capture REST2 JSON through the adapter', async () => {
  mkdirSync(join(OUT, 'rest2'), { recursive: true });
  for (const name of ['login', 'vat', 'reset', 'spam', 'cli', 'migration']) await requestTracker.readTicket(recorder, ticketId(name));
  await requestTracker.readTickets(recorder, Object.values(seed.tickets).map((ticket) => ticket.id).sort((a, b) => a - b).map(String));
  await requestTracker.readTickets(recorder, ['9999']); // a real empty result
  await requestTracker.listQueue(recorder, String(seed.savedSearch.id));
  await requestTracker.listQueue(recorder, "Queue = 'E2E Manual Due'");
  // Reference copies of the single-object endpoints (the adapter reads the search endpoint, which expands requestors).
  await recorder.getJson(`/rt/REST/2.0/ticket/${ticketId('login')}`);
  await recorder.getJson(`/rt/REST/2.0/transaction/${await firstTransactionId(ticketId('login'))}`);
  writeFileSync(join(OUT, 'rest2', 'index.json'), `${JSON.stringify(index, Object.keys(index).sort(), 2)}\n`);
  writeFileSync(join(OUT, 'seed.json'), `${JSON.stringify(seed, null, 2)}\n`);
});

async function firstTransactionId(id: string): Promise<string> {
  const response = await fetch(`${RT_URL}/REST/2.0/ticket/${id}/history?per_page=1`, { headers: { Authorization: `Basic ${btoa(`root:${ROOT_PW}`)}` } });
  const page = (await response.json()) as { items: { id: string }[] };
  return page.items[0]?.id ?? '';
}

test('capture pages from Chromium', { timeout: 60_000 }, async () => {
  mkdirSync(join(OUT, 'pages'), { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${RT_URL}/NoAuth/Login.html`);
  await page.fill('#user', 'root');
  await page.fill('input[name=pass]', ROOT_PW);
  await Promise.all([page.waitForURL(`${RT_URL}/**`), page.press('input[name=pass]', 'Enter')]);
  const cookies = (await context.cookies()).map((cookie) => cookie.value);
  expect(cookies.length).toBeGreaterThan(0);
  const urls: Record<string, string> = {};
  const save = (name: string, html: string) => {
    for (const value of cookies) expect(html.includes(value), `${name} contains a session cookie`).toBe(false);
    urls[name] = page.url();
    writeFileSync(join(OUT, 'pages', `${name}.html`), html);
  };

  // The ticket page as the server sends it, and after the history arrived by AJAX ($ShowHistory = 'delay').
  const response = await page.goto(`${RT_URL}/Ticket/Display.html?id=${ticketId('login')}`);
  save('ticket-display-initial', (await response?.text()) ?? '');
  await page.waitForSelector('.history-container .transaction[data-transaction-id]');
  await page.waitForLoadState('networkidle');
  save('ticket-display', await page.content());

  await page.goto(`${RT_URL}/Search/Results.html?Query=${encodeURIComponent("Queue = 'E2E Support'")}`);
  save('search-results', await page.content());

  // A saved search opens through the query builder, whose "Show Results" link carries its query and format.
  await page.goto(`${RT_URL}/Search/Build.html?SavedSearchLoad=RT::System-1-SavedSearch-${seed.savedSearch.id}`);
  await page.goto(new URL((await page.getAttribute('#page-results', 'href')) ?? '', page.url()).href);
  save('search-results-saved', await page.content());

  await page.goto(`${RT_URL}/`);
  await page.waitForLoadState('networkidle');
  save('home', await page.content());

  writeFileSync(join(OUT, 'pages', 'urls.json'), `${JSON.stringify(urls, null, 2)}\n`);
  await browser.close();
});
