import { receivePurchaseOrder } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { operationOptions, storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { purchaseOrderParamsSchema, purchaseOrderSchema, receiptSchema } from './purchase-order-schema.ts';

/** Core names the order `orderId`, as the path does; everything else it names is in the body. */
const ORDER_ID_IN_PATH = { path: { orderId: 'orderId' }, rest: 'body' } as const;

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/purchase-orders/{orderId}/receive',
  tags: ['Purchase orders'],
  summary: 'Receive goods against an order (adds on hand)',
  description: 'A received or cancelled order answers 409.',
  request: {
    params: purchaseOrderParamsSchema,
    body: { content: jsonContent(receiptSchema), required: true },
  },
  responses: {
    200: { description: 'The order after the receipt', content: jsonContent(purchaseOrderSchema) },
    ...errorResponses,
  },
});

export function registerReceivePurchaseOrder(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, orderId } = c.req.valid('param');
    const deps = c.get('deps');
    const receipt = c.req.valid('json');
    const order = await fieldErrorsIn(ORDER_ID_IN_PATH, () =>
      receivePurchaseOrder(deps.db, storeIdOf(c, storeId), orderId, receipt, operationOptions(c)),
    );
    deps.notifySync();
    return c.json(order, 200);
  });
}
