import { countProducts } from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { productFilterQuerySchema, toProductFilter } from './product-filter-query.ts';

const countSchema = z.object({ count: z.number().int() }).openapi('ProductCount');

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/products/count',
  tags: ['Products'],
  summary: 'How many products match a filter (for “select all N matching”)',
  request: { params: storeParamsSchema, query: productFilterQuerySchema },
  responses: {
    200: { description: 'The number of matching products', content: jsonContent(countSchema) },
    ...errorResponses,
  },
});

export function registerCountProducts(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const filter = toProductFilter(c.req.valid('query'));
    const count = await fieldErrorsIn('query', () => countProducts(c.get('deps').db, storeId, filter));
    return c.json({ count }, 200);
  });
}
