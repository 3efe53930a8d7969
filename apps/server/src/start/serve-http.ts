import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export interface HttpServer {
  /** Where the server listens, e.g. `http://127.0.0.1:8080` (the real port when 0 was asked for). */
  url: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish (up to `graceMs`), then cuts the rest. */
  close(graceMs?: number): Promise<void>;
}

/** Serves a fetch handler on host:port with Node's HTTP server. */
export function serveHttp(
  fetch: (request: Request) => Response | Promise<Response>,
  host: string,
  port: number,
): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: host, port }, (info: AddressInfo) => {
      server.off('error', reject);
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: (graceMs = 5_000) => closeServer(server, graceMs),
      });
    }) as Server;
    server.once('error', reject);
  });
}

function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    // Long-lived responses (the Sync History event stream) never end by themselves: cut them after the grace.
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
