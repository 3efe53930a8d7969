import { completeWorkOrder } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { operationOptions, storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { workOrderParamsSchema, workOrderSchema } from './work-order-schema.ts';

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/work-orders/{workOrderId}/complete',
  tags: ['Work orders'],
  summary: 'Complete a work order (consumes components, adds the finished assembly)',
  description:
    'A component short on hand answers 409 `insufficient_stock` unless the store allows negative stock; ' +
    'a completed or cancelled work order answers 409.',
  request: { params: workOrderParamsSchema },
  responses: {
    200: { description: 'The completed work order', content: jsonContent(workOrderSchema) },
    ...errorResponses,
  },
});

export function registerCompleteWorkOrder(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, workOrderId } = c.req.valid('param');
    const deps = c.get('deps');
    const order = await fieldErrorsIn('path', () =>
      completeWorkOrder(deps.db, storeIdOf(c, storeId), workOrderId, operationOptions(c)),
    );
    deps.notifySync();
    return c.json(order, 200);
  });
}
