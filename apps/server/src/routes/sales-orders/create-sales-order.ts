import { createSalesOrder } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { operationOptions, storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { salesOrderCreateSchema, salesOrderSchema } from './sales-order-schema.ts';

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/sales-orders',
  tags: ['Sales orders'],
  summary: 'Create a sales order (commits its stock)',
  request: {
    params: storeParamsSchema,
    body: { content: jsonContent(salesOrderCreateSchema), required: true },
  },
  responses: {
    201: { description: 'The order, open', content: jsonContent(salesOrderSchema) },
    ...errorResponses,
  },
});

export function registerCreateSalesOrder(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const deps = c.get('deps');
    const input = c.req.valid('json');
    const order = await fieldErrorsIn('body', () =>
      createSalesOrder(deps.db, storeId, input, operationOptions(c)),
    );
    deps.notifySync();
    return c.json(order, 201);
  });
}
