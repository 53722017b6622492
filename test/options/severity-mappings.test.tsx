// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SaveBar } from '../../components/options/save-bar.tsx';
import { SeverityMappingsSection } from '../../components/options/severity-mappings-section.tsx';
import { emptyConfig, parseConfig, withTemplate } from '../../lib/plans/index.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { configItem } from '../../lib/storage/config-storage.ts';
import { renderOptions } from './render-options.tsx';

beforeEach(async () => {
  fakeBrowser.reset();
  await configItem.setValue(parseConfig({ ...withTemplate(emptyConfig(), 'otrs-subscription'), severityMappings: [] }));
});
afterEach(cleanup);

describe('severity mapping', () => {
  it('maps a helpdesk field’s values to the plan’s severities', async () => {
    const user = userEvent.setup();
    await renderOptions(
      <>
        <SaveBar />
        <SeverityMappingsSection />
      </>,
    );
    expect(screen.getByText('No mappings: tickets get their plan’s default severity.')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Add mapping' }));
    const mapping = within(screen.getByRole('region', { name: 'Mapping 1: Zendesk' }));
    await user.selectOptions(mapping.getByLabelText('Mapping 1: helpdesk'), 'Znuny / OTRS');
    await user.selectOptions(screen.getByLabelText('Mapping 1: plan'), 'OTRS Subscription');
    await user.selectOptions(screen.getByLabelText('Mapping 1: read the severity from'), 'a custom field');
    expect(screen.getByText('Mapping 1: field name: Too small: expected string to have >=1 characters')).toBeDefined();
    await user.type(screen.getByLabelText('Mapping 1: field name'), 'Impact');
    await user.click(screen.getByRole('button', { name: 'Add value' }));
    await user.type(screen.getByLabelText('Mapping 1 value 1'), '3');
    await user.selectOptions(screen.getByLabelText('Mapping 1 value 1: severity'), 'Level 3 — Critical (critical)');
    await user.click(screen.getByRole('button', { name: 'Add value' }));
    await user.type(screen.getByLabelText('Mapping 1 value 2'), '1');
    await user.selectOptions(screen.getByLabelText('Mapping 1 value 2: severity'), 'Level 1 — Low (low)');
    expect(useOptionsStore.getState().draft.severityMappings).toEqual([
      { helpdesk: 'znuny', plan: 'otrs-subscription', source: { kind: 'field', field: 'Impact' }, values: { '3': 'critical', '1': 'low' } },
    ]);
    expect(useOptionsStore.getState().issues).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Remove Mapping 1 value 1' }));
    expect(useOptionsStore.getState().draft.severityMappings[0]?.values).toEqual({ '1': 'low' });
  });
});
