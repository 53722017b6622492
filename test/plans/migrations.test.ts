import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VERSION, migrations, parseConfig } from '../../lib/plans/index.ts';

// Read Frog's pattern: one example configuration per format version, written as that version's
// code wrote it. Adding a version without an example (or a migration) fails here, not in the field.
const examplesDir = new URL('./examples/', import.meta.url);
const examples = new Map<number, unknown>(
  readdirSync(examplesDir)
    .map((file) => /^v(\d+)\.json$/.exec(file))
    .filter((match) => match !== null)
    .map((match) => [Number(match[1]), JSON.parse(readFileSync(new URL(match[0], examplesDir), 'utf8')) as unknown]),
);
const versions = Array.from({ length: CONFIG_VERSION }, (_, i) => i + 1);

describe('configuration migrations', () => {
  it.each(versions)('has an example for version %i', (version) => {
    expect(examples.has(version), `add test/plans/examples/v${version}.json`).toBe(true);
  });

  it('has no example for a version this build does not know', () => {
    expect([...examples.keys()].filter((version) => version > CONFIG_VERSION)).toEqual([]);
  });

  it.each(versions)('declares its version in example v%i', (version) => {
    expect(examples.get(version)).toMatchObject({ version });
  });

  it.each(versions)('parses example v%i', (version) => {
    expect(() => parseConfig(examples.get(version))).not.toThrow();
  });

  it.each(versions.slice(0, -1))('has a migration from version %i', (version) => {
    expect(migrations[version], `add migrations[${version}] in lib/plans/parse-config.ts`).toBeTypeOf('function');
  });

  it.each(versions.slice(0, -1))('migrates example v%i to the next version’s example', (version) => {
    expect(parseConfig(examples.get(version))).toEqual(parseConfig(examples.get(version + 1)));
  });

  it('keeps the current example as it is (it is written in the current format)', () => {
    expect(parseConfig(examples.get(CONFIG_VERSION))).toEqual(examples.get(CONFIG_VERSION));
  });

  it('does not mutate the document it migrates', () => {
    const oldest = structuredClone(examples.get(1));
    parseConfig(oldest);
    expect(oldest).toEqual(examples.get(1));
  });
});
