import { listAdjustments } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { adjustmentListQuerySchema, adjustmentPageSchema } from './adjustment-schema.ts';

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/adjustments',
  tags: ['Adjustments'],
  summary: 'Adjustments, newest first, by product or SKU and time (keyset cursor)',
  description:
    'Each adjustment comes whole, with every line: filtering by product keeps the adjustments that have a ' +
    'line on it. `productId` and `sku` together must name the same product.',
  request: { params: storeParamsSchema, query: adjustmentListQuerySchema },
  responses: {
    200: { description: 'One page of adjustments', content: jsonContent(adjustmentPageSchema) },
    ...errorResponses,
  },
});

export function registerListAdjustments(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const query = c.req.valid('query');
    const page = await fieldErrorsIn('query', () => listAdjustments(c.get('deps').db, storeId, query));
    return c.json(page, 200);
  });
}
