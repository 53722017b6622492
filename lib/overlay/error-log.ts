/**
 * The overlay runs inside someone else's page: an exception must never escape into it, and a broken
 * selector that fails on every DOM change must not flood the console. Every callback goes through
 * `guard`; each distinct error is logged once.
 */
export interface ErrorLog {
  /** Logs `error` unless an equal one (same place, name and message) was logged before. */
  capture(error: unknown, where: string): void;
  /** `fn` with its exceptions captured instead of thrown (`fallback` is returned then). */
  guard<Args extends unknown[], Result>(where: string, fn: (...args: Args) => Result, fallback: Result): (...args: Args) => Result;
  /** The first message captured, for diagnostics. */
  readonly firstMessage: string | undefined;
}

/**
 * Describes an unknown thrown value in one line.
 *
 * @example
 * errorMessage(new TypeError('x is undefined')) // => 'TypeError: x is undefined'
 * errorMessage('plain') // => 'plain'
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * An error log that reports each distinct error once through `log`.
 *
 * @example
 * const errors = createErrorLog((message, error) => console.warn(message, error));
 * observe(selectors, errors.guard('decorate rows', decorate, undefined), { signal });
 */
export function createErrorLog(log: (message: string, error: unknown) => void): ErrorLog {
  const seen = new Set<string>();
  let firstMessage: string | undefined;
  const capture = (error: unknown, where: string): void => {
    const message = errorMessage(error);
    const key = `${where}\n${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    firstMessage ??= `${where}: ${message}`;
    log(`SLA Lens: ${where} failed`, error);
  };
  return {
    capture,
    guard:
      (where, fn, fallback) =>
      (...args) => {
        try {
          return fn(...args);
        } catch (error) {
          capture(error, where);
          return fallback;
        }
      },
    get firstMessage() {
      return firstMessage;
    },
  };
}
