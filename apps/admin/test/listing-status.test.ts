import { describe, expect, it } from 'vitest';
import type { components } from '../src/api/schema.gen.ts';
import { channelItemId, listingStatus } from '../src/lib/listing-status.ts';

type ChannelListing = components['schemas']['ChannelListing'];

const listing = (patch: Partial<ChannelListing>): ChannelListing => ({
  id: 1,
  productId: 1,
  sku: 'MUG-BLUE',
  productName: 'Mug',
  channelRef: 'MUG-BLUE',
  autoSync: true,
  autoSyncOverride: null,
  productAutoSync: true,
  lastPushedQuantity: 4,
  lastPushedAt: 1,
  channelQuantity: 4,
  channelQuantityAt: 1,
  createdAt: 1,
  ...patch,
});

describe('listingStatus', () => {
  it('is in sync when the channel reports what was pushed', () => {
    expect(listingStatus(listing({}))).toBe('in-sync');
  });
  it('says the channel differs when it reports another number than the last push', () => {
    expect(listingStatus(listing({ channelQuantity: 7 }))).toBe('differs');
  });
  it('says not pushed yet before the first push, whatever the channel shows', () => {
    expect(listingStatus(listing({ lastPushedQuantity: null, lastPushedAt: null }))).toBe('not-pushed');
  });
  it('does not guess when the channel never reported a quantity', () => {
    expect(listingStatus(listing({ channelQuantity: null, channelQuantityAt: null }))).toBe('unknown');
  });
  it('puts Auto Sync off first: such a listing is never pushed', () => {
    expect(listingStatus(listing({ autoSync: false, channelQuantity: 9 }))).toBe('auto-sync-off');
  });
});

describe('channelItemId', () => {
  it('shows a string reference as it is and an object reference by its values', () => {
    expect(channelItemId('gid://shopify/InventoryItem/7')).toBe('gid://shopify/InventoryItem/7');
    expect(channelItemId({ productId: 12, variantId: 34, parent: null })).toBe('12 / 34');
    expect(channelItemId(null)).toBe('—');
  });
});
