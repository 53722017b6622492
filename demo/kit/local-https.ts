import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

/** What a local helpdesk answers; `undefined` from a handler means 404. */
export type Reply =
  | { kind: 'json'; body: unknown; status?: number }
  | { kind: 'html'; body: string; status?: number }
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'redirect'; location: string; status?: number };

export const json = (body: unknown, status = 200): Reply => ({ kind: 'json', body, status });
export const html = (body: string, status = 200): Reply => ({ kind: 'html', body, status });
export const redirect = (location: string): Reply => ({ kind: 'redirect', location, status: 302 });

/** One request as the server saw it, for tests that check what the extension asked for. */
export interface ServedRequest {
  method: string;
  /** Full URL as the browser addressed it (`https://acme.zendesk.com/api/v2/…`). */
  url: string;
  status: number;
}

export interface LocalHttpsServer {
  port: number;
  served: ServedRequest[];
  close(): Promise<void>;
}

/**
 * An HTTPS server on 127.0.0.1 (never another interface) standing in for one or more SaaS helpdesk
 * hosts; the browser reaches it through `--host-resolver-rules`, so pages keep their real origin
 * (`https://acme.zendesk.com`) and the extension's real match patterns apply. `handle` gets the URL
 * with the Host header's name. Only GET and HEAD are served: the extension never writes to a helpdesk.
 *
 * @example
 * const server = await startLocalHttps({ key, cert }, (url) => url.pathname === '/' ? html('<p>hi</p>') : undefined);
 */
export async function startLocalHttps(tls: { key: string; cert: string }, handle: (url: URL) => Reply | undefined): Promise<LocalHttpsServer> {
  const served: ServedRequest[] = [];
  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (request, response) => {
    const url = new URL(request.url ?? '/', `https://${request.headers.host ?? 'localhost'}`);
    let reply: Reply | undefined;
    if (request.method !== 'GET' && request.method !== 'HEAD') reply = { kind: 'status', status: 405 };
    else {
      try {
        reply = handle(url);
      } catch (error) {
        reply = { kind: 'status', status: 500, body: error instanceof Error ? error.message : String(error) };
      }
    }
    // Browsers ask every site for an icon; "no content" keeps a missing one out of the console.
    if (!reply && url.pathname === '/favicon.ico') reply = { kind: 'status', status: 204 };
    reply ??= { kind: 'status', status: 404, body: `no such page on this local helpdesk: ${url.pathname}` };
    const status = reply.status ?? 200;
    served.push({ method: request.method ?? 'GET', url: url.href, status });
    if (reply.kind === 'redirect') {
      response.writeHead(status, { location: reply.location, 'cache-control': 'no-store' });
      response.end();
      return;
    }
    const [type, body] =
      reply.kind === 'json'
        ? ['application/json; charset=utf-8', JSON.stringify(reply.body)]
        : reply.kind === 'html'
          ? ['text/html; charset=utf-8', reply.body]
          : ['text/plain; charset=utf-8', reply.body ?? ''];
    // The stand-in pages load nothing from elsewhere; a strict CSP makes any such mistake visible.
    response.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
