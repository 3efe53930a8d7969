import { createFeed } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { feedCreateSchema, feedSchema } from './feed-schema.ts';
import { feedView } from './feed-view.ts';

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/feeds',
  tags: ['Feeds'],
  summary: 'Register a feed (a URL and a schedule, or a target for pushed snapshots)',
  description:
    'Credentials (`auth`) are stored encrypted and never returned; the feed says only which are set.',
  request: { params: storeParamsSchema, body: { content: jsonContent(feedCreateSchema), required: true } },
  responses: { 201: { description: 'The feed', content: jsonContent(feedSchema) }, ...errorResponses },
});

export function registerCreateFeed(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const input = c.req.valid('json');
    const { db, secrets } = c.get('deps');
    const feed = await fieldErrorsIn('body', () => createFeed(db, storeId, input, { secrets }));
    return c.json(await feedView(c, storeId, feed), 201);
  });
}
