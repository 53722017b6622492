import { z } from 'zod';
import { parseOrThrow, SchemaError } from '../schema-error.ts';
import { CONFIG_VERSION, configSchema, type Config } from './config-schema.ts';

/**
 * Migrations between configuration versions: `migrations[n]` turns a version-n document into
 * version n+1. Each is a pure function of the stored JSON (tested with one example per version in
 * test/plans/migrations.test.ts), so stored configs and imported files share one path.
 */
export const migrations: Record<number, (config: Record<string, unknown>) => Record<string, unknown>> = {};

const versionedSchema = z.looseObject({ version: z.number().int().min(1, 'expected a version number') });

/**
 * Validates a configuration (stored, imported or pushed by policy), migrating older versions first.
 *
 * @throws {SchemaError} naming each offending field; nothing is changed by a failed parse.
 * @example
 * parseConfig({ version: 1, calendars: {}, plans: {}, customers: [], severityMappings: [] }).sites // => []
 */
export function parseConfig(json: unknown): Config {
  let document = parseOrThrow(versionedSchema, json, 'configuration') as Record<string, unknown> & { version: number };
  if (document.version > CONFIG_VERSION) {
    throw new SchemaError('configuration', [
      { path: 'version', message: `version ${document.version} was written by a newer SLA Lens (this one reads up to ${CONFIG_VERSION})` },
    ]);
  }
  while (document.version < CONFIG_VERSION) {
    const migrate = migrations[document.version];
    if (!migrate) throw new SchemaError('configuration', [{ path: 'version', message: `no migration from version ${document.version}` }]);
    document = { ...migrate(document), version: document.version + 1 };
  }
  return parseOrThrow(configSchema, document, 'configuration');
}

/**
 * An empty, valid configuration (no plans yet).
 *
 * @example
 * emptyConfig().plans // => {}
 */
export function emptyConfig(): Config {
  return parseConfig({ version: CONFIG_VERSION, calendars: {}, plans: {}, customers: [], severityMappings: [] });
}
