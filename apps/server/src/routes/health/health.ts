import type { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../../app-env.ts';

/** Liveness (the process answers) and readiness (the database answers). */
export function registerHealth(app: Hono<AppEnv>): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await sql`select 1`.execute(c.get('deps').db);
      return c.json({ status: 'ready' });
    } catch (error) {
      return c.json({ status: 'unavailable', reason: String(error) }, 503);
    }
  });
}
