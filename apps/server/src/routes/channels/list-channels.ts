import { listChannels } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { pageQuerySchema } from './channel-params.ts';
import { channelListSchema, channelStatusSchema } from './channel-schema.ts';
import { channelViews } from './channel-view.ts';
import { decodeIdCursor, pageOf } from './id-cursor.ts';

const querySchema = pageQuerySchema.extend({ status: channelStatusSchema.optional() });

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/channels',
  tags: ['Channels'],
  summary: 'The store’s channels, oldest first, with their sync state',
  request: { params: storeParamsSchema, query: querySchema },
  responses: {
    200: { description: 'Channels', content: jsonContent(channelListSchema) },
    ...errorResponses,
  },
});

export function registerListChannels(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const { status, limit, cursor } = c.req.valid('query');
    const after = cursor === undefined ? 0 : decodeIdCursor(cursor);
    // A store has a handful of channels: core lists them all and the page is cut here.
    const channels = (await listChannels(c.get('deps').db, storeId, status ? { status } : {})).filter(
      (ch) => ch.id > after,
    );
    const page = pageOf(channels.slice(0, limit + 1), limit);
    return c.json({ items: await channelViews(c, storeId, page.items), nextCursor: page.nextCursor }, 200);
  });
}
