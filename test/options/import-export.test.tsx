// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ImportExportSection } from '../../components/options/import-export-section.tsx';
import { parseConfig } from '../../lib/plans/index.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { configItem } from '../../lib/storage/config-storage.ts';
import { renderOptions } from './render-options.tsx';

const example = parseConfig(JSON.parse(readFileSync('test/plans/examples/v1.json', 'utf8')));
const jsonFile = (content: unknown, name = 'config.json') => new File([typeof content === 'string' ? content : JSON.stringify(content)], name, { type: 'application/json' });

/** Clicks "Export" and returns the downloaded file (the page hands a Blob URL to a temporary link). */
async function exportedFile(user: ReturnType<typeof userEvent.setup>): Promise<{ name: string; text: string }> {
  let blob: Blob | undefined;
  let name = '';
  vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
    blob = object as Blob;
    return 'blob:sla-lens/export';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    name = this.download;
  });
  await user.click(screen.getByRole('button', { name: 'Export configuration' }));
  return { name, text: blob ? await blob.text() : '' };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await configItem.setValue(example);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('import and export', () => {
  it('exports the saved configuration and imports it back to an equal configuration', async () => {
    const user = userEvent.setup();
    await renderOptions(<ImportExportSection />);
    const exported = await exportedFile(user);
    expect(exported.name).toBe('sla-lens-config-2026-11-23.json');
    expect(JSON.parse(exported.text)).toEqual(example);

    await configItem.setValue(parseConfig({ version: 1, calendars: {}, plans: {}, customers: [], severityMappings: [] }));
    await user.upload(screen.getByLabelText('Import a configuration file'), jsonFile(exported.text));
    expect(await screen.findByText('config.json imported and saved.')).toBeDefined();
    expect(await configItem.getValue()).toEqual(example);
    expect(useOptionsStore.getState().draft).toEqual(example);
    expect(useOptionsStore.getState().dirty).toBe(false);
  });

  it('lists every problem of a broken file with the path of its field, and changes nothing', async () => {
    const user = userEvent.setup();
    await renderOptions(<ImportExportSection />);
    useOptionsStore.getState().edit((draft) => {
      draft.customers[0]!.name = 'Acme (being edited)';
    });
    const broken = structuredClone(example) as unknown as { calendars: Record<string, { weekly: Record<string, string[][]> }>; customers: { contracts: { plan: string }[] }[]; sites: { origin: string }[] };
    broken.calendars['customer-hours']!.weekly['mon'] = [['09:00', '25:00']];
    broken.customers[1]!.contracts[0]!.plan = 'platinum';
    broken.sites[0]!.origin = 'support.globex.example/agent';
    await user.upload(screen.getByLabelText('Import a configuration file'), jsonFile(broken, 'broken.json'));
    expect(await screen.findByText('broken.json was not imported: 4 problems; your configuration is unchanged.')).toBeDefined();
    const problems = within(screen.getByRole('list', { name: 'Problems in the imported file' }));
    expect(problems.getByText('calendars.customer-hours.weekly.mon[0][1]').parentElement?.textContent).toBe(
      'calendars.customer-hours.weekly.mon[0][1]: invalid time "25:00" (expected HH:MM from 00:00 to 24:00)',
    );
    expect(problems.getAllByText('sites[0].origin').map((path) => path.parentElement?.textContent)).toEqual([
      'sites[0].origin: Invalid URL',
      'sites[0].origin: expected an origin like https://support.example.com (no path)',
    ]);
    expect(problems.getByText('customers[1].contracts[0].plan').parentElement?.textContent).toBe('customers[1].contracts[0].plan: unknown plan "platinum"');
    expect(screen.getByLabelText('Import a configuration file').getAttribute('aria-invalid')).toBe('true');
    expect(await configItem.getValue()).toEqual(example);
    expect(useOptionsStore.getState().draft.customers[0]?.name).toBe('Acme (being edited)');
  });

  it('refuses a file that is not JSON, or written by a newer version', async () => {
    const user = userEvent.setup();
    await renderOptions(<ImportExportSection />);
    await user.upload(screen.getByLabelText('Import a configuration file'), jsonFile('{"version": 1,', 'cut.json'));
    expect(await screen.findByText(/^cut.json is not valid JSON: /)).toBeDefined();
    await user.upload(screen.getByLabelText('Import a configuration file'), jsonFile({ ...example, version: 2 }, 'future.json'));
    expect(await screen.findByText('version 2 was written by a newer SLA Lens (this one reads up to 1)', { exact: false })).toBeDefined();
    expect(await configItem.getValue()).toEqual(example);
  });

  it('keeps the parts the organization manages when importing', async () => {
    const user = userEvent.setup();
    await fakeBrowser.storage.managed.set({ config: { ...example, customers: [] } });
    await renderOptions(<ImportExportSection />);
    expect(screen.getByText(/except the parts your organization manages/)).toBeDefined();
    const other = { ...example, customers: [{ id: 'solo', name: 'Solo', rules: [{ tag: 'solo' }], contracts: [] }] };
    await user.upload(screen.getByLabelText('Import a configuration file'), jsonFile(other));
    expect(await screen.findByText('config.json imported and saved.')).toBeDefined();
    expect(useOptionsStore.getState().draft.customers).toEqual([]);
  });
});
