// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../entrypoints/options/app.tsx';
import { CONFIG_VERSION, emptyConfig, parseConfig, withTemplate } from '../../lib/plans/index.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { configItem, MANAGEABLE_PARTS } from '../../lib/storage/config-storage.ts';
import { renderOptions } from './render-options.tsx';

const policy = parseConfig(withTemplate(emptyConfig(), 'otrs-subscription'));

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.managed.set({ config: policy });
});
afterEach(cleanup);

describe('parts managed by IT', () => {
  it('shows managed sections read-only, with the reason tied to them', async () => {
    await renderOptions(<App initialSection="plans" />);
    expect(useOptionsStore.getState().managedParts).toEqual(['calendars', 'plans', 'customers', 'severityMappings', 'sites']);
    const group = screen.getByRole('group', { name: 'Plans' });
    expect(group.hasAttribute('disabled')).toBe(true);
    const note = within(group).getByText(/Plans: managed by your IT department/);
    expect(group.getAttribute('aria-describedby')).toBe(note.id);

    const user = userEvent.setup();
    const name = screen.getByLabelText<HTMLInputElement>('otrs-subscription: name');
    await user.type(name, ' edited');
    expect(name.value).toBe('OTRS Subscription');
    expect(useOptionsStore.getState().dirty).toBe(false);
  });

  it('disables templates when plans are managed', async () => {
    await renderOptions(<App />);
    expect(screen.getByText(/templates cannot be added here/)).toBeDefined();
    for (const button of screen.getAllByRole<HTMLButtonElement>('button', { name: /template/ })) expect(button.disabled).toBe(true);
  });

  it('leaves parts the policy does not set editable', async () => {
    await fakeBrowser.storage.managed.set({ config: { ...policy, sites: undefined } });
    await configItem.setValue(policy);
    await renderOptions(<App initialSection="helpdesks" />);
    expect(useOptionsStore.getState().managedParts).not.toContain('sites');
    expect(screen.getByRole('group', { name: 'Self-hosted helpdesks' }).hasAttribute('disabled')).toBe(false);
  });
});

describe('public/managed-schema.json', () => {
  type Schema = { type?: string; $ref?: string; id?: string; minimum?: number; maximum?: number; pattern?: string; properties?: Record<string, Schema>; additionalProperties?: Schema; items?: Schema; required?: string[] };
  const schema = JSON.parse(readFileSync('public/managed-schema.json', 'utf8')) as Schema;
  const config = schema.properties?.['config'];
  const ids = new Map<string, Schema>();
  const walk = (node: Schema, visit: (node: Schema) => void): void => {
    visit(node);
    for (const child of [...Object.values(node.properties ?? {}), node.additionalProperties, node.items]) if (child) walk(child, visit);
  };
  walk(schema, (node) => {
    if (node.id !== undefined) ids.set(node.id, node);
  });

  it('follows Chrome’s rules: an object at the top without additionalProperties, one type or $ref each, bounds only on integers', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    walk(schema, (node) => {
      expect(Number(node.type !== undefined) + Number(node.$ref !== undefined), JSON.stringify(node).slice(0, 80)).toBe(1);
      if (node.$ref !== undefined) expect(ids.has(node.$ref), node.$ref).toBe(true);
      // Chrome refuses to load the extension otherwise ("Only integers can have minimum and maximum").
      if (node.minimum !== undefined || node.maximum !== undefined) expect(node.type).toBe('integer');
      if (node.pattern !== undefined) expect(node.type).toBe('string');
    });
  });

  it('declares every part storage reads as managed, and the parts parseConfig requires', () => {
    expect(Object.keys(config?.properties ?? {}).sort()).toEqual(['version', ...MANAGEABLE_PARTS].sort());
    expect(config?.required).toEqual(['version', 'calendars', 'plans', 'customers', 'severityMappings']);
    expect(CONFIG_VERSION).toBe(1);
  });

  it('describes every key of the example configuration (Chrome drops what the schema does not declare)', () => {
    const undeclared: string[] = [];
    const check = (value: unknown, node: Schema | undefined, path: string): void => {
      const resolved = node?.$ref === undefined ? node : ids.get(node.$ref);
      if (!resolved) return void undeclared.push(path);
      if (Array.isArray(value)) value.forEach((item, i) => check(item, resolved.items, `${path}[${i}]`));
      else if (value !== null && typeof value === 'object') {
        // Site options are adapter-specific and validated by the extension, not by the policy schema.
        if (path.endsWith('.options')) return;
        for (const [key, child] of Object.entries(value)) check(child, resolved.properties?.[key] ?? resolved.additionalProperties, `${path}.${key}`);
      }
    };
    check(JSON.parse(readFileSync('test/plans/examples/v1.json', 'utf8')), config, 'config');
    expect(undeclared).toEqual([]);
  });
});
