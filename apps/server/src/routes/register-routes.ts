import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { registerGetStore } from './stores/get-store.ts';
import { registerListStores } from './stores/list-stores.ts';
import { registerUpdateStore } from './stores/update-store.ts';

/** Every authenticated /api/v1 route. One line per route module; keep sorted by resource. */
export function registerRoutes(api: OpenAPIHono<AppEnv>): void {
  registerListStores(api);
  registerGetStore(api);
  registerUpdateStore(api);
}
