/**
 * The real Request Tracker 5 of test/e2e/request-tracker/ (Debian's packages, SQLite, on 127.0.0.1),
 * driven the way its users drive it: its own scripts to reset and seed, `rt-mailgate` for customers'
 * mail, REST2 (with a session cookie, as seed.sh does) for staff changes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { z } from 'zod';

const SCRIPTS = resolve('test/e2e/request-tracker');
const port = process.env['RT_PORT'] ?? '8080';
const webPath = (process.env['RT_WEBPATH'] ?? '/rt').replace(/\/$/, '');

export const rt = {
  origin: `http://127.0.0.1:${port}`,
  /** Base URL with the web path, no trailing slash. */
  url: process.env['RT_URL'] ?? `http://127.0.0.1:${port}${webPath}`,
  rootPassword: process.env['RT_ROOT_PW'] ?? 'e2e-root-pw',
  agentPassword: process.env['RT_AGENT_PW'] ?? 'e2e-agent-pw',
  supportQueue: 'E2E Support',
};

/**
 * Why RT cannot run here, or undefined when it can (installed by install.sh, which also took the reset
 * snapshot). The RT suite is skipped then, unless `SLA_LENS_E2E_REQUIRE_RT=1` (set by .ci/run) makes
 * a missing RT an error.
 */
export function requestTrackerMissing(): string | undefined {
  const why = !existsSync('/usr/share/request-tracker5/libexec/rt-server')
    ? 'Request Tracker is not installed: run test/e2e/request-tracker/install.sh as root (Debian 12)'
    : !existsSync('/var/lib/dbconfig-common/sqlite3/request-tracker5/rtdb.e2e-pristine')
      ? 'RT has no reset snapshot: run test/e2e/request-tracker/install.sh as root'
      : undefined;
  if (why && process.env['SLA_LENS_E2E_REQUIRE_RT'] === '1') throw new Error(why);
  if (why) console.warn(`Skipping the Request Tracker suite: ${why}`);
  return why;
}

/** Runs one of the RT scripts (reset.sh, seed.sh, stop.sh, backdate.sh …) and returns its output. */
export function rtScript(name: string, ...args: string[]): string {
  return execFileSync('bash', [resolve(SCRIPTS, name), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

const seedSchema = z.object({ url: z.string(), tickets: z.record(z.string(), z.object({ id: z.number(), requester: z.string() })) });
export type SeededRequestTracker = z.infer<typeof seedSchema>;

/** Back to the installed state, started, and seeded (seed.sh's ten tickets); about 15 s. */
export function resetAndSeed(): SeededRequestTracker {
  rtScript('reset.sh');
  return seedSchema.parse(JSON.parse(rtScript('seed.sh')));
}

/** A mail from a customer through RT's real mail gateway (what Postfix would pipe in); returns the new ticket's id. */
export function mailIn(client: RtClient, mail: { from: string; subject: string; text: string }): Promise<number> {
  const message = [`From: ${mail.from}`, 'To: support@e2e.test', `Subject: ${mail.subject}`, `Message-ID: <${Date.now()}.${Math.random().toString(36).slice(2)}@e2e.test>`,
    'Content-Type: text/plain; charset=utf-8', '', mail.text, ''].join('\n');
  execFileSync('rt-mailgate', ['--queue', rt.supportQueue, '--action', 'correspond', '--url', `${rt.url}/`], { input: message, stdio: ['pipe', 'ignore', 'pipe'], timeout: 60_000 });
  return client.newestTicketWithSubject(mail.subject);
}

const itemsSchema = z.object({ items: z.array(z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) })) });
const ticketDatesSchema = z.looseObject({ Created: z.string(), Told: z.string().nullable().optional() });
const historySchema = z.object({ items: z.array(z.looseObject({ Type: z.string(), Created: z.string() })) });

/** REST2 with a session cookie (RT checks a bcrypt password on every basic-auth request; a login once is 5× faster). */
export class RtClient {
  private constructor(private readonly cookie: string) {}

  static async login(user = 'root', password = rt.rootPassword): Promise<RtClient> {
    const response = await fetch(`${rt.url}/NoAuth/Login.html`, { method: 'POST', body: new URLSearchParams({ user, pass: password }), redirect: 'manual' });
    const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0] ?? '').find((pair) => pair.startsWith('RT_SID_'));
    if (!cookie) throw new Error(`RT login as ${user} failed (${response.status})`);
    return new RtClient(cookie);
  }

  async rest(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${rt.url}/REST/2.0/${path}`, {
      method,
      headers: { cookie: this.cookie, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`RT REST2 ${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  async newestTicketWithSubject(subject: string): Promise<number> {
    const query = encodeURIComponent(`Subject = '${subject.replaceAll("'", "\\'")}'`);
    const { items } = itemsSchema.parse(await this.rest('GET', `tickets?query=${query}&orderby=id&order=DESC&per_page=1`));
    if (!items[0]) throw new Error(`no RT ticket "${subject}"`);
    return Number(items[0].id);
  }

  /** Staff changes to a ticket (priority, custom fields, status…); RT answers 200 with messages, so refusals are checked in them. */
  async update(id: number, fields: Record<string, unknown>): Promise<void> {
    const messages = JSON.stringify(await this.rest('PUT', `ticket/${id}`, fields));
    if (/could not|couldn't|not permitted|permission denied|invalid/i.test(messages)) throw new Error(`RT refused to update ticket ${id}: ${messages}`);
  }

  /** REST2's `Created` (ms), what the deadlines are computed from. */
  async createdMs(id: number): Promise<number> {
    return Date.parse(ticketDatesSchema.parse(await this.rest('GET', `ticket/${id}`)).Created);
  }

  /** When the ticket's transactions of a type (Correspond, Create…) happened, oldest first (ms). */
  async transactionTimes(id: number, type: string): Promise<number[]> {
    const history = historySchema.parse(await this.rest('GET', `ticket/${id}/history?per_page=100&fields=Type,Created`));
    return history.items.filter((item) => item.Type === type).map((item) => Date.parse(item.Created));
  }
}

/**
 * Logs in through RT's login form, as the agent would. RT answers the form post with a 200 page, not a
 * redirect, so success is checked by opening RT's home page, which redirects to the form without a session.
 */
export async function logInToRequestTracker(page: Page, user: string, password: string): Promise<void> {
  await page.goto(`${rt.url}/NoAuth/Login.html`);
  await page.locator('#user').fill(user);
  await page.locator('input[name=pass]').fill(password);
  const posted = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/NoAuth/Login.html'));
  await page.locator('input[name=pass]').press('Enter');
  await posted;
  await page.goto(`${rt.url}/`);
  if (page.url().includes('/NoAuth/Login.html')) throw new Error(`RT login as ${user} failed`);
}
