import { getAdjustment } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { adjustmentParamsSchema, adjustmentSchema } from './adjustment-schema.ts';

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/adjustments/{adjustmentId}',
  tags: ['Adjustments'],
  summary: 'One adjustment with its lines and who made it',
  request: { params: adjustmentParamsSchema },
  responses: {
    200: { description: 'The adjustment', content: jsonContent(adjustmentSchema) },
    ...errorResponses,
  },
});

export function registerGetAdjustment(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, adjustmentId } = c.req.valid('param');
    const db = c.get('deps').db;
    const adjustment = await fieldErrorsIn('path', () =>
      getAdjustment(db, storeIdOf(c, storeId), adjustmentId),
    );
    return c.json(adjustment, 200);
  });
}
