import { updateFeed } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { feedParamsSchema, feedPatchSchema, feedSchema } from './feed-schema.ts';
import { feedView } from './feed-view.ts';

/** Core names the feed `feedId`, as the path does; everything else it names is in the body. */
const FEED_ID_IN_PATH = { path: { feedId: 'feedId' }, rest: 'body' } as const;

const route = createRoute({
  method: 'patch',
  path: '/stores/{storeId}/feeds/{feedId}',
  tags: ['Feeds'],
  summary: 'Change a feed’s name, url, schedule, staleness or credentials',
  request: { params: feedParamsSchema, body: { content: jsonContent(feedPatchSchema), required: true } },
  responses: { 200: { description: 'The feed', content: jsonContent(feedSchema) }, ...errorResponses },
});

export function registerUpdateFeed(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const params = c.req.valid('param');
    const storeId = storeIdOf(c, params.storeId);
    const update = c.req.valid('json');
    const { db, secrets } = c.get('deps');
    const feed = await fieldErrorsIn(FEED_ID_IN_PATH, () =>
      updateFeed(db, storeId, params.feedId, update, { secrets }),
    );
    return c.json(await feedView(c, storeId, feed), 200);
  });
}
