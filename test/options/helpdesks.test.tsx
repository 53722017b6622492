// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HelpdesksSection } from '../../components/options/helpdesks-section.tsx';
import { removeOrigin, requestOrigin } from '../../entrypoints/options/site-access.ts';
import { emptyConfig, parseConfig, type Site } from '../../lib/plans/index.ts';
import { configItem } from '../../lib/storage/config-storage.ts';
import { diagnosticsItem } from '../../lib/storage/diagnostics-storage.ts';
import { renderOptions } from './render-options.tsx';

async function renderHelpdesks(sites: Site[] = []) {
  await configItem.setValue(parseConfig({ ...emptyConfig(), sites }));
  // The entrypoint's real permission calls, on the fake browser.
  await renderOptions(<HelpdesksSection />, { requestOrigin, removeOrigin });
  return userEvent.setup();
}

/** The fake browser leaves permissions unimplemented; the promise-returning overload is the one the page uses. */
function answerPermissions(method: 'request' | 'remove', answer: boolean) {
  const mock = vi.fn(() => Promise.resolve(answer));
  fakeBrowser.permissions[method] = mock;
  return mock;
}

const storedSites = async () => parseConfig(await configItem.getValue()).sites;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('helpdesks', () => {
  it('lists the SaaS helpdesks that work out of the box', async () => {
    await renderHelpdesks();
    const saas = within(screen.getByRole('region', { name: 'Helpdesks that work out of the box' }));
    expect(saas.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Zendesk *.zendesk.com',
      'Freshdesk *.freshdesk.com',
      'Jira Service Management *.atlassian.net',
    ]);
  });

  it('asks for the origin in the click and saves the site when access is granted', async () => {
    const request = answerPermissions('request', true);
    const user = await renderHelpdesks();
    await user.type(screen.getByLabelText('Helpdesk address'), 'support.globex.example/agent/#ticket/zoom/42');
    await user.selectOptions(screen.getByLabelText('Helpdesk type'), 'Zammad');
    await user.type(screen.getByLabelText('Name (optional)'), 'Globex Zammad');
    await user.click(screen.getByRole('button', { name: 'Add and allow access' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://support.globex.example/*'] });
    expect(await screen.findByText('https://support.globex.example added as Zammad.')).toBeDefined();
    expect(await storedSites()).toEqual([{ origin: 'https://support.globex.example', helpdesk: 'zammad', name: 'Globex Zammad' }]);
    expect(screen.getByRole('region', { name: 'Globex Zammad' })).toBeDefined();
  });

  it('saves nothing and says so when access is denied', async () => {
    answerPermissions('request', false);
    const user = await renderHelpdesks();
    await user.type(screen.getByLabelText('Helpdesk address'), 'https://rt.example.org');
    await user.selectOptions(screen.getByLabelText('Helpdesk type'), 'Request Tracker');
    await user.click(screen.getByRole('button', { name: 'Add and allow access' }));
    expect(await screen.findByText('Access to https://rt.example.org was not granted, so nothing was saved.')).toBeDefined();
    expect(await storedSites()).toEqual([]);
  });

  it('names an address that is not an origin and asks for nothing', async () => {
    const request = answerPermissions('request', true);
    const user = await renderHelpdesks();
    await user.type(screen.getByLabelText('Helpdesk address'), 'http://exa mple');
    await user.click(screen.getByRole('button', { name: 'Add and allow access' }));
    expect(screen.getByText('Helpdesk address: expected an address like https://support.example.com')).toBeDefined();
    expect(screen.getByLabelText('Helpdesk address').getAttribute('aria-invalid')).toBe('true');
    expect(request).not.toHaveBeenCalled();
  });

  it('removes a site and gives its access back', async () => {
    const remove = answerPermissions('remove', true);
    const user = await renderHelpdesks([{ origin: 'https://helpdesk.example.net', helpdesk: 'znuny' }]);
    expect(within(screen.getByRole('region', { name: 'Diagnostics for https://helpdesk.example.net' })).getByText(/No data yet/)).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Remove https://helpdesk.example.net' }));
    expect(await screen.findByText('https://helpdesk.example.net removed.')).toBeDefined();
    expect(remove).toHaveBeenCalledWith({ origins: ['https://helpdesk.example.net/*'] });
    expect(await storedSites()).toEqual([]);
  });

  it('shows what the content script last saw per site, from the background’s diagnostics', async () => {
    await diagnosticsItem.setValue({
      'https://helpdesk.example.net': {
        helpdesk: 'znuny',
        recognized: true,
        pageKind: 'ticket',
        ticketsRead: 1,
        lastTicketId: '2026112310000042',
        lastTicketAt: '2026-11-23T09:40:00.000Z',
        lastError: 'Znuny: no article table on this page',
        lastErrorAt: '2026-11-22T16:00:00.000Z',
        reportedAt: '2026-11-23T09:40:00.000Z',
      },
      'https://acme.zendesk.com': { helpdesk: 'zendesk', recognized: false, pageKind: 'other', ticketsRead: 0, reportedAt: '2026-11-23T08:00:00.000Z' },
    });
    await renderHelpdesks([{ origin: 'https://helpdesk.example.net', helpdesk: 'znuny' }]);
    const znuny = within(await screen.findByRole('region', { name: 'Diagnostics for https://helpdesk.example.net' }));
    expect(await znuny.findByText('Last visit 09:40: a ticket, recognized as Znuny / OTRS; 1 ticket read.')).toBeDefined();
    expect(znuny.getByText('Last ticket read: #2026112310000042 at 09:40.')).toBeDefined();
    expect(znuny.getByText('Last error (Sun 16:00): Znuny: no article table on this page')).toBeDefined();
    const saas = within(screen.getByRole('region', { name: 'Diagnostics for https://acme.zendesk.com' }));
    expect(saas.getByText('Last visit 08:00: another page, not recognized; 0 tickets read.')).toBeDefined();
  });

  it('validates the generic adapter settings with its schema before storing them', async () => {
    const user = await renderHelpdesks([{ origin: 'https://tickets.example.com', helpdesk: 'generic' }]);
    const settings = within(screen.getByRole('form', { name: 'Settings for https://tickets.example.com' }));
    const field = settings.getByLabelText('Adapter settings for https://tickets.example.com (JSON)');
    await user.click(field);
    await user.paste('{ "ticketUrlPattern": "^/t/(\\\\d+)", "timezone": "Mars/Base", "fields": { "subject": ["h1["], "status": [".s"], "createdAt": ["time"] } }');
    await user.click(settings.getByRole('button', { name: 'Save settings' }));
    const problems = within(settings.getByRole('list', { name: 'Problems in the settings for https://tickets.example.com' }));
    expect(problems.getByText('timezone')).toBeDefined();
    expect(problems.getByText('fields.subject[0]')).toBeDefined();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect((await storedSites())[0]?.options).toBeUndefined();

    await user.clear(field);
    await user.paste('{ "ticketUrlPattern": "^/t/(\\\\d+)", "timezone": "Europe/Berlin", "fields": { "subject": ["h1"], "status": [".s"], "createdAt": ["time"] } }');
    await user.click(settings.getByRole('button', { name: 'Save settings' }));
    expect(await settings.findByText('Settings saved.')).toBeDefined();
    expect((await storedSites())[0]?.options).toMatchObject({ ticketUrlPattern: '^/t/(\\d+)', timezone: 'Europe/Berlin', locale: 'en-US', dateFormats: [] });
  });

  it('names malformed JSON in the settings', async () => {
    const user = await renderHelpdesks([{ origin: 'https://tickets.example.com', helpdesk: 'generic' }]);
    await user.click(screen.getByLabelText('Adapter settings for https://tickets.example.com (JSON)'));
    await user.paste('{ nope');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByText(/^not valid JSON: /)).toBeDefined();
  });
});
