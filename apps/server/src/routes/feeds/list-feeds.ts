import { listFeeds } from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { feedListSchema } from './feed-schema.ts';
import { feedViews } from './feed-view.ts';

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().openapi({ description: '`nextCursor` of the previous page' }),
});

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/feeds',
  tags: ['Feeds'],
  summary: 'The store’s inventory feeds, oldest first (keyset cursor)',
  request: { params: storeParamsSchema, query: querySchema },
  responses: {
    200: { description: 'One page of feeds, oldest first', content: jsonContent(feedListSchema) },
    ...errorResponses,
  },
});

export function registerListFeeds(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const query = c.req.valid('query');
    const page = await fieldErrorsIn('query', () => listFeeds(c.get('deps').db, storeId, query));
    return c.json({ items: await feedViews(c, storeId, page.items), nextCursor: page.nextCursor }, 200);
  });
}
