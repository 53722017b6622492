import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { DEFAULT_THRESHOLDS, thresholdSchema } from '../notifications/thresholds.ts';
import { parseOrThrow } from '../schema-error.ts';
import { calendarSpecSchema } from '../sla/index.ts';
import { validateStored, type Stored } from './stored-value.ts';

const identity = z.string().trim().min(1, 'must not be empty').max(200);

/** The agent's own settings (not the team's configuration): who they are and how to alert them. */
export const preferencesSchema = z.strictObject({
  /** The agent's names or emails as the helpdesks show the assignee ("mine" in the popup and notifications). */
  me: z.array(identity).max(20).default([]),
  /** The agent's helpdesk groups ("my groups" in the popup). */
  myGroups: z.array(identity).max(50).default([]),
  notifications: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** `mine`: only tickets assigned to `me`. */
      scope: z.enum(['all', 'mine']).default('all'),
      thresholds: z.array(thresholdSchema).max(10).default(() => [...DEFAULT_THRESHOLDS]),
      /** The agent's working hours: outside them notifications wait. Null: notify at any time. */
      workingHours: calendarSpecSchema.nullable().default(null),
    })
    .prefault({}),
});
export type Preferences = z.output<typeof preferencesSchema>;
export type PreferencesInput = z.input<typeof preferencesSchema>;

/** Stored as entered (defaults are filled in on read, so new settings get their defaults). */
export const preferencesItem = storage.defineItem<PreferencesInput>('local:preferences', { fallback: {}, version: 1, migrations: {} });

/**
 * Preferences with every default: 50 %, 75 %, 15 minutes left and breached, at any time, for all tickets.
 *
 * @example
 * defaultPreferences().notifications.thresholds.length // => 4
 */
export function defaultPreferences(): Preferences {
  return preferencesSchema.parse({});
}

/**
 * Validates stored preferences (see {@link validateStored}).
 *
 * @example
 * parsePreferences({ me: ['ada@example.com'] }).value.notifications.enabled // => true
 */
export function parsePreferences(raw: unknown): Stored<Preferences> {
  return validateStored(raw, preferencesSchema, defaultPreferences(), 'preferences');
}

/**
 * The agent's preferences, validated.
 *
 * @example
 * const { value: preferences } = await readPreferences();
 */
export async function readPreferences(): Promise<Stored<Preferences>> {
  return parsePreferences(await preferencesItem.getValue());
}

/**
 * Validates and stores preferences; throws a SchemaError naming each bad field and writes nothing then.
 *
 * @example
 * await savePreferences({ me: ['Ada Lovelace'], notifications: { scope: 'mine' } });
 */
export async function savePreferences(input: unknown): Promise<Preferences> {
  const preferences = parseOrThrow(preferencesSchema, input, 'preferences');
  await preferencesItem.setValue(preferences);
  return preferences;
}
