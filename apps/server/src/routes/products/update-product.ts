import { updateProduct } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { productParamsSchema } from './product-params.ts';
import { productSchema, productUpdateSchema } from './product-schema.ts';

const route = createRoute({
  method: 'patch',
  path: '/stores/{storeId}/products/{productId}',
  tags: ['Products'],
  summary: 'Change a product’s SKU, name or components',
  request: {
    params: productParamsSchema,
    body: { content: jsonContent(productUpdateSchema), required: true },
  },
  responses: { 200: { description: 'The product', content: jsonContent(productSchema) }, ...errorResponses },
});

export function registerUpdateProduct(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId: requested, productId } = c.req.valid('param');
    const storeId = storeIdOf(c, requested);
    const input = c.req.valid('json');
    const product = await fieldErrorsIn('body', () =>
      updateProduct(c.get('deps').db, storeId, productId, input),
    );
    // New components change a kit's balance: core marked it dirty, so wake the worker.
    if (input.components !== undefined) c.get('deps').notifySync();
    return c.json(product, 200);
  });
}
