import { listProducts } from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { pageChannelQuantities } from './page-channel-quantities.ts';
import { productFilterQuerySchema, toProductFilter } from './product-filter-query.ts';
import { productListSchema } from './product-list-schema.ts';
import { queryBooleanSchema } from './product-params.ts';

const querySchema = productFilterQuerySchema.extend({
  sort: z.enum(['sku', 'name', 'createdAt', 'id']).optional().openapi({ description: 'Default `name`' }),
  direction: z.enum(['asc', 'desc']).optional().openapi({ description: 'Default `asc`' }),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'Default 50' }),
  cursor: z
    .string()
    .max(4000)
    .optional()
    .openapi({ description: '`nextCursor` of the previous page, with the same sort and direction' }),
  includeTotal: queryBooleanSchema.optional().openapi({ description: 'Also count every match' }),
});

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/products',
  tags: ['Products'],
  summary: 'Search, filter and page through products (keyset cursor)',
  request: { params: storeParamsSchema, query: querySchema },
  responses: {
    200: { description: 'One page of products', content: jsonContent(productListSchema) },
    ...errorResponses,
  },
});

export function registerListProducts(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const { sort, direction, limit, cursor, includeTotal, ...filter } = c.req.valid('query');
    const db = c.get('deps').db;
    const list = await fieldErrorsIn('query', () =>
      listProducts(db, storeId, {
        filter: toProductFilter(filter),
        ...(sort && { sort }),
        ...(direction && { direction }),
        ...(limit !== undefined && { limit }),
        ...(cursor !== undefined && { cursor }),
        ...(includeTotal !== undefined && { includeTotal }),
      }),
    );
    const quantities = await pageChannelQuantities(db, storeId, list.items);
    const items = list.items.map((item) => ({ ...item, channels: quantities.get(item.id) ?? [] }));
    return c.json({ ...list, items }, 200);
  });
}
