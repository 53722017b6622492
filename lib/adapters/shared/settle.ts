/**
 * Markup-only adapters (generic, Znuny) read the page synchronously, but the `HelpdeskAdapter`
 * interface promises a Promise: a reader that throws must reject, never throw into the caller.
 */

/**
 * Runs a synchronous `read` as a Promise: its value resolves, and an error it throws rejects.
 *
 * @example
 * await settle(() => 42) // => 42
 * await settle(() => { throw new Error('no page') }) // rejects with Error('no page')
 */
export function settle<T>(read: () => T): Promise<T> {
  // The Promise constructor turns an exception in its executor into a rejection.
  return new Promise((resolve) => resolve(read()));
}
