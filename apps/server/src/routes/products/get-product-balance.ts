import { getProductBalance } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { productBalanceSchema } from './balance-schema.ts';
import { productParamsSchema } from './product-params.ts';

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/products/{productId}/balance',
  tags: ['Products'],
  summary:
    'On hand, committed, incoming and available (total and per location), and the syncable balance ' +
    'on each channel with its explanation',
  request: { params: productParamsSchema },
  responses: {
    200: { description: 'The product’s balance', content: jsonContent(productBalanceSchema) },
    ...errorResponses,
  },
});

export function registerGetProductBalance(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId: requested, productId } = c.req.valid('param');
    const storeId = storeIdOf(c, requested);
    const balance = await fieldErrorsIn('path', () =>
      getProductBalance(c.get('deps').db, storeId, productId),
    );
    return c.json(balance, 200);
  });
}
