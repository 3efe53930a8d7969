import { listPurchaseOrders } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { purchaseOrderListQuerySchema, purchaseOrderPageSchema } from './purchase-order-schema.ts';

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/purchase-orders',
  tags: ['Purchase orders'],
  summary: 'Purchase orders, newest first, optionally of one status (keyset cursor)',
  request: { params: storeParamsSchema, query: purchaseOrderListQuerySchema },
  responses: {
    200: { description: 'One page of orders', content: jsonContent(purchaseOrderPageSchema) },
    ...errorResponses,
  },
});

export function registerListPurchaseOrders(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const query = c.req.valid('query');
    return c.json(
      await fieldErrorsIn('query', () => listPurchaseOrders(c.get('deps').db, storeId, query)),
      200,
    );
  });
}
