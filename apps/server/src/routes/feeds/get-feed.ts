import { getFeed, listFeedRuns } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { feedDetailSchema, feedParamsSchema } from './feed-schema.ts';
import { feedView } from './feed-view.ts';

/** How many of the latest runs a feed's page shows. */
const RECENT_RUNS = 20;

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/feeds/{feedId}',
  tags: ['Feeds'],
  summary: 'One feed with its recent runs',
  request: { params: feedParamsSchema },
  responses: { 200: { description: 'The feed', content: jsonContent(feedDetailSchema) }, ...errorResponses },
});

export function registerGetFeed(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { feedId } = c.req.valid('param');
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const db = c.get('deps').db;
    const [feed, runs] = await fieldErrorsIn(
      'path',
      async () =>
        [
          await getFeed(db, storeId, feedId),
          await listFeedRuns(db, storeId, feedId, { limit: RECENT_RUNS }),
        ] as const,
    );
    return c.json({ ...(await feedView(c, storeId, feed)), runs }, 200);
  });
}
