/**
 * Runs async tasks one after another. The registry is read, changed and written back; two messages
 * handled at once must not both start from the same old copy.
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * Wraps a task that brings state up to date, so that calls made while it runs coalesce into one more
 * run afterwards (every caller then sees a run that started after its call).
 */
export function createCoalescingRunner(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const start = (): Promise<void> => {
    running = task().finally(() => {
      running = undefined;
    });
    return running;
  };
  return () => {
    if (!running) return start();
    queued ??= running.catch(() => undefined).then(() => {
      queued = undefined;
      return start();
    });
    return queued;
  };
}
