import type { Listing } from '@ballast/core';
import type { z } from '@hono/zod-openapi';
import type { channelListingSchema } from './channel-schema.ts';

export type ChannelListingView = z.infer<typeof channelListingSchema>;

/** A listing as the channel's listings API shows it (no store, channel or sync sequence). */
export function channelListingView(listing: Listing): ChannelListingView {
  return {
    id: listing.id,
    productId: listing.productId,
    sku: listing.sku,
    productName: listing.productName,
    channelRef: listing.channelRef,
    autoSyncOverride: listing.autoSyncOverride,
    autoSync: listing.autoSync,
    productAutoSync: listing.productAutoSync,
    lastPushedQuantity: listing.lastPushedQuantity,
    lastPushedAt: listing.lastPushedAt,
    channelQuantity: listing.channelQuantity,
    channelQuantityAt: listing.channelQuantityAt,
    createdAt: listing.createdAt,
  };
}
