import { getChannel, listListings } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { channelListingView } from './channel-listing-view.ts';
import { channelParamsSchema, pageQuerySchema } from './channel-params.ts';
import { channelListingListSchema } from './channel-schema.ts';
import { decodeIdCursor, pageOf } from './id-cursor.ts';

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/channels/{channelId}/listings',
  tags: ['Channels'],
  summary: 'The channel’s items linked to products, with what was pushed and what the channel reported',
  request: { params: channelParamsSchema, query: pageQuerySchema },
  responses: {
    200: { description: 'Listings, by id', content: jsonContent(channelListingListSchema) },
    ...errorResponses,
  },
});

export function registerListChannelListings(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const params = c.req.valid('param');
    const storeId = storeIdOf(c, params.storeId);
    const { limit, cursor } = c.req.valid('query');
    const { db } = c.get('deps');
    await getChannel(db, storeId, params.channelId);
    const after = cursor === undefined ? 0 : decodeIdCursor(cursor);
    const rows = await listListings(db, storeId, {
      channelId: params.channelId,
      afterId: after,
      limit: limit + 1,
    });
    const page = pageOf(rows, limit);
    const items = page.items.map(channelListingView);
    return c.json({ items, nextCursor: page.nextCursor }, 200);
  });
}
