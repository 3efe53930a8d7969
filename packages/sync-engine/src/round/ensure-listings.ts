import type { Connection } from '@ballast/connector-kit';
import { type ChannelRow, type ListingRow, upsertListings } from '@ballast/core';
import type { EngineContext } from './engine-context.ts';

/**
 * The listings of these products on the channel, looking up by SKU those not linked yet (one paced
 * `lookupListings` call) and linking what the channel has. The products are the round's claimed pairs, so
 * linking marks nothing: the push they are owed keeps its cause (Auto Sync turned on, not `resync`).
 */
export async function ensureListings(
  ctx: EngineContext,
  channel: ChannelRow,
  connection: Connection,
  products: readonly { id: number; sku: string }[],
): Promise<Map<number, ListingRow>> {
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
  if (unlinked.length === 0) return listings;

  const waitMs = await ctx.limiter.reserve(channel.id, connection.capabilities.rateModel, 1, ctx.now());
  if (waitMs > 0) await ctx.sleep(waitMs);
  let matches: Awaited<ReturnType<typeof connection.client.lookupListings>>;
  try {
    matches = await connection.client.lookupListings(unlinked.map((p) => p.sku));
  } catch (error) {
    ctx.logger.warn('listing lookup failed', { channelId: channel.id, error: String(error) });
    return listings;
  }
  if (matches.length === 0) return listings;
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
  return load();
}
