import { updateStore } from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { storeSchema } from './store-schema.ts';

const bodySchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    allowNegative: z.boolean().optional(),
  })
  .strict()
  .openapi('StoreSettings');

const route = createRoute({
  method: 'patch',
  path: '/stores/{storeId}',
  tags: ['Stores'],
  summary: 'Change a store’s name or negative-stock setting',
  request: { params: storeParamsSchema, body: { content: jsonContent(bodySchema), required: true } },
  responses: { 200: { description: 'The store', content: jsonContent(storeSchema) }, ...errorResponses },
});

export function registerUpdateStore(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const update = c.req.valid('json');
    return c.json(await fieldErrorsIn('body', () => updateStore(c.get('deps').db, storeId, update)), 200);
  });
}
