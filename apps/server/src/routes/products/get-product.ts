import { getProduct } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { productParamsSchema } from './product-params.ts';
import { productSchema } from './product-schema.ts';

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/products/{productId}',
  tags: ['Products'],
  summary: 'One product with its components',
  request: { params: productParamsSchema },
  responses: { 200: { description: 'The product', content: jsonContent(productSchema) }, ...errorResponses },
});

export function registerGetProduct(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId: requested, productId } = c.req.valid('param');
    const storeId = storeIdOf(c, requested);
    return c.json(await fieldErrorsIn('path', () => getProduct(c.get('deps').db, storeId, productId)), 200);
  });
}
