import { getSalesOrder } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { salesOrderParamsSchema, salesOrderSchema } from './sales-order-schema.ts';

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/sales-orders/{orderId}',
  tags: ['Sales orders'],
  summary: 'One sales order with its lines',
  request: { params: salesOrderParamsSchema },
  responses: { 200: { description: 'The order', content: jsonContent(salesOrderSchema) }, ...errorResponses },
});

export function registerGetSalesOrder(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, orderId } = c.req.valid('param');
    const order = await fieldErrorsIn('path', () =>
      getSalesOrder(c.get('deps').db, storeIdOf(c, storeId), orderId),
    );
    return c.json(order, 200);
  });
}
