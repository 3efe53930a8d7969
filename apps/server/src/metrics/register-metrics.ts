import { timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { matchedRoutes, routePath } from 'hono/route';
import type { AppEnv } from '../app-env.ts';
import { problem, sendProblem } from '../http/problem.ts';

export interface MetricsRouteOptions {
  /** When set, scrapes must send `Authorization: Bearer <token>` (for a /metrics reachable from outside). */
  token?: string;
}

/**
 * Serves `deps.metrics` at `/metrics` (outside /api/v1, where Prometheus expects it) and times every request
 * registered after it. Call before the routes are mounted, e.g. from `createApp`'s `extend`. Without
 * `deps.metrics` nothing is timed and /metrics answers 404.
 */
export function registerMetrics(app: Hono<AppEnv>, options: MetricsRouteOptions = {}): void {
  app.use('*', async (c, next) => {
    const metrics = c.get('deps').metrics;
    if (!metrics) return next();
    const started = performance.now();
    await next();
    metrics.observeHttpRequest(
      c.req.method,
      routeLabel(c),
      c.res.status,
      (performance.now() - started) / 1000,
    );
  });
  app.get('/metrics', async (c) => {
    const metrics = c.get('deps').metrics;
    if (!metrics) return sendProblem(c, problem(404, 'not_found', 'metrics are not enabled in this process'));
    if (options.token !== undefined && !bearerMatches(c.req.header('authorization'), options.token)) {
      return sendProblem(c, problem(401, 'unauthorized', 'send the metrics token as a Bearer token'));
    }
    return c.body(await metrics.text(), 200, { 'content-type': metrics.contentType });
  });
}

/**
 * The route pattern that answered (`/api/v1/stores/:storeId/products`), never the raw path, so ids do not
 * multiply the series. A request stopped by a wildcard middleware (401) is labelled with the route it was for.
 */
function routeLabel(c: Context<AppEnv>): string {
  const answered = routePath(c);
  if (!answered.endsWith('*')) return answered;
  const route = matchedRoutes(c).find((r) => r.method !== 'ALL' && !r.path.endsWith('*'));
  return route?.path ?? 'unmatched';
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
