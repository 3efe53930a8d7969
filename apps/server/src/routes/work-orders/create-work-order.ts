import { createWorkOrder } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { operationOptions, storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { workOrderCreateSchema, workOrderSchema } from './work-order-schema.ts';

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/work-orders',
  tags: ['Work orders'],
  summary: 'Create and start a work order (commits its components)',
  request: {
    params: storeParamsSchema,
    body: { content: jsonContent(workOrderCreateSchema), required: true },
  },
  responses: {
    201: { description: 'The work order, in progress', content: jsonContent(workOrderSchema) },
    ...errorResponses,
  },
});

export function registerCreateWorkOrder(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const deps = c.get('deps');
    const input = c.req.valid('json');
    const order = await fieldErrorsIn('body', () =>
      createWorkOrder(deps.db, storeId, input, operationOptions(c)),
    );
    deps.notifySync();
    return c.json(order, 201);
  });
}
