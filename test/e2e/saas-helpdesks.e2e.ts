/**
 * Zendesk, Freshdesk and Jira Service Management through local stand-ins serving the vendors'
 * documented JSON (the adapters' fixtures, moved to "now"), reached under their real host names so
 * the manifest's match patterns and host permissions are the ones exercised.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_STORAGE_KEY, writeExtensionStorage } from '../../demo/kit/extension-storage.ts';
import { startLocalHttps, type LocalHttpsServer } from '../../demo/kit/local-https.ts';
import { createLocalCertificate } from '../../demo/kit/local-tls.ts';
import { CONFIG_VERSION, type ConfigInput } from '../../lib/plans/config-schema.ts';
import { parseConfig } from '../../lib/plans/parse-config.ts';
import { withTemplate } from '../../lib/plans/templates.ts';
import { EXTENSION_DIR, missingSurfaces } from './support/extension-under-test.ts';
import { businessDaysAfter, businessHoursAfter, customerHours, expectDeadline, expectMetAt, followTheSun24x5, otrsServiceWindow, windowStart } from './support/expected.ts';
import { requestsLeaving } from './support/network-log.ts';
import { SAAS_HOSTS, SaasFixtures, saasPages } from './support/saas-fixtures.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { readBadges, readStrip, startSession, type RowBadge, type Session } from './support/session.ts';

/** Customers of the three stand-in helpdesks, each on a seed plan, in their own zones. */
function saasConfig(): ConfigInput {
  let config: ConfigInput = { version: CONFIG_VERSION, calendars: {}, plans: {}, customers: [], severityMappings: [] };
  for (const template of ['priority-support', 'neptune-basic', 'neptune-extended', 'otrs-subscription'] as const) config = withTemplate(config, template);
  config.customers = [
    { id: 'globex', name: 'Globex', timezone: 'Australia/Sydney', rules: [{ emailDomain: 'globex.example' }], contracts: [{ plan: 'neptune-extended' }] },
    { id: 'initech', name: 'Initech', timezone: 'Europe/Berlin', rules: [{ emailDomain: 'initech.example' }], contracts: [{ plan: 'otrs-subscription' }], namedContacts: ['ana.souza@initech.example'] },
    { id: 'umbrella', name: 'Umbrella', timezone: 'America/New_York', rules: [{ emailDomain: 'umbrella.example' }], contracts: [{ plan: 'neptune-basic' }] },
    { id: 'initrode', name: 'Initrode', timezone: 'Europe/Berlin', rules: [{ emailDomain: 'initrode.example' }], contracts: [{ plan: 'neptune-extended' }] },
    { id: 'vandelay', name: 'Vandelay', timezone: 'America/Chicago', rules: [{ emailDomain: 'vandelay.example' }], contracts: [{ plan: 'priority-support' }] },
    { id: 'northwind', name: 'Northwind', timezone: 'Australia/Sydney', rules: [{ emailDomain: 'northwind.example' }], contracts: [{ plan: 'neptune-basic' }] },
    { id: 'fjordline', name: 'Fjordline', timezone: 'Europe/Oslo', rules: [{ emailDomain: 'fjordline-logistics.example' }], contracts: [{ plan: 'neptune-extended' }] },
  ];
  return config;
}

const badgeFor = (badges: readonly RowBadge[], ticket: string) => {
  const found = badges.filter((badge) => badge.rowText.includes(ticket));
  expect(found, `one badge in the row of ${ticket}`).toHaveLength(1);
  return found[0]!;
};

