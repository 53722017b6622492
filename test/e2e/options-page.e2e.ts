/**
 * The options page as an administrator uses it: importing a configuration file (the badges on a
 * helpdesk follow it), importing broken files (every problem named by its field path, nothing
 * changed), and adding a self-hosted helpdesk with "Add and allow access".
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_STORAGE_KEY, grantedOrigins, readExtensionStorage } from '../../demo/kit/extension-storage.ts';
import { html, startLocalHttps, type LocalHttpsServer } from '../../demo/kit/local-https.ts';
import { createLocalCertificate } from '../../demo/kit/local-tls.ts';
import { CONFIG_VERSION, type ConfigInput } from '../../lib/plans/config-schema.ts';
import { withTemplate } from '../../lib/plans/templates.ts';
import { extensionWithGrantedOrigins, missingSurfaces } from './support/extension-under-test.ts';
import { expectDeadline, HOUR_MS } from './support/expected.ts';
import { requestsLeaving } from './support/network-log.ts';
import { addSelfHostedHelpdesk, configFile, importConfigFile, openOptions, openSection } from './support/options-page.ts';
import { SAAS_HOSTS, SaasFixtures, saasPages } from './support/saas-fixtures.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { readBadges, startSession, SURFACE_TIMEOUT_MS, type RowBadge, type Session } from './support/session.ts';

/** A self-hosted helpdesk the admin adds (a Zammad; only its front page is needed to see the content script arrive). */
const SELF_HOSTED = { host: 'helpdesk.initech.test', origin: 'https://helpdesk.initech.test', label: 'Zammad' };

/** Initech and Umbrella only: Globex's tickets (4821) have no plan yet. */
function firstConfig(): ConfigInput {
  let config: ConfigInput = { version: CONFIG_VERSION, calendars: {}, plans: {}, customers: [], severityMappings: [] };
  for (const template of ['neptune-basic', 'neptune-extended', 'otrs-subscription'] as const) config = withTemplate(config, template);
  config.customers = [
    { id: 'initech', name: 'Initech', timezone: 'Europe/Berlin', rules: [{ emailDomain: 'initech.example' }], contracts: [{ plan: 'otrs-subscription' }], namedContacts: ['ana.souza@initech.example'] },
    { id: 'umbrella', name: 'Umbrella', timezone: 'America/New_York', rules: [{ emailDomain: 'umbrella.example' }], contracts: [{ plan: 'neptune-basic' }] },
  ];
  return config;
}

/** The same with Globex on Neptune Extended. */
function secondConfig(): ConfigInput {
  const config = firstConfig();
  config.customers = [...config.customers, { id: 'globex', name: 'Globex', timezone: 'Australia/Sydney', rules: [{ emailDomain: 'globex.example' }], contracts: [{ plan: 'neptune-extended' }] }];
  return config;
}

