import { create } from 'zustand';
import type { Config, Site } from '../plans/config-schema.ts';
import { emptyConfig, parseConfig } from '../plans/parse-config.ts';
import { SchemaError, type SchemaIssue } from '../schema-error.ts';
import { saveConfig, type LoadedConfig, type ManageablePart } from '../storage/config-storage.ts';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export interface OptionsState {
  loaded: boolean;
  /** What the editors show and change. */
  draft: Config;
  /** The last configuration known to be in storage (the draft is dirty when it differs). */
  saved: Config;
  managedParts: readonly ManageablePart[];
  /** Problems `loadConfig` reported (an invalid policy, a stored config that no longer parses). */
  problems: readonly string[];
  /** Validation of the draft, by field path; empty when it is valid. */
  issues: readonly SchemaIssue[];
  dirty: boolean;
  saveState: SaveState;
}

export interface OptionsActions {
  /** Shows a freshly loaded configuration (discarding any draft). */
  hydrate: (loaded: LoadedConfig) => void;
  /** Changes the draft: `recipe` mutates a copy, which is then validated. */
  edit: (recipe: (draft: Config) => void) => void;
  /** Replaces the draft (a template applied, an import). */
  replaceDraft: (config: Config) => void;
  discard: () => void;
  /** Saves the draft through `saveConfig`; false (and `issues`) when it is invalid. */
  save: () => Promise<boolean>;
  /**
   * Stores `sites` on top of the *saved* configuration right away and mirrors them into the draft:
   * a granted host permission and the stored site list must not wait for unrelated draft edits.
   */
  saveSites: (sites: readonly Site[]) => Promise<void>;
  /**
   * Validates an imported document and stores it, keeping the parts set by policy. Throws a
   * SchemaError (and changes nothing, in storage or in the draft) when the document is invalid.
   */
  importConfig: (json: unknown) => Promise<void>;
}

export type OptionsStore = OptionsState & OptionsActions;

/** The validation issues of a draft (none when it parses). */
function validate(draft: Config): SchemaIssue[] {
  try {
    parseConfig(draft);
    return [];
  } catch (error) {
    if (error instanceof SchemaError) return [...error.issues];
    throw error;
  }
}

const sameConfig = (a: Config, b: Config): boolean => JSON.stringify(a) === JSON.stringify(b);
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * View state of the options page: the draft configuration, its validation and the dirty flag.
 * Storage stays the single source of truth (aesthetics.md §6): every write goes through `saveConfig`.
 *
 * @example
 * useOptionsStore.getState().edit((draft) => { draft.customers.splice(0, 1); });
 */
export const useOptionsStore = create<OptionsStore>()((set, get) => {
  const setDraft = (draft: Config): void => {
    set({ draft, issues: validate(draft), dirty: !sameConfig(draft, get().saved), saveState: { kind: 'idle' } });
  };
  const initial = emptyConfig();
  return {
    loaded: false,
    draft: initial,
    saved: initial,
    managedParts: [],
    problems: [],
    issues: [],
    dirty: false,
    saveState: { kind: 'idle' },

    hydrate: (loaded) => {
      set({
        loaded: true,
        draft: loaded.config,
        saved: loaded.config,
        managedParts: loaded.managedParts,
        problems: loaded.problems,
        issues: [],
        dirty: false,
        saveState: { kind: 'idle' },
      });
    },
    edit: (recipe) => {
      const draft = structuredClone(get().draft);
      recipe(draft);
      setDraft(draft);
    },
    replaceDraft: setDraft,
    discard: () => {
      setDraft(get().saved);
    },
    save: async () => {
      const { draft } = get();
      set({ saveState: { kind: 'saving' } });
      try {
        const saved = await saveConfig(draft);
        set({ saved, draft: saved, issues: [], dirty: false, saveState: { kind: 'saved' } });
        return true;
      } catch (error) {
        if (error instanceof SchemaError) set({ issues: error.issues, saveState: { kind: 'failed', message: `${error.issues.length} problem(s) to fix before saving` } });
        else set({ saveState: { kind: 'failed', message: describe(error) } });
        return false;
      }
    },
    saveSites: async (sites) => {
      const saved = await saveConfig({ ...get().saved, sites });
      const draft = { ...get().draft, sites: saved.sites };
      set({ saved, draft, issues: validate(draft), dirty: !sameConfig(draft, saved) });
    },
    importConfig: async (json) => {
      const imported = parseConfig(json);
      const { managedParts, saved } = get();
      // A file cannot unlock what the organization's policy sets.
      const merged = { ...imported, ...Object.fromEntries(managedParts.map((part) => [part, saved[part]])) };
      const stored = await saveConfig(merged);
      set({ saved: stored, draft: stored, issues: [], dirty: false, saveState: { kind: 'saved' } });
    },
  };
});
