import { cancelWorkOrder } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { operationOptions, storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { workOrderParamsSchema, workOrderSchema } from './work-order-schema.ts';

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/work-orders/{workOrderId}/cancel',
  tags: ['Work orders'],
  summary: 'Cancel an in-progress work order (releases its components)',
  description: 'A completed or cancelled work order answers 409.',
  request: { params: workOrderParamsSchema },
  responses: {
    200: { description: 'The cancelled work order', content: jsonContent(workOrderSchema) },
    ...errorResponses,
  },
});

export function registerCancelWorkOrder(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, workOrderId } = c.req.valid('param');
    const deps = c.get('deps');
    const order = await fieldErrorsIn('path', () =>
      cancelWorkOrder(deps.db, storeIdOf(c, storeId), workOrderId, operationOptions(c)),
    );
    deps.notifySync();
    return c.json(order, 200);
  });
}
