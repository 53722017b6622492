/**
 * Keeps the project's structure in step (Refined GitHub's meta-test): the adapter registry, the
 * adapter files, their fixtures, tests and test URLs, and the README's table of helpdesks.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapters, contentScriptPath } from '../lib/adapters/registry.ts';
import { parseConfig } from '../lib/plans/index.ts';
import { HELPDESK_IDS } from '../lib/ticket.ts';

const NOT_ADAPTERS = new Set(['types.ts', 'registry.ts', 'generic-settings.ts', 'local-time.ts']);
const adapterFiles = readdirSync('lib/adapters', { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !NOT_ADAPTERS.has(entry.name))
  .map((entry) => entry.name.replace(/\.ts$/, ''));
const readme = readFileSync('README.md', 'utf8');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('helpdesk adapters', () => {
  it('every adapter file is registered, under its file name, and every helpdesk id has one', () => {
    expect(adapters.map((adapter) => adapter.id).sort()).toEqual([...adapterFiles].sort());
    expect([...HELPDESK_IDS].sort()).toEqual([...adapterFiles].sort());
  });

  it.each(adapters.map((adapter) => [adapter.id, adapter] as const))('%s has fixtures, tests, test URLs and a README row', (id, adapter) => {
    expect(existsSync(`test/fixtures/${id}`), `test/fixtures/${id}/`).toBe(true);
    expect(existsSync(`test/adapters/${id}.test.ts`), `test/adapters/${id}.test.ts`).toBe(true);
    expect(adapter.testUrls.ticket.length, 'ticket test URLs').toBeGreaterThan(0);
    expect(adapter.testUrls.list.length, 'list test URLs').toBeGreaterThan(0);
    expect(readme.split('\n'), 'README table of helpdesks').toContainEqual(expect.stringMatching(new RegExp(`^\\| ${escapeRegExp(adapter.label)} \\| \`${id}\` \\|`)));
    expect(adapter.hosting === 'saas' ? adapter.matches.length > 0 : adapter.matches.length === 0, 'SaaS adapters declare match patterns, self-hosted ones none').toBe(true);
    // One content script per helpdesk (a page loads only its own adapter), registered under the path the background uses.
    const entrypoint = `entrypoints/${id}.content.ts`;
    expect(existsSync(entrypoint), entrypoint).toBe(true);
    const source = readFileSync(entrypoint, 'utf8');
    expect(source, entrypoint).toContain(`from '../lib/adapters/${id}.ts'`);
    expect(source, entrypoint).toContain('export default helpdeskContentScript(');
    expect(contentScriptPath(id)).toBe(`content-scripts/${id}.js`);
  });
});

describe('README', () => {
  it('its configuration example is a valid configuration (it is also the import format)', () => {
    const section = readme.split('## Configuration')[1] ?? '';
    const example = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(example, 'a ```json block in the Configuration section').toBeDefined();
    const config = parseConfig(JSON.parse(example ?? 'null'));
    expect(Object.keys(config.plans).length).toBeGreaterThan(0);
  });
});
