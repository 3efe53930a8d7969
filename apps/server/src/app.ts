import { swaggerUI } from '@hono/swagger-ui';
import { Hono } from 'hono';
import type { AppEnv } from './app-env.ts';
import { authenticate } from './auth/authenticate.ts';
import type { AppDeps } from './deps.ts';
import { idempotency } from './http/idempotency.ts';
import { createOpenApiApp } from './http/openapi-app.ts';
import { problem, problemFor, sendProblem } from './http/problem.ts';
import { securityHeaders } from './http/security-headers.ts';
import { registerAuthRoutes } from './routes/auth/register-auth-routes.ts';
import { registerHealth } from './routes/health/health.ts';
import { registerRoutes } from './routes/register-routes.ts';

export interface AppOptions {
  /** Logs unexpected errors (a 500 never shows internals to the client). */
  logError?: (error: unknown) => void;
  /** Extra routes mounted before the API (the admin app, metrics, webhooks). */
  extend?: (app: Hono<AppEnv>) => void;
}

/** The HTTP application: `/api/v1` (OpenAPI), `/healthz`, `/readyz`, plus whatever `extend` mounts. */
export function createApp(deps: AppDeps, options: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', securityHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  app.onError((error, c) => {
    const body = problemFor(error);
    if (body.status >= 500) (options.logError ?? console.error)(error);
    return sendProblem(c, body);
  });
  app.notFound((c) =>
    sendProblem(c, problem(404, 'not_found', `no route for ${c.req.method} ${c.req.path}`)),
  );
  registerHealth(app);

  const api = createOpenApiApp();
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Ballast API',
      version: '1.0.0',
      description:
        'The inventory master: products, stock movements, Auto Sync and Sync History. Errors are ' +
        '`application/problem+json`. Every POST honours `Idempotency-Key`.',
    },
    servers: [{ url: '/api/v1' }],
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'apiToken', { type: 'http', scheme: 'bearer' });
  api.get('/docs', swaggerUI({ url: '/api/v1/openapi.json' }));
  registerAuthRoutes(api);
  const guarded = createOpenApiApp();
  guarded.use('*', authenticate, idempotency);
  registerRoutes(guarded);
  api.route('/', guarded);

  options.extend?.(app);
  app.route('/api/v1', api);
  return app;
}
