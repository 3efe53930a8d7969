import { deleteProduct } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses } from '../shared/responses.ts';
import { productParamsSchema } from './product-params.ts';

const route = createRoute({
  method: 'delete',
  path: '/stores/{storeId}/products/{productId}',
  tags: ['Products'],
  summary: 'Delete a product that never moved stock and is no kit’s component (else 409)',
  request: { params: productParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
});

export function registerDeleteProduct(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId: requested, productId } = c.req.valid('param');
    const storeId = storeIdOf(c, requested);
    await fieldErrorsIn('path', () => deleteProduct(c.get('deps').db, storeId, productId));
    return c.body(null, 204);
  });
}
