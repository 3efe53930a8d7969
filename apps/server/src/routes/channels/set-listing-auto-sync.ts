import { getChannel, setListingAutoSync } from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { operationOptions, storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { channelListingView } from './channel-listing-view.ts';
import { listingParamsSchema } from './channel-params.ts';
import { channelListingSchema } from './channel-schema.ts';

const bodySchema = z
  .object({
    override: z.boolean().nullable().openapi({
      description:
        'true = always push this product to this channel, false = never, null = follow the product’s Auto Sync',
    }),
  })
  .strict()
  .openapi('ListingAutoSyncSetting');

const route = createRoute({
  method: 'put',
  path: '/stores/{storeId}/channels/{channelId}/listings/{listingId}/auto-sync',
  tags: ['Auto Sync'],
  summary: 'Override Auto Sync for one product on one channel, or make it follow the product again',
  description:
    'Turning the listing’s effective Auto Sync on pushes the product to this channel at once, overwriting what ' +
    'the channel shows; turning it off drops the pair’s pending push. Other channels are not affected. The ' +
    'listing must be on this channel of this store.',
  request: { params: listingParamsSchema, body: { content: jsonContent(bodySchema), required: true } },
  responses: {
    200: { description: 'The listing as it now is', content: jsonContent(channelListingSchema) },
    ...errorResponses,
  },
});

export function registerSetListingAutoSync(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const params = c.req.valid('param');
    const storeId = storeIdOf(c, params.storeId);
    const { override } = c.req.valid('json');
    const deps = c.get('deps');
    await getChannel(deps.db, storeId, params.channelId);
    const listing = await fieldErrorsIn({ path: { listingId: 'listingId', channelId: 'channelId' } }, () =>
      setListingAutoSync(deps.db, storeId, params.listingId, override, {
        ...operationOptions(c),
        channelId: params.channelId,
      }),
    );
    deps.notifySync();
    return c.json(channelListingView(listing), 200);
  });
}
