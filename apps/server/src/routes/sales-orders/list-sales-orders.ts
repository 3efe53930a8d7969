import { listSalesOrders } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { salesOrderListQuerySchema, salesOrderPageSchema } from './sales-order-schema.ts';

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/sales-orders',
  tags: ['Sales orders'],
  summary: 'Sales orders, newest first, optionally of one status (keyset cursor)',
  request: { params: storeParamsSchema, query: salesOrderListQuerySchema },
  responses: {
    200: { description: 'One page of orders', content: jsonContent(salesOrderPageSchema) },
    ...errorResponses,
  },
});

export function registerListSalesOrders(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const query = c.req.valid('query');
    return c.json(await fieldErrorsIn('query', () => listSalesOrders(c.get('deps').db, storeId, query)), 200);
  });
}
