import type { components } from '../api/schema.gen.ts';

type ChannelListing = components['schemas']['ChannelListing'];

export type ListingStatus = 'auto-sync-off' | 'not-pushed' | 'in-sync' | 'differs' | 'unknown';

/**
 * Where a listing stands, from what Ballast last pushed and what the channel last reported. A channel that
 * reports a different number than the last push was edited on its side (drift repair will overwrite it).
 */
export function listingStatus(listing: ChannelListing): ListingStatus {
  if (!listing.autoSync) return 'auto-sync-off';
  if (listing.lastPushedQuantity === null) return 'not-pushed';
  if (listing.channelQuantity === null) return 'unknown';
  return listing.channelQuantity === listing.lastPushedQuantity ? 'in-sync' : 'differs';
}

export const LISTING_STATUS_LABELS: Record<ListingStatus, string> = {
  'auto-sync-off': 'Auto Sync off',
  'not-pushed': 'Not pushed yet',
  'in-sync': 'In sync',
  differs: 'Channel differs',
  unknown: 'Pushed; channel quantity unknown',
};

/** The connector's reference to the channel item as text (`{"productId":1,"variantId":2}` -> `1 / 2`). */
export function channelItemId(ref: ChannelListing['channelRef']): string {
  if (ref === null) return '—';
  if (typeof ref === 'string') return ref;
  return Object.values(ref)
    .filter((v) => v !== null)
    .map(String)
    .join(' / ');
}
