import { getPurchaseOrder } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { purchaseOrderParamsSchema, purchaseOrderSchema } from './purchase-order-schema.ts';

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/purchase-orders/{orderId}',
  tags: ['Purchase orders'],
  summary: 'One purchase order with its lines',
  request: { params: purchaseOrderParamsSchema },
  responses: {
    200: { description: 'The order', content: jsonContent(purchaseOrderSchema) },
    ...errorResponses,
  },
});

export function registerGetPurchaseOrder(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, orderId } = c.req.valid('param');
    const order = await fieldErrorsIn('path', () =>
      getPurchaseOrder(c.get('deps').db, storeIdOf(c, storeId), orderId),
    );
    return c.json(order, 200);
  });
}
