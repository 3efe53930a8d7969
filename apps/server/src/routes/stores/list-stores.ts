import { listStores } from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { storeSchema } from './store-schema.ts';

const route = createRoute({
  method: 'get',
  path: '/stores',
  tags: ['Stores'],
  summary: 'The stores this credential can act for',
  responses: {
    200: { description: 'Stores', content: jsonContent(z.object({ items: z.array(storeSchema) })) },
    401: errorResponses[401],
  },
});

export function registerListStores(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const items = await listStores(c.get('deps').db, c.get('principal').storeIds);
    return c.json({ items }, 200);
  });
}
