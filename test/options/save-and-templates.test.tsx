// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../entrypoints/options/app.tsx';
import { emptyConfig, parseConfig, withTemplate } from '../../lib/plans/index.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { configItem } from '../../lib/storage/config-storage.ts';
import { renderOptions } from './render-options.tsx';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('templates and saving', () => {
  it('starts from a seed plan in one click, then saves it through saveConfig', async () => {
    const user = userEvent.setup();
    await renderOptions(<App />);
    expect(screen.getByText('No plan is configured yet: start from a template.')).toBeDefined();
    const neptune = screen.getByRole('heading', { name: 'Neptune — Extended Support (24/7 critical)' }).closest('li')!;
    await user.click(within(neptune).getByRole('button', { name: 'Start from this template' }));
    expect(screen.getByText(/Neptune Extended Support added as plan "neptune-extended"/)).toBeDefined();
    expect(screen.getByText('Unsaved changes.')).toBeDefined();
    expect(await configItem.getValue()).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeDefined();
    const stored = parseConfig(await configItem.getValue());
    expect(stored.plans['neptune-extended']?.versions[0]?.timeBudget?.minutesPerTicket).toBe(240);
    expect(Object.keys(stored.calendars).sort()).toEqual(['24x7', 'customer-hours']);
    expect(within(neptune).getByRole('button', { name: 'Replace plan "neptune-extended" with this template' })).toBeDefined();
  });

  it('offers every seed plan (Priority Support, Neptune Basic and Extended, OTRS impact levels)', async () => {
    await renderOptions(<App />);
    const names = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(names).toEqual([
      'Octopus Deploy — Priority Support',
      'Neptune — Basic Support (8/5)',
      'Neptune — Extended Support (24/7 critical)',
      'OTRS — Subscription (impact levels)',
    ]);
  });

  it('never saves an invalid draft: the problems are listed with their paths and storage keeps the last good config', async () => {
    const user = userEvent.setup();
    const good = parseConfig(withTemplate(emptyConfig(), 'neptune-basic'));
    await configItem.setValue(good);
    await renderOptions(<App initialSection="plans" />);
    const name = screen.getByLabelText('neptune-basic: name');
    await user.clear(name);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('neptune-basic: name: must not be empty')).toBeDefined();
    expect(screen.getByText('1 problem to fix before saving.')).toBeDefined();
    expect(within(screen.getByRole('list', { name: 'Problems to fix' })).getByText('plans.neptune-basic.name')).toBeDefined();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Not saved: 1 problem\(s\) to fix before saving/)).toBeDefined();
    expect(await configItem.getValue()).toEqual(good);

    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(screen.getByLabelText<HTMLInputElement>('neptune-basic: name').value).toBe('Neptune Basic Support');
    expect(useOptionsStore.getState().dirty).toBe(false);
  });

  it('shows the problems loadConfig reported', async () => {
    await configItem.setValue({ version: 1, calendars: {}, plans: 'oops', customers: [], severityMappings: [] });
    await renderOptions(<App />);
    expect(screen.getByRole('alert').textContent).toContain('Stored configuration: Invalid configuration: plans:');
  });
});
