import { listLocations } from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { locationSchema } from './location-schema.ts';

const listSchema = z.object({ items: z.array(locationSchema) }).openapi('LocationList');

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/locations',
  tags: ['Locations'],
  summary: 'The store’s locations (warehouses), oldest first',
  request: { params: storeParamsSchema },
  responses: { 200: { description: 'Locations', content: jsonContent(listSchema) }, ...errorResponses },
});

export function registerListLocations(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    // A store has a handful of locations: one page, no cursor.
    return c.json({ items: await listLocations(c.get('deps').db, storeId) }, 200);
  });
}
