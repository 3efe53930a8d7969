import type { Connection } from '@ballast/connector-kit';
import {
  type ChannelRow,
  type ListingRow,
  recentListingLookupMisses,
  recordListingLookupMisses,
  upsertListings,
} from '@ballast/core';
import type { EngineContext } from './engine-context.ts';

export interface EnsuredListings {
  listings: Map<number, ListingRow>;
  /**
   * Products not linked that a recent lookup did not find on the channel, with when it was made: they were
   * not looked up again this round.
   */
  notListedSince: Map<number, number>;
}

/**
 * The listings of these products on the channel, looking up by SKU those not linked yet (one paced
 * `lookupListings` call) and linking what the channel has. The products are the round's claimed pairs, so
 * linking marks nothing: the push they are owed keeps its cause (Auto Sync turned on, not `resync`).
 *
 * A SKU the lookup does not find is remembered, and not looked up again until the answer is older than
 * `ctx.notListedRecheckMs`: a product the channel does not sell would otherwise cost a call on every change.
 * A forced pair (Auto Sync turned on, a resync) is always looked up.
 */
export async function ensureListings(
  ctx: EngineContext,
  channel: ChannelRow,
  connection: Connection,
  products: readonly { id: number; sku: string }[],
  forced: ReadonlySet<number>,
): Promise<EnsuredListings> {
  const load = async () => {
    const rows = await ctx.db
      .selectFrom('listings')
      .selectAll()
      .where('channelId', '=', channel.id)
      .where(
        'productId',
        'in',
        products.map((p) => p.id),
      )
      .execute();
    return new Map(rows.map((row) => [row.productId, row]));
  };
  const listings = await load();
  const unlinked = products.filter((p) => !listings.get(p.id)?.channelRef);
  if (unlinked.length === 0) return { listings, notListedSince: new Map() };

  const notListedSince = await recentListingLookupMisses(
    ctx.db,
    channel.id,
    unlinked.filter((p) => !forced.has(p.id)),
    ctx.now() - ctx.notListedRecheckMs,
  );
  const toLookUp = unlinked.filter((p) => !notListedSince.has(p.id));
  if (toLookUp.length === 0) return { listings, notListedSince };

  const waitMs = await ctx.limiter.reserve(channel.id, connection.capabilities.rateModel, 1, ctx.now());
  if (waitMs > 0) await ctx.sleep(waitMs);
  const lookedUpAt = ctx.now();
  let matches: Awaited<ReturnType<typeof connection.client.lookupListings>>;
  try {
    matches = await connection.client.lookupListings(toLookUp.map((p) => p.sku));
  } catch (error) {
    ctx.logger.warn('listing lookup failed', { channelId: channel.id, error: String(error) });
    return { listings, notListedSince };
  }
  // A SKU the channel answered for is not a miss, even when it cannot be linked (listed twice).
  const answered = new Set(matches.map((m) => m.sku.trim()));
  await recordListingLookupMisses(
    ctx.db,
    channel.storeId,
    channel.id,
    toLookUp.filter((p) => !answered.has(p.sku)).map((p) => ({ productId: p.id, sku: p.sku })),
    lookedUpAt,
  );
  if (matches.length === 0) return { listings, notListedSince };
  await upsertListings(
    ctx.db,
    channel.storeId,
    channel.id,
    matches.map((m) => ({
      sku: m.sku,
      channelRef: m.listingRef,
      ...(m.quantity !== undefined && { quantity: m.quantity }),
    })),
    { markPairs: false },
  );
  return { listings: await load(), notListedSince };
}
