import { storage } from 'wxt/utils/storage';
import type { Config } from '../plans/config-schema.ts';
import { emptyConfig, parseConfig } from '../plans/parse-config.ts';
import { CONFIG_STORAGE_KEY } from './config-key.ts';

/**
 * The admin's configuration, stored as validated JSON in `storage.local` (the `version` field inside
 * drives migrations, see lib/plans/parse-config.ts). Only {@link saveConfig} writes it, and only
 * after validation, so the last good configuration is never replaced by a bad one.
 */
export const configItem = storage.defineItem<unknown>(`local:${CONFIG_STORAGE_KEY}`, { fallback: null });

/** A configuration pushed by enterprise policy (`storage.managed`, schema in public/managed-schema.json). */
export const managedConfigItem = storage.defineItem<unknown>(`managed:${CONFIG_STORAGE_KEY}`, { fallback: null });

/** Parts of the configuration an organization can lock by policy. */
export const MANAGEABLE_PARTS = ['calendars', 'plans', 'customers', 'severityMappings', 'sites'] as const;
export type ManageablePart = (typeof MANAGEABLE_PARTS)[number];

export interface LoadedConfig {
  /** The effective configuration (managed parts replace local ones). */
  config: Config;
  /** Parts set by policy: shown locked in the options page. */
  managedParts: ManageablePart[];
  /** True when nothing has been configured yet. */
  isEmpty: boolean;
  /** Problems found while loading (an invalid managed policy, a stored config that no longer parses…). */
  problems: string[];
}

/**
 * Loads the effective configuration. Never throws: invalid stored or managed data is reported in
 * `problems` and the rest still works.
 *
 * @example
 * const { config, managedParts } = await loadConfig();
 */
export async function loadConfig(): Promise<LoadedConfig> {
  const problems: string[] = [];
  let local = emptyConfig();
  const stored = await configItem.getValue();
  if (stored !== null) {
    try {
      local = parseConfig(stored);
    } catch (error) {
      problems.push(`Stored configuration: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let managedParts: ManageablePart[] = [];
  // storage.managed is unavailable in some browsers and contexts; no policy is the normal case.
  const managed: unknown = await managedConfigItem.getValue().catch(() => null);
  if (managed !== null) {
    try {
      const policy = parseConfig(managed);
      managedParts = MANAGEABLE_PARTS.filter((part) => part in (managed as Record<string, unknown>));
      local = { ...local, ...Object.fromEntries(managedParts.map((part) => [part, policy[part]])) };
    } catch (error) {
      problems.push(`Configuration from your organization's policy: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const isEmpty = Object.keys(local.plans).length === 0;
  return { config: local, managedParts, isEmpty, problems };
}

/**
 * Validates and stores a configuration. Throws a SchemaError naming each bad field and writes
 * nothing in that case.
 *
 * @example
 * await saveConfig(withTemplate(emptyConfig(), 'priority-support'));
 */
export async function saveConfig(json: unknown): Promise<Config> {
  const config = parseConfig(json);
  await configItem.setValue(config);
  return config;
}
