import { cancelPurchaseOrder } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { operationOptions, storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { purchaseOrderParamsSchema, purchaseOrderSchema } from './purchase-order-schema.ts';

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/purchase-orders/{orderId}/cancel',
  tags: ['Purchase orders'],
  summary: 'Cancel an order (what is outstanding stops counting as incoming)',
  description: 'What was already received stays on hand. A received or cancelled order answers 409.',
  request: { params: purchaseOrderParamsSchema },
  responses: {
    200: { description: 'The cancelled order', content: jsonContent(purchaseOrderSchema) },
    ...errorResponses,
  },
});

export function registerCancelPurchaseOrder(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, orderId } = c.req.valid('param');
    const deps = c.get('deps');
    const order = await fieldErrorsIn('path', () =>
      cancelPurchaseOrder(deps.db, storeIdOf(c, storeId), orderId, operationOptions(c)),
    );
    deps.notifySync();
    return c.json(order, 200);
  });
}
