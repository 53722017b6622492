import { createStore, type StoreApi } from 'zustand/vanilla';
import { emptyEvaluationCache, evaluationCacheSchema } from '../registry/evaluation-cache.ts';
import { queuePinsSchema } from '../registry/queue-pins.ts';
import { emptyRefreshStatus, refreshStatusSchema } from '../registry/refresh-plan.ts';
import { emptyRegistry, ticketRegistrySchema } from '../registry/ticket-registry.ts';
import { configItem, loadConfig, managedConfigItem } from '../storage/config-storage.ts';
import { parsePreferences, preferencesItem, readPreferences } from '../storage/preferences-storage.ts';
import { queuePinsItem, readQueuePins, readRefreshStatus, refreshStatusItem } from '../storage/queue-storage.ts';
import { watchStored, type Stored } from '../storage/stored-value.ts';
import { evaluationCacheItem, readEvaluationCache, readTicketRegistry, ticketRegistryItem } from '../storage/ticket-registry-storage.ts';
import { DEFAULT_FILTERS, type QueueData, type QueueFilters } from './queue-view.ts';

/** The popup's view state: the stored data it shows (read-only here) and what the agent chose to see. */
export interface QueueState extends QueueData {
  status: 'loading' | 'ready' | 'error';
  /** Why nothing could be loaded, when `status` is `error`. */
  loadError: string | undefined;
  filters: QueueFilters;
  /** The row the keyboard is on. */
  activeKey: string | undefined;
  setFilter: <K extends keyof QueueFilters>(name: K, value: QueueFilters[K]) => void;
  resetFilters: () => void;
  setActiveKey: (key: string | undefined) => void;
}

export type QueueStore = StoreApi<QueueState>;

/** Data of a store before anything is loaded. */
function emptyQueueData(): QueueData {
  return {
    registry: emptyRegistry(),
    cache: emptyEvaluationCache(),
    pins: [],
    refreshStatus: emptyRefreshStatus(),
    me: [],
    myGroups: [],
    configured: false,
    grantedOrigins: [],
    problems: [],
  };
}

/**
 * A queue store. Stored data is never written from here (the background owns it); `initial` lets
 * tests and previews start from given data.
 *
 * @example
 * const store = createQueueStore({ status: 'ready', configured: true });
 * store.getState().setFilter('groupBy', 'customer');
 */
export function createQueueStore(initial: Partial<Omit<QueueState, 'setFilter' | 'resetFilters' | 'setActiveKey'>> = {}): QueueStore {
  return createStore<QueueState>()((set) => ({
    ...emptyQueueData(),
    status: 'loading',
    loadError: undefined,
    filters: DEFAULT_FILTERS,
    activeKey: undefined,
    ...initial,
    setFilter: (name, value) => set((state) => ({ filters: { ...state.filters, [name]: value }, activeKey: undefined })),
    resetFilters: () => set({ filters: DEFAULT_FILTERS, activeKey: undefined }),
    setActiveKey: (activeKey) => set({ activeKey }),
  }));
}

/** Problems by source, so a later good value clears the message of an earlier bad one. */
type ProblemSource = 'registry' | 'evaluations' | 'pins' | 'refresh' | 'preferences' | 'config';

/**
 * Hydrates the store from storage and keeps it live with each item's `watch` (the background writes,
 * the popup follows). Resolves with a function that stops watching.
 *
 * @example
 * const stop = await connectQueueStore(store, { grantedOrigins: async () => (await browser.permissions.getAll()).origins ?? [] });
 */
export async function connectQueueStore(store: QueueStore, sources: { grantedOrigins: () => Promise<string[]> }): Promise<() => void> {
  const problems = new Map<ProblemSource, string>();
  const noteProblem = <T>(source: ProblemSource, stored: Stored<T>): T => {
    if (stored.problem === undefined) problems.delete(source);
    else problems.set(source, stored.problem);
    return stored.value;
  };
  const withProblems = () => ({ problems: [...problems.values()] });
  const configured = async () => {
    const loaded = await loadConfig();
    if (loaded.problems.length > 0) problems.set('config', loaded.problems.join('; '));
    else problems.delete('config');
    return !loaded.isEmpty;
  };

  try {
    const [registry, cache, pins, refreshStatus, preferences, isConfigured, grantedOrigins] = await Promise.all([
      readTicketRegistry(),
      readEvaluationCache(),
      readQueuePins(),
      readRefreshStatus(),
      readPreferences(),
      configured(),
      sources.grantedOrigins(),
    ]);
    const { me, myGroups } = noteProblem('preferences', preferences);
    store.setState({
      registry: noteProblem('registry', registry),
      cache: noteProblem('evaluations', cache),
      pins: noteProblem('pins', pins),
      refreshStatus: noteProblem('refresh', refreshStatus),
      me,
      myGroups,
      configured: isConfigured,
      grantedOrigins,
      status: 'ready',
      loadError: undefined,
      ...withProblems(),
    });
  } catch (error) {
    store.setState({ status: 'error', loadError: error instanceof Error ? error.message : String(error) });
    return () => undefined;
  }

  const onConfigChange = () =>
    void configured().then(
      (isConfigured) => store.setState({ configured: isConfigured, ...withProblems() }),
      (error: unknown) => store.setState({ problems: [...problems.values(), String(error)] }),
    );
  const unwatch = [
    watchStored(ticketRegistryItem, ticketRegistrySchema, 'stored tickets', (stored) => store.setState({ registry: noteProblem('registry', stored), ...withProblems() })),
    watchStored(evaluationCacheItem, evaluationCacheSchema, 'stored evaluations', (stored) => store.setState({ cache: noteProblem('evaluations', stored), ...withProblems() })),
    watchStored(queuePinsItem, queuePinsSchema, 'pinned queues', (stored) => store.setState({ pins: noteProblem('pins', stored), ...withProblems() })),
    watchStored(refreshStatusItem, refreshStatusSchema, 'refresh status', (stored) => store.setState({ refreshStatus: noteProblem('refresh', stored), ...withProblems() })),
    preferencesItem.watch((raw) => {
      const { me, myGroups } = noteProblem('preferences', parsePreferences(raw));
      store.setState({ me, myGroups, ...withProblems() });
    }),
    configItem.watch(onConfigChange),
    managedConfigItem.watch(onConfigChange),
  ];
  return () => {
    for (const stop of unwatch) stop();
  };
}
