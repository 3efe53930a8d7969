import { listWorkOrders } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { workOrderListQuerySchema, workOrderPageSchema } from './work-order-schema.ts';

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/work-orders',
  tags: ['Work orders'],
  summary: 'Work orders, newest first, optionally of one status (keyset cursor)',
  request: { params: storeParamsSchema, query: workOrderListQuerySchema },
  responses: {
    200: { description: 'One page of work orders', content: jsonContent(workOrderPageSchema) },
    ...errorResponses,
  },
});

export function registerListWorkOrders(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const query = c.req.valid('query');
    return c.json(await fieldErrorsIn('query', () => listWorkOrders(c.get('deps').db, storeId, query)), 200);
  });
}
