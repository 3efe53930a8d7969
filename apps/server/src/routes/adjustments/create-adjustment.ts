import { adjustStock } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { madeByOf } from '../shared/made-by.ts';
import { operationOptions, storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { adjustmentCreateSchema, adjustmentSchema } from './adjustment-schema.ts';

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/adjustments',
  tags: ['Adjustments'],
  summary: 'Adjust on hand by hand, with a reason',
  description:
    'Kits have no stock of their own and cannot be adjusted. A delta taking on hand below zero answers ' +
    '409 `insufficient_stock` unless the store allows negative stock; nothing is written then.',
  request: {
    params: storeParamsSchema,
    body: { content: jsonContent(adjustmentCreateSchema), required: true },
  },
  responses: {
    201: {
      description: 'The adjustment with each line’s before and after',
      content: jsonContent(adjustmentSchema),
    },
    ...errorResponses,
  },
});

export function registerCreateAdjustment(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const deps = c.get('deps');
    // The schema's output is the union core's AdjustmentInput spells out; zod cannot infer it from the refinement.
    const input = c.req.valid('json') as Parameters<typeof adjustStock>[2];
    const options = { ...operationOptions(c), madeBy: await madeByOf(c) };
    const adjustment = await fieldErrorsIn('body', () => adjustStock(deps.db, storeId, input, options));
    deps.notifySync();
    return c.json(adjustment, 201);
  });
}
