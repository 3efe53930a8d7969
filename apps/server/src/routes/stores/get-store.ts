import { getStore } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { storeSchema } from './store-schema.ts';

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}',
  tags: ['Stores'],
  summary: 'One store',
  request: { params: storeParamsSchema },
  responses: { 200: { description: 'The store', content: jsonContent(storeSchema) }, ...errorResponses },
});

export function registerGetStore(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    return c.json(await getStore(c.get('deps').db, storeId), 200);
  });
}
