import type { ServerResponse } from 'node:http';
import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

/**
 * hono's `secureHeaders` (the library decides which headers and values), applied without rebuilding the
 * response. The library sets its headers on `c.res` after the handler, which turns @hono/node-server's
 * lightweight response into a full WHATWG Response with a `Headers` object, a few percent of each request's
 * CPU (bench/orders-http). On the Node server the same headers go onto the outgoing message up front instead:
 * Node merges them into the head it writes, where the handler's own value wins. Elsewhere (`app.request` in
 * tests, other runtimes) the library's middleware runs as is.
 *
 * Only for static options: the headers are learnt once from the library's answer to a probe request, so a
 * per-request value (a CSP nonce) would be frozen.
 */
export function securityHeaders(options: SecureHeadersOptions): MiddlewareHandler {
  // A header the handler sets itself wins on both paths.
  const library = secureHeaders({ ...options, overwrite: false });
  const probe = new Hono().use(library).get('*', (c) => c.body(null));
  const headers = Promise.resolve(probe.request('/')).then((res) => [...res.headers]);
  return async (c, next) => {
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (!outgoing) return library(c, next);
    for (const [name, value] of await headers) outgoing.setHeader(name, value);
    await next();
  };
}