describe.skipIf(missingSurfaces('the SaaS suite', 'overlay', 'background'))('SaaS helpdesks (local stand-ins on their real host names)', () => {
  let server: LocalHttpsServer | undefined;
  let session: Session | undefined;
  let fixtures: SaasFixtures;

  beforeAll(async () => {
    fixtures = SaasFixtures.at(Date.now());
    const tls = createLocalCertificate(['*.zendesk.com', '*.freshdesk.com', '*.atlassian.net']);
    server = await startLocalHttps(tls, fixtures.routes());
    const port = server.port;
    session = await startSession({
      extensionDir: EXTENSION_DIR,
      hostMappings: ['*.zendesk.com', '*.freshdesk.com', '*.atlassian.net'].map((host) => ({ host, port })),
      trustedSpki: [tls.spkiSha256],
    });
    await writeExtensionStorage(session.browser, { [CONFIG_STORAGE_KEY]: parseConfig(saasConfig()) });
  });

  afterAll(async () => {
    await session?.browser.close();
    await server?.close();
  });

  const open = async (url: string): Promise<Page> => {
    const page = await session!.browser.context.newPage();
    await page.goto(url);
    return page;
  };

  it('Zendesk ticket page: the strip shows the first response met at the first public agent reply and the update clock paused while pending', async () => {
    const page = await open(saasPages.zendesk.ticket);
    const strip = await readStrip(page, 2);
    await saveScreenshot(page, 'saas-zendesk-ticket');
    expect(strip.header).toContain('Globex');
    expect(strip.header).toContain('Neptune Extended Support');
    expect(strip.header).toContain('Urgent');
    const first = strip.clocks.find((clock) => clock.label === 'First response');
    expect(first?.state).toBe('met');
    expectMetAt(first?.status ?? '', fixtures.shifted('2026-11-23T10:05:12Z'));
    // The last reply (with status pending, in the same audit) waits for the customer: the update cadence pauses.
    const update = strip.clocks.find((clock) => /update/i.test(clock.label));
    expect(update?.state).toBe('paused');
    expect(strip.text).toContain('Technical Guidance on Demand used 1 h 30 m of 4 h');
  });

  it('Zendesk view: a badge per row with the deadline its plan implies', async () => {
    const page = await open(saasPages.zendesk.list);
    const badges = await readBadges(page, 3);
    await saveScreenshot(page, 'saas-zendesk-list');
    // show_many has no comments, but the background already holds 4821's whole history from the ticket page (the
    // previous test) and answers with it: first response met, the 2-hour update cadence restarted by the last reply
    // and paused from that same instant (pending), so all 2 hours are left.
    const known = badgeFor(badges, '4821');
    expect(known.state).toBe('paused');
    expect(known.time).toBe('2 h left');
    // Initech on OTRS, no priority → Level 1: one business day of the Berlin service window, from the window after submission.
    const otrs = badgeFor(badges, '4822');
    expect(otrs.label).toBe('First response');
    expectDeadline(otrs.title, businessDaysAfter(otrsServiceWindow, windowStart(otrsServiceWindow, fixtures.shifted('2026-11-23T11:58:20Z')), 1), 'Europe/Berlin');
    // Umbrella on Neptune Basic, low, opened by an agent for the customer (no first response owed) and on hold since:
    // only the update cadence, 10 business days of 8 hours, a target rather than a promise, paused with nothing used.
    const basic = badgeFor(badges, '4823');
    expect(basic.state).toBe('paused');
    expect(basic.binding).toBe('target');
    expect(basic.time).toBe('80 h left');
    expect(badges.map((badge) => badge.rank).toSorted()).toEqual(['#1 by SLA', '#2 by SLA', '#3 by SLA']);
  });

  it('Freshdesk ticket page: first response met at the first public reply, update paused while pending', async () => {
    const page = await open(saasPages.freshdesk.ticket);
    const strip = await readStrip(page, 2);
    await saveScreenshot(page, 'saas-freshdesk-ticket');
    expect(strip.header).toContain('Initrode');
    expect(strip.header).toContain('High');
    const first = strip.clocks.find((clock) => clock.label === 'First response');
    expect(first?.state).toBe('met');
    expectMetAt(first?.status ?? '', fixtures.shifted('2026-11-23T08:02:44Z'));
    expect(strip.clocks.find((clock) => /update/i.test(clock.label))?.state).toBe('paused');
  });

  it('Freshdesk ticket list: badges on every row; a portal ticket under Priority Support is shown but not binding', async () => {
    const page = await open(saasPages.freshdesk.list);
    const badges = await readBadges(page, 3);
    await saveScreenshot(page, 'saas-freshdesk-list');
    const portal = badgeFor(badges, '1043');
    expect(portal.label).toBe('First response');
    expect(portal.binding).toBe('target');
    expectDeadline(portal.title, businessHoursAfter(followTheSun24x5, fixtures.shifted('2026-11-24T10:00:00Z'), 1), 'UTC');
    for (const id of ['1042', '1044']) expect(badgeFor(badges, id).state).not.toBe('');
  });

  it('Jira Service Management issue view: first response met at the first public agent comment', async () => {
    const page = await open(saasPages.jsm.ticket);
    const strip = await readStrip(page, 1);
    await saveScreenshot(page, 'saas-jsm-ticket');
    expect(strip.header).toContain('Northwind');
    expect(strip.header).toContain('Neptune Basic Support');
    const first = strip.clocks.find((clock) => clock.label === 'First response');
    expect(first?.state).toBe('met');
    expectMetAt(first?.status ?? '', fixtures.shifted('2026-11-23T20:05:30+11:00'));
  });

  it('Jira Service Management queue: badges for the issues Jira returns, none for the one it does not', async () => {
    const page = await open(saasPages.jsm.list);
    const badges = await readBadges(page, 2);
    await saveScreenshot(page, 'saas-jsm-list');
    expect(badges).toHaveLength(2);
    // Fjordline on Neptune Extended, medium → 2 business days in Oslo hours (a target), from the request.
    const medium = badgeFor(badges, 'SUP-145');
    expect(medium.binding).toBe('target');
    expectDeadline(medium.title, businessDaysAfter(customerHours('Europe/Oslo'), fixtures.shifted('2026-11-23T13:02:44Z'), 2), 'Europe/Oslo');
    badgeFor(badges, 'SUP-142');
  });

  it('sent nothing anywhere but the three helpdesks (pages and service worker), and logged no errors', async () => {
    // The recorder sees the service worker's own requests too (a background refresh would come from there).
    const worker = await session!.browser.serviceWorker();
    await worker.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).status, `https://${SAAS_HOSTS.zendesk}/api/v2/ticket_fields.json`);
    expect(session!.requests.filter((request) => request.from === 'service-worker').map((request) => request.url)).toContain(`https://${SAAS_HOSTS.zendesk}/api/v2/ticket_fields.json`);
    const origins = Object.values(SAAS_HOSTS).map((host) => `https://${host}`);
    expect(session!.requests.some((request) => request.url.includes('/api/v2/') || request.url.includes('/rest/'))).toBe(true);
    expect(requestsLeaving(session!.requests, origins, session!.browser.extensionId)).toEqual([]);
    expect(session!.errors).toEqual([]);
  });
});
