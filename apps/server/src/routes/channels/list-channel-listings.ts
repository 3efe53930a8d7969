import { type ChannelRef, getChannel } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
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
    // Core's listListings returns every listing of the channel; a catalogue-sized channel is paged here.
    const rows = await db
      .selectFrom('listings as l')
      .innerJoin('products as p', 'p.id', 'l.productId')
      .select([
        'l.id',
        'l.productId',
        'p.sku',
        'p.name as productName',
        'p.autoSync as productAutoSync',
        'l.channelRef',
        'l.autoSyncOverride',
        'l.lastPushedQuantity',
        'l.lastPushedAt',
        'l.channelQuantity',
        'l.channelQuantityAt',
        'l.createdAt',
      ])
      .where('l.storeId', '=', storeId)
      .where('l.channelId', '=', params.channelId)
      .where('l.id', '>', after)
      .orderBy('l.id')
      .limit(limit + 1)
      .execute();
    const page = pageOf(rows, limit);
    const items = page.items.map(({ productAutoSync, channelRef, autoSyncOverride, ...row }) => ({
      ...row,
      channelRef: channelRef === null ? null : (JSON.parse(channelRef) as ChannelRef),
      autoSyncOverride: autoSyncOverride === null ? null : autoSyncOverride === 1,
      autoSync: (autoSyncOverride ?? productAutoSync) === 1,
      productAutoSync: productAutoSync === 1,
    }));
    return c.json({ items, nextCursor: page.nextCursor }, 200);
  });
}
