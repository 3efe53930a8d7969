import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../rate/clock.ts';
import { FaultInjector } from './fault-injector.ts';
import type { Fault, PartialFailure, PartialFault } from './faults.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { createSeededRandom } from './seeded-random.ts';

/** A request as a simulator handler sees it. */
export interface SimRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  readonly rawBody: string;
  readonly at: number;
  /** The `partial` fault to apply to this request, if one was injected. */
  readonly fault: PartialFault | undefined;
  /** Whether and how the injected `partial` fault fails this SKU. */
  partialFailureFor(sku: string): PartialFailure | undefined;
}

export interface SimResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export type SimHandler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

/** What happened to a request, as the log records it. */
export type SimOutcome =
  | { readonly kind: 'response'; readonly status: number }
  | { readonly kind: 'throttled'; readonly status: number }
  | { readonly kind: 'reset' }
  | { readonly kind: 'hang' };

/** One request the simulator received, for assertions. */
export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly at: number;
  readonly fault: Fault | undefined;
  outcome: SimOutcome | undefined;
}

export interface RouteOptions {
  /** Counted by the server's rate limiter (default true). */
  readonly limited?: boolean;
  /** Points the call costs under a cost-bucket limiter (default 1). */
  readonly cost?: (request: SimRequest) => number;
}

export interface SimServerOptions {
  readonly clock?: Clock;
  /** Applied to every limited route before any fault: over the limit answers 429 with `Retry-After`. */
  readonly limiter?: RateLimiter;
  /** Seed for `partial` faults given as a ratio. */
  readonly seed?: number;
}

/**
 * A real HTTP server on 127.0.0.1 (a free port) that plays a channel: routes, fault injection, rate
 * limiting and a log of every request.
 *
 * @example
 * ```ts
 * const sim = await startSimServer({ limiter: createRateLimiter({ kind: 'token-bucket', ratePerSec: 5, burst: 5 }) });
 * sim.route('POST', '/inventory', (req) => json(200, { ok: true }));
 * sim.faults.next({ kind: 'status', status: 503 });
 * // ... point the connector at sim.url ...
 * await sim.close();
 * ```
 */
export interface SimServer {
  readonly url: string;
  readonly faults: FaultInjector;
  readonly limiter: RateLimiter | undefined;
  readonly requests: readonly LoggedRequest[];
  route(method: string, path: string, handler: SimHandler, options?: RouteOptions): void;
  clearLog(): void;
  close(): Promise<void>;
}

/** A JSON response. */
export function json(
  status: number,
  value: unknown,
  headers: Readonly<Record<string, string>> = {},
): SimResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

interface Route {
  readonly handler: SimHandler;
  readonly options: RouteOptions;
}

export async function startSimServer(options: SimServerOptions = {}): Promise<SimServer> {
  const clock = options.clock ?? systemClock;
  const routes = new Map<string, Route>();
  const faults = new FaultInjector();
  const random = createSeededRandom(options.seed ?? 1);
  const log: LoggedRequest[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const method = (req.method ?? 'GET').toUpperCase();
    const route = routes.get(`${method} ${url.pathname}`);
    const at = clock.now();
    const record = (fault: Fault | undefined): LoggedRequest => {
      const entry: LoggedRequest = {
        method,
        path: url.pathname,
        query: url.search,
        headers: flattenHeaders(req),
        body: rawBody,
        at,
        fault,
        outcome: undefined,
      };
      log.push(entry);
      return entry;
    };
    const send = (entry: LoggedRequest, response: SimResponse, throttled = false): void => {
      entry.outcome = { kind: throttled ? 'throttled' : 'response', status: response.status };
      res.writeHead(response.status, response.headers);
      res.end(response.body);
    };

    if (!route) {
      send(record(undefined), json(404, { error: `no simulator route for ${method} ${url.pathname}` }));
      return;
    }
    const partialRatio = new Map<string, boolean>();
    let partial: PartialFault | undefined;
    const request: SimRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(flattenHeaders(req)),
      rawBody,
      at,
      get fault() {
        return partial;
      },
      partialFailureFor(sku) {
        if (!partial) return undefined;
        if ('failures' in partial) return partial.failures.find((f) => f.sku === sku);
        if (!partialRatio.has(sku)) partialRatio.set(sku, random() < partial.ratio);
        return partialRatio.get(sku) ? { sku, retryable: partial.retryable } : undefined;
      },
    };

    if (options.limiter && route.options.limited !== false) {
      const decision = options.limiter.admit(route.options.cost?.(request) ?? 1);
      if (!decision.allowed) {
        const retryAfter = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
        send(record(undefined), json(429, { error: 'rate limited' }, { 'retry-after': retryAfter }), true);
        return;
      }
    }

    const fault = faults.take(method, url.pathname);
    const entry = record(fault);
    switch (fault?.kind) {
      case 'status':
        send(entry, {
          status: fault.status,
          headers: {
            'content-type': 'application/json',
            ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }),
            ...fault.headers,
          },
          body: fault.body ?? JSON.stringify({ error: `injected ${fault.status}` }),
        });
        return;
      case 'hang':
        entry.outcome = { kind: 'hang' };
        return;
      case 'reset':
        entry.outcome = { kind: 'reset' };
        req.socket.destroy();
        return;
      case 'malformed-json':
        send(entry, {
          status: fault.status ?? 200,
          headers: { 'content-type': 'application/json' },
          body: '{"results": [{"sku": ',
        });
        return;
      case 'delay':
        await clock.sleep(fault.ms);
        break;
      case 'partial':
        partial = fault;
        break;
      case undefined:
        break;
    }
    send(entry, await route.handler(request));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: `simulator failure: ${String(error)}` }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    limiter: options.limiter,
    requests: log,
    route(method, path, handler, routeOptions = {}) {
      routes.set(`${method.toUpperCase()} ${path}`, { handler, options: routeOptions });
    },
    clearLog() {
      log.length = 0;
    },
    close() {
      // Hung requests keep their sockets open; drop them so close() returns.
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