describe.skipIf(missingSurfaces('the options page suite', 'overlay', 'background', 'options'))('Options page', () => {
  let server: LocalHttpsServer | undefined;
  let session: Session | undefined;
  let fixtures: SaasFixtures;
  let options: Page;

  beforeAll(async () => {
    fixtures = SaasFixtures.at(Date.now());
    const tls = createLocalCertificate(['*.zendesk.com', SELF_HOSTED.host]);
    const saas = fixtures.routes();
    server = await startLocalHttps(tls, (url) =>
      url.hostname === SELF_HOSTED.host ? html('<!doctype html><title>Zammad</title><div id="app">Zammad (stand-in front page)</div>') : saas(url),
    );
    session = await startSession({
      // The self-hosted origin counts as granted: see extensionWithGrantedOrigins for why the permission prompt cannot be clicked.
      extensionDir: extensionWithGrantedOrigins('options', [`${SELF_HOSTED.origin}/*`]),
      hostMappings: ['*.zendesk.com', SELF_HOSTED.host].map((host) => ({ host, port: server!.port })),
      trustedSpki: [tls.spkiSha256],
    });
    options = await openOptions(session.browser);
  });

  afterAll(async () => {
    await session?.browser.close();
    await server?.close();
  });

  const zendeskBadges = async (): Promise<RowBadge[]> => {
    const page = await session!.browser.context.newPage();
    await page.goto(saasPages.zendesk.list);
    const badges = await readBadges(page, 3);
    await page.close();
    return badges;
  };
  const badgeOf4821 = (badges: readonly RowBadge[]) => badges.find((badge) => badge.rowText.includes('4821'));
  const storedConfig = async () => (await readExtensionStorage(session!.browser, [CONFIG_STORAGE_KEY]))[CONFIG_STORAGE_KEY];

  it('imports a configuration file, and the badges on the helpdesk follow it', async () => {
    expect(await importConfigFile(options, configFile('first.json', JSON.stringify(firstConfig(), null, 2)))).toBe('first.json imported and saved.');
    const before = badgeOf4821(await zendeskBadges());
    expect(before?.state).toBe('no-plan');
    expect(before?.title).toContain('no customer rule matches dana.whitfield@globex.example');

    expect(await importConfigFile(options, configFile('second.json', JSON.stringify(secondConfig(), null, 2)))).toBe('second.json imported and saved.');
    await saveScreenshot(options, 'options-import');
    // A list page reads its rows when it opens: the agent's next look at the view shows Globex's plan.
    const after = badgeOf4821(await zendeskBadges());
    expect(after?.state).toBe('breached');
    // From the view's data alone (no comments): urgent on Neptune Extended, 2 hours round the clock from creation.
    expectDeadline(after?.title ?? '', fixtures.shifted('2026-11-23T08:12:04Z') + 2 * HOUR_MS, 'UTC');
  });

  it('refuses broken files, names each problem by its field, and keeps the configuration', async () => {
    const kept = await storedConfig();
    expect(await importConfigFile(options, configFile('truncated.json', JSON.stringify(secondConfig()).slice(0, 200)))).toBe(
      'truncated.json was not imported; your configuration is unchanged.',
    );
    const problems = options.getByRole('list', { name: 'Problems in the imported file' });
    expect(await problems.textContent()).toContain('truncated.json is not valid JSON');

    const broken = secondConfig();
    broken.customers[0]!.timezone = 'Mars/Olympus_Mons';
    const target = broken.plans['neptune-extended']?.versions[0]?.targets[0];
    if (!target) throw new Error('the Neptune Extended template has no first target');
    target.duration = { amount: -2, unit: 'hours' };
    expect(await importConfigFile(options, configFile('broken.json', JSON.stringify(broken, null, 2)))).toBe(
      'broken.json was not imported: 2 problems; your configuration is unchanged.',
    );
    const issues = await problems.getByRole('listitem').allTextContents();
    await saveScreenshot(options, 'options-import-broken');
    expect(issues).toHaveLength(2);
    expect(issues).toEqual(expect.arrayContaining([
      expect.stringMatching(/^plans\.neptune-extended\.versions\[0\]\.targets\[0\]\.duration\.amount: /),
      expect.stringMatching(/^customers\[0\]\.timezone: unknown time zone "Mars\/Olympus_Mons"/),
    ]));
    expect(await storedConfig()).toEqual(kept);
    expect(badgeOf4821(await zendeskBadges())?.state).toBe('breached');
  });

  it('adds a self-hosted helpdesk with "Add and allow access"; the content script then runs there', async () => {
    expect(await addSelfHostedHelpdesk(options, SELF_HOSTED.origin, SELF_HOSTED.label)).toBe(`${SELF_HOSTED.origin} added as ${SELF_HOSTED.label}.`);
    const stored = (await storedConfig()) as { sites?: unknown[] };
    expect(stored.sites).toEqual([{ origin: SELF_HOSTED.origin, helpdesk: 'zammad' }]);
    expect(await grantedOrigins(session!.browser)).toContain(`${SELF_HOSTED.origin}/*`);
    const helpdesk = await session!.browser.context.newPage();
    await helpdesk.goto(`${SELF_HOSTED.origin}/#dashboard`);
    // What the content script saw there reaches the options page's diagnostics through the background.
    await openSection(options, 'Helpdesks');
    const diagnostics = options.getByRole('region', { name: `Diagnostics for ${SELF_HOSTED.origin}` });
    await diagnostics.getByText('recognized as Zammad').waitFor({ timeout: SURFACE_TIMEOUT_MS });
    await saveScreenshot(options, 'options-helpdesks');
  });

  it('sent nothing anywhere but the helpdesks, and logged no errors', () => {
    const origins = [`https://${SAAS_HOSTS.zendesk}`, SELF_HOSTED.origin];
    expect(requestsLeaving(session!.requests, origins, session!.browser.extensionId)).toEqual([]);
    expect(session!.errors).toEqual([]);
  });
});
