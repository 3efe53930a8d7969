import { updateFeed } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { feedParamsSchema, feedPatchSchema, feedSchema } from './feed-schema.ts';

const route = createRoute({
  method: 'patch',
  path: '/stores/{storeId}/feeds/{feedId}',
  tags: ['Feeds'],
  summary: 'Change a feed’s name, url or schedule',
  request: { params: feedParamsSchema, body: { content: jsonContent(feedPatchSchema), required: true } },
  responses: { 200: { description: 'The feed', content: jsonContent(feedSchema) }, ...errorResponses },
});

export function registerUpdateFeed(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, feedId } = c.req.valid('param');
    return c.json(
      await updateFeed(c.get('deps').db, storeIdOf(c, storeId), feedId, c.req.valid('json')),
      200,
    );
  });
}
