/**
 * One shared timer per page. Every countdown on a page (a ticket strip, 500 list badges) and every
 * timed job (asking the background again at `nextChangeAt`) is a task here, and the page has at
 * most one pending timeout: set for the earliest moment a *visible* task needs to run, never sooner
 * than `minIntervalMs` after the previous tick. Tasks say when their text next changes, so a page
 * of minute-resolution countdowns wakes up about once a minute per distinct deadline, and only
 * countdowns showing seconds (near zero) tick every second. No per-badge intervals, no messaging.
 */

export interface TickerTask {
  /** When the task next needs to run after `nowMs` (epoch ms), or null when nothing changes on its own. */
  nextRunAt(nowMs: number): number | null;
  /** Brings the task up to date at `nowMs` (e.g. rewrites a countdown's text). */
  run(nowMs: number): void;
}

export interface TickerOptions {
  /** Epoch milliseconds (lib/ never reads the clock). */
  now: () => number;
  setTimer: (callback: () => void, delayMs: number) => number;
  clearTimer: (id: number) => void;
  /** Errors thrown by a task; the ticker carries on with the others. */
  onError: (error: unknown) => void;
  /** At most one tick per this many milliseconds. */
  minIntervalMs?: number;
}

export interface Ticker {
  /** Adds a task; the owner has drawn it already, so it first runs when it is due. Hidden tasks wait until shown. */
  add(task: TickerTask, visible: boolean): void;
  /** The task's data changed (a new evaluation, already drawn): plan its next run again. */
  update(task: TickerTask): void;
  /** Visibility from an IntersectionObserver; a task shown after missing runs is brought up to date at once. */
  setVisible(task: TickerTask, visible: boolean): void;
  remove(task: TickerTask): void;
  /** Stops the timer and forgets every task. */
  dispose(): void;
}

interface Entry {
  visible: boolean;
  dueAt: number | null;
}

/** Long timeouts overflow (> 2^31 − 1 ms fires at once) and drift across sleep; wake at least hourly to re-plan. */
const MAX_DELAY_MS = 3_600_000;

/**
 * The page's single scheduler.
 *
 * @example
 * const ticker = createTicker({ now: () => Date.now(), setTimer: (f, ms) => window.setTimeout(f, ms), clearTimer: (id) => window.clearTimeout(id), onError: console.warn });
 * ticker.add({ nextRunAt: (now) => now + 60_000, run: (now) => redraw(now) }, true);
 */
export function createTicker(options: TickerOptions): Ticker {
  const { now, setTimer, clearTimer, onError, minIntervalMs = 1000 } = options;
  const entries = new Map<TickerTask, Entry>();
  let timer: number | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  let lastTickAt = Number.NEGATIVE_INFINITY;
  let disposed = false;

  const nextRunOf = (task: TickerTask, at: number): number | null => {
    try {
      return task.nextRunAt(at);
    } catch (error) {
      onError(error);
      return null;
    }
  };
  const runTask = (task: TickerTask, entry: Entry, at: number): void => {
    try {
      task.run(at);
    } catch (error) {
      onError(error);
    }
    entry.dueAt = nextRunOf(task, at);
  };

  /** Makes sure the timer fires no later than `dueAt` (but never sooner than the minimum interval). */
  const wakeBy = (dueAt: number | null): void => {
    if (disposed || dueAt === null) return;
    const fireAt = Math.max(dueAt, lastTickAt + minIntervalMs);
    if (timer !== undefined && timerAt <= fireAt) return;
    if (timer !== undefined) clearTimer(timer);
    timerAt = fireAt;
    timer = setTimer(tick, Math.min(MAX_DELAY_MS, Math.max(0, fireAt - now())));
  };

  function tick(): void {
    timer = undefined;
    timerAt = Number.POSITIVE_INFINITY;
    const at = now();
    lastTickAt = at;
    let earliest: number | null = null;
    for (const [task, entry] of entries) {
      if (!entry.visible) continue;
      if (entry.dueAt !== null && entry.dueAt <= at) runTask(task, entry, at);
      if (entry.dueAt !== null && (earliest === null || entry.dueAt < earliest)) earliest = entry.dueAt;
    }
    wakeBy(earliest);
  }

  return {
    add(task, visible) {
      const entry: Entry = { visible, dueAt: nextRunOf(task, now()) };
      entries.set(task, entry);
      if (visible) wakeBy(entry.dueAt);
    },
    update(task) {
      const entry = entries.get(task);
      if (!entry) return;
      entry.dueAt = nextRunOf(task, now());
      if (entry.visible) wakeBy(entry.dueAt);
    },
    setVisible(task, visible) {
      const entry = entries.get(task);
      if (!entry || entry.visible === visible) return;
      entry.visible = visible;
      if (!visible) return;
      const at = now();
      if (entry.dueAt !== null && entry.dueAt <= at) runTask(task, entry, at);
      wakeBy(entry.dueAt);
    },
    remove(task) {
      // A timer set for this task alone just finds nothing due and re-plans.
      entries.delete(task);
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      entries.clear();
    },
  };
}
