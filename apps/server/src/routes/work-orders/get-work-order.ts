import { getWorkOrder } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { workOrderParamsSchema, workOrderSchema } from './work-order-schema.ts';

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/work-orders/{workOrderId}',
  tags: ['Work orders'],
  summary: 'One work order with its bill of materials',
  request: { params: workOrderParamsSchema },
  responses: {
    200: { description: 'The work order', content: jsonContent(workOrderSchema) },
    ...errorResponses,
  },
});

export function registerGetWorkOrder(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, workOrderId } = c.req.valid('param');
    const order = await fieldErrorsIn('path', () =>
      getWorkOrder(c.get('deps').db, storeIdOf(c, storeId), workOrderId),
    );
    return c.json(order, 200);
  });
}
