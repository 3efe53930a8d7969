import { createLocation } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { locationInputSchema, locationSchema } from './location-schema.ts';

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/locations',
  tags: ['Locations'],
  summary: 'Add a location (names are unique per store)',
  request: {
    params: storeParamsSchema,
    body: { content: jsonContent(locationInputSchema), required: true },
  },
  responses: {
    201: { description: 'The new location', content: jsonContent(locationSchema) },
    ...errorResponses,
  },
});

export function registerCreateLocation(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const input = c.req.valid('json');
    return c.json(await fieldErrorsIn('body', () => createLocation(c.get('deps').db, storeId, input)), 201);
  });
}
