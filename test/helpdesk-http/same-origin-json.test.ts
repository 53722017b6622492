import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSameOriginJson, HelpdeskHttpError, retryAfterMs, type SameOriginJsonOptions } from '../../lib/helpdesk-http/same-origin-json.ts';

const ORIGIN = 'https://acme.zendesk.com';

interface Call {
  url: string;
  init: RequestInit;
  at: number;
}

/** A fake `fetch` answering from `respond`, recording every call with the (fake) time it was made. */
function fakeFetch(respond: (url: string, call: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = vi.fn((url: string, init: RequestInit) => {
    calls.push({ url, init, at: Date.now() });
    return Promise.resolve(respond(url, calls.length));
  });
  return { fetch, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

function reader(fetch: SameOriginJsonOptions['fetch'], options: Partial<SameOriginJsonOptions> = {}) {
  const controller = new AbortController();
  const getJson = createSameOriginJson({ origin: ORIGIN, fetch, now: () => Date.now(), signal: controller.signal, ...options });
  return { getJson, controller };
}

/** Settles a rejection into a value so fake-timer tests never leave an unhandled rejection behind. */
const settle = (promise: Promise<unknown>) => promise.then((value) => ({ value }), (error: unknown) => ({ error }));

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-23T09:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createSameOriginJson', () => {
  it('sends a same-origin GET with the session cookies that accepts JSON, and parses the answer', async () => {
    const { fetch, calls } = fakeFetch(() => json({ ticket: { id: 42 } }));
    const { getJson } = reader(fetch);
    await expect(getJson('/api/v2/tickets/42.json?include=users')).resolves.toEqual({ ticket: { id: 42 } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`${ORIGIN}/api/v2/tickets/42.json?include=users`);
    expect(calls[0]?.init).toMatchObject({ method: 'GET', credentials: 'same-origin', headers: { Accept: 'application/json' } });
  });

  it('answers a repeated path from the cache until the TTL ends, and shares one request between concurrent reads', async () => {
    const { fetch, calls } = fakeFetch((_url, n) => json({ n }));
    const { getJson } = reader(fetch, { cacheTtlMs: 10_000 });
    const [first, concurrent] = await Promise.all([getJson('/api/v2/tickets/1.json'), getJson('/api/v2/tickets/1.json')]);
    expect(first).toEqual({ n: 1 });
    expect(concurrent).toEqual({ n: 1 });
    await vi.advanceTimersByTimeAsync(9_000);
    await expect(getJson('/api/v2/tickets/1.json')).resolves.toEqual({ n: 1 });
    expect(calls).toHaveLength(1);
    await expect(getJson('/api/v2/tickets/1.json?page=2')).resolves.toEqual({ n: 2 });
    await vi.advanceTimersByTimeAsync(1_001);
    await expect(getJson('/api/v2/tickets/1.json')).resolves.toEqual({ n: 3 });
  });

  it('evicts the oldest entries beyond maxCacheEntries', async () => {
    const { fetch, calls } = fakeFetch((url) => json({ url }));
    const { getJson } = reader(fetch, { maxCacheEntries: 2 });
    await getJson('/a');
    await getJson('/b');
    await getJson('/c');
    await getJson('/c');
    await getJson('/b');
    expect(calls).toHaveLength(3);
    await getJson('/a');
    expect(calls).toHaveLength(4);
  });

  it('rejects with the status and the path, and does not cache failures', async () => {
    const { fetch, calls } = fakeFetch((_url, n) => (n === 1 ? new Response('nope', { status: 404 }) : json({ ok: true })));
    const { getJson } = reader(fetch);
    const error = await getJson('/api/v2/tickets/9.json').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HelpdeskHttpError);
    expect(error).toMatchObject({ status: 404, path: '/api/v2/tickets/9.json', message: 'HTTP 404 (GET /api/v2/tickets/9.json)' });
    await expect(getJson('/api/v2/tickets/9.json')).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(2);
  });

  it('names a sign-in page served instead of JSON, and a network failure (status null)', async () => {
    const signIn = reader(fakeFetch(() => new Response('<html>Sign in</html>', { status: 200 })).fetch);
    await expect(signIn.getJson('/api/v1/tickets/3')).rejects.toMatchObject({ status: 200, path: '/api/v1/tickets/3', message: expect.stringContaining('not JSON') as string });
    const offline = reader(vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(offline.getJson('/api/v1/tickets/3')).rejects.toMatchObject({ status: null, message: expect.stringContaining('Failed to fetch') as string });
  });

  it('refuses anything that is not a path on the same origin, without a request', async () => {
    const { fetch } = fakeFetch(() => json({}));
    const { getJson } = reader(fetch);
    for (const path of ['https://evil.example/api', '//evil.example/api', 'api/v2/tickets.json', '/\\evil.example/api']) {
      await expect(getJson(path)).rejects.toBeInstanceOf(HelpdeskHttpError);
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('waits for Retry-After on 429, and holds every other request to the origin meanwhile', async () => {
    const { fetch, calls } = fakeFetch((url, n) => (n === 1 ? new Response('', { status: 429, headers: { 'Retry-After': '5' } }) : json({ url })));
    const { getJson } = reader(fetch);
    const started = Date.now();
    const limited = getJson('/api/v2/tickets/1.json');
    await vi.advanceTimersByTimeAsync(10);
    const other = getJson('/api/v2/tickets/2.json');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(limited).resolves.toEqual({ url: `${ORIGIN}/api/v2/tickets/1.json` });
    await expect(other).resolves.toEqual({ url: `${ORIGIN}/api/v2/tickets/2.json` });
    expect(calls.map((call) => call.at - started)).toEqual([0, 5_000, 5_000]);
  });

  it('backs off 1 s, 2 s, 4 s without Retry-After, then gives up with the 429', async () => {
    const { fetch, calls } = fakeFetch(() => new Response('', { status: 429 }));
    const { getJson } = reader(fetch, { maxRetries: 3 });
    const started = Date.now();
    const result = settle(getJson('/api/v2/search.json'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await result).toMatchObject({ error: { status: 429, path: '/api/v2/search.json' } });
    expect(calls.map((call) => call.at - started)).toEqual([0, 1_000, 3_000, 7_000]);
  });

  it('fails at once when Retry-After is longer than the page should wait', async () => {
    const { fetch, calls } = fakeFetch(() => new Response('', { status: 429, headers: { 'Retry-After': '3600' } }));
    const { getJson } = reader(fetch, { maxRetryAfterMs: 60_000 });
    await expect(getJson('/x')).rejects.toMatchObject({ status: 429, message: expect.stringContaining('3600 s') as string });
    expect(calls).toHaveLength(1);
  });

  it('keeps at most maxConcurrent requests in flight', async () => {
    const pending: ((response: Response) => void)[] = [];
    const fetch = vi.fn(() => new Promise<Response>((resolve) => pending.push(resolve)));
    const { getJson } = reader(fetch, { maxConcurrent: 2 });
    const reads = ['/1', '/2', '/3', '/4', '/5'].map((path) => getJson(path));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(2);
    pending[0]?.(json(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(3);
    for (let i = 1; i < 5; i++) {
      pending[i]?.(json(i + 1));
      await vi.advanceTimersByTimeAsync(0);
    }
    await expect(Promise.all(reads)).resolves.toEqual([1, 2, 3, 4, 5]);
  });

  it('spreads a burst out with the token bucket', async () => {
    const { fetch, calls } = fakeFetch((url) => json(url));
    const { getJson } = reader(fetch, { burst: 3, perSecond: 1, maxConcurrent: 10 });
    const started = Date.now();
    const reads = Promise.all(['/1', '/2', '/3', '/4', '/5'].map((path) => getJson(path)));
    await vi.advanceTimersByTimeAsync(3_000);
    await reads;
    expect(calls.map((call) => call.at - started)).toEqual([0, 0, 0, 1_000, 2_000]);
  });

  it('stops waiting when the content script goes away', async () => {
    const { fetch } = fakeFetch(() => new Response('', { status: 429, headers: { 'Retry-After': '30' } }));
    const { getJson, controller } = reader(fetch);
    const result = settle(getJson('/x'));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('invalidated'));
    expect(await result).toMatchObject({ error: { message: 'invalidated' } });
  });
});

describe('retryAfterMs', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs(' 0 ', 0)).toBe(0);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('2026-10-21T07:27:00Z'))).toBe(60_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('2026-10-21T08:00:00Z'))).toBe(0);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
});
