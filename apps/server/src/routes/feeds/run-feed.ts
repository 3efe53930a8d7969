import { runFeedNow } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { feedParamsSchema, feedRunResultSchema } from './feed-schema.ts';

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/feeds/{feedId}/run',
  tags: ['Feeds'],
  summary: 'Pull the feed’s URL now and apply the snapshot',
  description:
    'A fetch that fails, or a body that cannot be read or applied, is recorded as a `failed` run with ' +
    'the reason and changes no stock: it is answered 200 with that run. A feed without a url answers 422. ' +
    'The feed’s credentials are sent to the url’s own origin only, never after a redirect to another.',
  request: { params: feedParamsSchema },
  responses: {
    200: { description: 'The run', content: jsonContent(feedRunResultSchema) },
    ...errorResponses,
  },
});

export function registerRunFeed(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, feedId } = c.req.valid('param');
    const deps = c.get('deps');
    // Not wrapped: the one field it can name (`url`) is the stored feed's, not the request's.
    const run = await runFeedNow(deps.db, storeIdOf(c, storeId), feedId, { secrets: deps.secrets });
    if (run.changed > 0) deps.notifySync();
    return c.json(run, 200);
  });
}
