/**
 * Reading a helpdesk's own JSON with the agent's session, politely: the agent's UI shares the same
 * rate limits (Zendesk allows a few hundred requests a minute for a whole account), so this reader
 * caches, limits concurrency, spreads requests out and backs off when the helpdesk says so.
 * It only ever sends GET (see docs: helpdesk-adapters.md section 0).
 */

/** A failed helpdesk read: `status` is the HTTP status, or null when no response arrived. */
export class HelpdeskHttpError extends Error {
  override readonly name = 'HelpdeskHttpError';
  constructor(
    readonly status: number | null,
    readonly path: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${message} (GET ${path})`, options);
  }
}

export interface SameOriginJsonOptions {
  /** The helpdesk origin, e.g. `https://acme.zendesk.com`; every path is resolved against it and must stay on it. */
  origin: string;
  /** The page's `fetch` (in Firefox, `content.fetch` gives page-origin semantics). */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Epoch milliseconds; lib/ never reads the clock itself. */
  now: () => number;
  /** Aborts waits and requests (the content script was invalidated). */
  signal: AbortSignal;
  /** Waits `ms`, rejecting when `signal` aborts; defaults to a `setTimeout`. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** How long a response is reused: long enough for one page render, short enough to see new replies. */
  cacheTtlMs?: number;
  maxCacheEntries?: number;
  /** Requests in flight at once to this origin. */
  maxConcurrent?: number;
  /** Token bucket: a burst of `burst` requests, then `perSecond` a second. */
  burst?: number;
  perSecond?: number;
  /** Attempts after a 429 before giving up. */
  maxRetries?: number;
  /** A `Retry-After` longer than this fails the read instead of freezing the page. */
  maxRetryAfterMs?: number;
}

interface CacheEntry {
  /** Infinity while in flight (concurrent reads of one path share a request). */
  expiresAt: number;
  value: Promise<unknown>;
}

const sleepWithTimeout = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * `Retry-After` in milliseconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable.
 *
 * @example
 * retryAfterMs('120', 0) // => 120_000
 * retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('2026-10-21T07:27:00Z')) // => 60_000
 */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * A `getJson` for {@link HelpdeskSource}: same-origin GET with the agent's cookies and
 * `Accept: application/json`, an in-memory cache by path (errors are not cached), at most
 * `maxConcurrent` requests in flight, a token bucket, and `Retry-After` on 429 (the whole origin
 * waits, not just the request that got it). Make one per origin and keep it for the page's life.
 *
 * @example
 * const getJson = createSameOriginJson({ origin: location.origin, fetch: (url, init) => fetch(url, init), now: () => Date.now(), signal: ctx.signal });
 * const ticket = await getJson('/api/v2/tickets/42.json');
 */
export function createSameOriginJson(options: SameOriginJsonOptions): (pathAndQuery: string) => Promise<unknown> {
  const {
    origin,
    now,
    signal,
    sleep = sleepWithTimeout,
    cacheTtlMs = 30_000,
    maxCacheEntries = 300,
    maxConcurrent = 4,
    burst = 10,
    perSecond = 2,
    maxRetries = 3,
    maxRetryAfterMs = 120_000,
  } = options;
  const cache = new Map<string, CacheEntry>();

  let inFlight = 0;
  const slotWaiters: (() => void)[] = [];
  const acquireSlot = async (): Promise<void> => {
    if (inFlight < maxConcurrent) {
      inFlight++;
      return;
    }
    // The releasing request hands its slot over, so `inFlight` stays the same.
    await new Promise<void>((resolve) => slotWaiters.push(resolve));
  };
  const releaseSlot = (): void => {
    const next = slotWaiters.shift();
    if (next) next();
    else inFlight--;
  };

  let tokens = burst;
  let refilledAt = now();
  /** Set by a 429: nobody asks this origin again before then. */
  let blockedUntil = 0;
  const waitForTurn = async (): Promise<void> => {
    for (;;) {
      const at = now();
      if (at < blockedUntil) {
        await sleep(blockedUntil - at, signal);
        continue;
      }
      tokens = Math.min(burst, tokens + ((at - refilledAt) / 1000) * perSecond);
      refilledAt = at;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - tokens) / perSecond) * 1000), signal);
    }
  };

  const fetchOnce = async (url: string, path: string): Promise<{ status: number; retryAfter: string | null; body: string }> => {
    await acquireSlot();
    try {
      signal.throwIfAborted();
      await waitForTurn();
      let response: Response;
      try {
        response = await options.fetch(url, {
          method: 'GET',
          credentials: 'same-origin',
          headers: { Accept: 'application/json' },
          signal,
        });
      } catch (error) {
        signal.throwIfAborted();
        throw new HelpdeskHttpError(null, path, `network error: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      return { status: response.status, retryAfter: response.headers.get('Retry-After'), body: response.ok ? await response.text() : '' };
    } finally {
      releaseSlot();
    }
  };

  const load = async (url: string, path: string): Promise<unknown> => {
    for (let attempt = 0; ; attempt++) {
      const { status, retryAfter, body } = await fetchOnce(url, path);
      if (status === 429) {
        // Without Retry-After: 1 s, 2 s, 4 s…
        const delay = retryAfterMs(retryAfter, now()) ?? 1000 * 2 ** attempt;
        if (attempt >= maxRetries) throw new HelpdeskHttpError(429, path, `rate limited by the helpdesk ${attempt + 1} times`);
        if (delay > maxRetryAfterMs) throw new HelpdeskHttpError(429, path, `rate limited by the helpdesk for ${Math.round(delay / 1000)} s`);
        blockedUntil = Math.max(blockedUntil, now() + delay);
        continue;
      }
      if (status < 200 || status > 299) throw new HelpdeskHttpError(status, path, `HTTP ${status}`);
      try {
        return JSON.parse(body) as unknown;
      } catch (error) {
        // Typically the sign-in page after the session expired.
        throw new HelpdeskHttpError(status, path, 'the response is not JSON (signed out?)', { cause: error });
      }
    }
  };

  return (pathAndQuery: string): Promise<unknown> => {
    // Only paths: a full URL or `//host` could point the agent's cookies at another origin.
    if (!pathAndQuery.startsWith('/') || pathAndQuery.startsWith('//')) {
      return Promise.reject(new HelpdeskHttpError(null, pathAndQuery, 'not a same-origin path'));
    }
    const url = new URL(pathAndQuery, origin);
    if (url.origin !== origin) return Promise.reject(new HelpdeskHttpError(null, pathAndQuery, 'not a same-origin path'));
    const key = `${url.pathname}${url.search}`;
    const cached = cache.get(key);
    if (cached && cached.expiresAt > now()) return cached.value;

    const entry: CacheEntry = { expiresAt: Number.POSITIVE_INFINITY, value: load(url.href, key) };
    cache.delete(key);
    cache.set(key, entry);
    // Map keeps insertion order: the first key is the oldest.
    if (cache.size > maxCacheEntries) cache.delete(cache.keys().next().value as string);
    entry.value.then(
      () => {
        entry.expiresAt = now() + cacheTtlMs;
      },
      () => {
        if (cache.get(key) === entry) cache.delete(key);
      },
    );
    return entry.value;
  };
}
