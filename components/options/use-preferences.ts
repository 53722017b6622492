import { useCallback, useEffect, useState } from 'react';
import type { Stored } from '../../lib/storage/stored-value.ts';
import { parsePreferences, preferencesItem, readPreferences, savePreferences, type Preferences } from '../../lib/storage/preferences-storage.ts';

export interface PreferencesStore {
  /** The stored preferences, validated (undefined while loading), kept current while the page is open. */
  stored: Stored<Preferences> | undefined;
  /** Validates and stores; rejects with a SchemaError naming each bad field, and then writes nothing. */
  save: (preferences: Preferences) => Promise<Preferences>;
}

/** The agent's own preferences in storage (the background reads them for "mine" and notifications). */
export function usePreferences(): PreferencesStore {
  const [stored, setStored] = useState<Stored<Preferences>>();
  useEffect(() => {
    let live = true;
    void readPreferences().then((value) => {
      if (live) setStored(value);
    });
    const unwatch = preferencesItem.watch((raw) => setStored(parsePreferences(raw)));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const save = useCallback(async (preferences: Preferences) => {
    const saved = await savePreferences(preferences);
    // Not left to the watcher alone: the editor compares against `stored` as soon as this resolves.
    setStored({ value: saved });
    return saved;
  }, []);
  return { stored, save };
}
