import { MatchPattern } from '@webext-core/match-patterns';
import { vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HelpdeskAdapter } from '../../lib/adapters/types.ts';
import { configItem } from '../../lib/storage/config-storage.ts';
import { configuredConfig } from '../registry/fixtures.ts';

/**
 * The adapters the background sees in tests (lib/adapters/registry.ts is mocked to export this array;
 * real adapters are written on other branches).
 */
export const testAdapters: HelpdeskAdapter[] = [];

type Listener<T> = (details: T) => void;

/** fakeBrowser leaves `permissions` and `scripting` unimplemented: in-memory stand-ins with triggerable events. */
export interface FakeGrants {
  /** Granted host permission patterns. */
  granted: Set<string>;
  registered: Map<string, Browser.scripting.RegisteredContentScript>;
  injected: { tabId: number; files: string[] }[];
  /** Grants origins as the browser does after `permissions.request` (fires onAdded). */
  grant(patterns: string[]): void;
  /** Removes origins as the browser does (fires onRemoved). */
  revoke(patterns: string[]): void;
}

export const SAAS_GRANTS = ['https://*.zendesk.com/*', 'https://*.freshdesk.com/*', 'https://*.atlassian.net/*'];

export function installPermissionsAndScripting(patterns: string[] = SAAS_GRANTS): FakeGrants {
  const granted = new Set(patterns);
  const registered = new Map<string, Browser.scripting.RegisteredContentScript>();
  const injected: { tabId: number; files: string[] }[] = [];
  const added: Listener<Browser.permissions.Permissions>[] = [];
  const removed: Listener<Browser.permissions.Permissions>[] = [];
  const covers = (pattern: string) =>
    granted.has(pattern) || [...granted].some((grant) => new MatchPattern(grant).includes(pattern.replace(/\*$/, '')));
  const listenerList = <T>(listeners: Listener<T>[]) => ({ addListener: (listener: Listener<T>) => void listeners.push(listener) });

  // Object.assign rather than vi.spyOn: the chrome typings' last overload of each function is the
  // callback form, and these stand-ins implement the promise form the code uses.
  Object.assign(fakeBrowser.permissions, {
    getAll: () => Promise.resolve({ origins: [...granted], permissions: [] }),
    contains: ({ origins = [] }: Browser.permissions.Permissions) => Promise.resolve(origins.every(covers)),
    onAdded: listenerList(added),
    onRemoved: listenerList(removed),
  });
  Object.assign(fakeBrowser.scripting, {
    registerContentScripts: vi.fn((scripts: Browser.scripting.RegisteredContentScript[]) => {
      for (const script of scripts) {
        if (registered.has(script.id)) return Promise.reject(new Error(`Duplicate script ID '${script.id}'`));
        registered.set(script.id, script);
      }
      return Promise.resolve();
    }),
    unregisterContentScripts: vi.fn((filter?: Browser.scripting.ContentScriptFilter) => {
      for (const id of filter?.ids ?? [...registered.keys()]) registered.delete(id);
      return Promise.resolve();
    }),
    getRegisteredContentScripts: vi.fn((filter?: Browser.scripting.ContentScriptFilter) =>
      Promise.resolve([...registered.values()].filter((script) => filter?.ids === undefined || filter.ids.includes(script.id))),
    ),
    executeScript: vi.fn((injection: { target: { tabId: number }; files?: string[] }) => {
      injected.push({ tabId: injection.target.tabId, files: injection.files ?? [] });
      return Promise.resolve([]);
    }),
  });

  return {
    granted,
    registered,
    injected,
    grant(origins) {
      for (const origin of origins) granted.add(origin);
      for (const listener of added) listener({ origins });
    },
    revoke(origins) {
      for (const origin of origins) granted.delete(origin);
      for (const listener of removed) listener({ origins });
    },
  };
}

/** Imports the background entrypoint afresh (as a new worker would) and runs its `main`. */
export async function startBackground(): Promise<void> {
  const { default: background } = await import('../../entrypoints/background/index.ts');
  background.main();
}

/**
 * Stops the worker and starts a new one: module state is gone (modules re-imported), listeners are
 * gone (fakeBrowser reset), only `storage.local` survives, as in an MV3 restart.
 */
export async function restartBackground(patterns?: string[]): Promise<FakeGrants> {
  const local = await fakeBrowser.storage.local.get();
  fakeBrowser.reset();
  vi.resetModules();
  await fakeBrowser.storage.local.set(local);
  const grants = installPermissionsAndScripting(patterns);
  await startBackground();
  return grants;
}

/** Stores a configuration with one plan, so SLA Lens counts as configured. */
export async function configure(): Promise<void> {
  await configItem.setValue(configuredConfig());
}

/** A JSON `Response` as `fetch` would give it. */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' }, ...init });
}

/**
 * Retries an assertion until it passes (background work runs after the message that caused it was
 * answered). Unlike vi.waitFor it never advances the faked clock, so instants stay exact.
 */
export async function eventually(assertion: () => unknown, timeoutMs = 2000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
