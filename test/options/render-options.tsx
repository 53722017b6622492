import { render, type RenderResult } from '@testing-library/react';
import { DateTime } from 'luxon';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { OptionsEnvironmentContext, type OptionsEnvironment } from '../../components/options/options-environment.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { loadConfig } from '../../lib/storage/config-storage.ts';

// Component tests type into real inputs; next to the engine's property suites on a 2-core machine one can take seconds.
vi.setConfig({ testTimeout: 30_000 });

/** Monday 23 November 2026, 10:00 in London: the page's "now" in every options test. */
export const NOW = DateTime.fromISO('2026-11-23T10:00:00Z', { zone: 'Europe/London' });

export interface Rendered extends RenderResult {
  environment: OptionsEnvironment;
}

/**
 * Loads the stored configuration into the store (as the entrypoint does) and renders `ui` inside
 * the environment the entrypoint provides, with permission calls that tests can replace.
 */
export async function renderOptions(ui: ReactElement, environment: Partial<OptionsEnvironment> = {}): Promise<Rendered> {
  useOptionsStore.getState().hydrate(await loadConfig());
  const full: OptionsEnvironment = {
    now: NOW,
    zone: 'Europe/London',
    requestOrigin: vi.fn(() => Promise.resolve(true)),
    removeOrigin: vi.fn(() => Promise.resolve(true)),
    ...environment,
  };
  return { ...render(<OptionsEnvironmentContext value={full}>{ui}</OptionsEnvironmentContext>), environment: full };
}
