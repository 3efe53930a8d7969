import { createProduct } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { productInputSchema, productSchema } from './product-schema.ts';

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/products',
  tags: ['Products'],
  summary: 'Create a product (kits and assemblies name their components by SKU)',
  request: {
    params: storeParamsSchema,
    body: { content: jsonContent(productInputSchema), required: true },
  },
  responses: {
    201: { description: 'The new product', content: jsonContent(productSchema) },
    ...errorResponses,
  },
});

export function registerCreateProduct(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const input = c.req.valid('json');
    // Core's product creation has no idempotency record of its own; the HTTP layer's replays cover it.
    const product = await fieldErrorsIn('body', () => createProduct(c.get('deps').db, storeId, input));
    if (product.autoSync) c.get('deps').notifySync();
    return c.json(product, 201);
  });
}
