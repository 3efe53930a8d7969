import { deleteFeed } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses } from '../shared/responses.ts';
import { feedParamsSchema } from './feed-schema.ts';

const route = createRoute({
  method: 'delete',
  path: '/stores/{storeId}/feeds/{feedId}',
  tags: ['Feeds'],
  summary: 'Delete a feed and its run history',
  description: 'Stock movements the feed caused stay in the ledger.',
  request: { params: feedParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
});

export function registerDeleteFeed(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, feedId } = c.req.valid('param');
    await fieldErrorsIn('path', () => deleteFeed(c.get('deps').db, storeIdOf(c, storeId), feedId));
    return c.body(null, 204);
  });
}
