import { cancelSalesOrder } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { operationOptions, storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { salesOrderParamsSchema, salesOrderSchema } from './sales-order-schema.ts';

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/sales-orders/{orderId}/cancel',
  tags: ['Sales orders'],
  summary: 'Cancel an order (releases what is still committed)',
  description: 'What already shipped stays shipped. A shipped or cancelled order answers 409.',
  request: { params: salesOrderParamsSchema },
  responses: {
    200: { description: 'The cancelled order', content: jsonContent(salesOrderSchema) },
    ...errorResponses,
  },
});

export function registerCancelSalesOrder(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, orderId } = c.req.valid('param');
    const deps = c.get('deps');
    const order = await fieldErrorsIn('path', () =>
      cancelSalesOrder(deps.db, storeIdOf(c, storeId), orderId, operationOptions(c)),
    );
    deps.notifySync();
    return c.json(order, 200);
  });
}
