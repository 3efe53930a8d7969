import { listFeeds } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { feedListSchema } from './feed-schema.ts';

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/feeds',
  tags: ['Feeds'],
  summary: 'The store’s inventory feeds',
  request: { params: storeParamsSchema },
  responses: {
    200: { description: 'Every feed, oldest first', content: jsonContent(feedListSchema) },
    ...errorResponses,
  },
});

export function registerListFeeds(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    return c.json({ items: await listFeeds(c.get('deps').db, storeId) }, 200);
  });
}
