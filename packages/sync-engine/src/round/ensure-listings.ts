import { type ChannelError, type Connection, classifyError, type ListingMatch } from '@ballast/connector-kit';
import {
  type ChannelRow,
  type ListingRow,
  recentListingLookupMisses,
  recordListingLookupMisses,
  upsertListings,
} from '@ballast/core';
import type { EngineContext } from './engine-context.ts';
import { listingsOf } from './round-reads.ts';

export interface EnsuredListings {
  listings: Map<number, ListingRow>;
  /**
   * Products not linked that a recent lookup did not find on the channel, with when it was made: they were
   * not looked up again this round.
   */
  notListedSince: Map<number, number>;
  /** Products whose lookup call failed this round: the channel gave no verdict on their SKUs. */
  lookupFailed: Map<number, ChannelError>;
  /** Products whose SKU the channel lists on several items: none of them can be chosen for the push. */
  ambiguous: Set<number>;
  /** Products found with Auto Sync off on this channel when it came to looking them up (not looked up). */
  autoSyncOff: Set<number>;
}

export interface ProductToLink {
  id: number;
  sku: string;
  /** The product's own flag; a listing's override wins over it. */
  autoSync: number;
}

/**
 * The listings of these products on the channel, looking up by SKU those not linked yet (one paced
 * `lookupListings` call) and linking what the channel has. The products are the round's claimed pairs, so
 * linking marks nothing: the push they are owed keeps its cause (Auto Sync turned on, not `resync`).
 *
 * A SKU the lookup does not find is remembered, and not looked up again until the answer is older than
 * `ctx.notListedRecheckMs`: a product the channel does not sell would otherwise cost a call on every change.
 * A forced pair (Auto Sync turned on, a resync) is always looked up. A failed call and a SKU listed twice
 * are no such answer and are not remembered. A product with Auto Sync off is never looked up: nothing would
 * be pushed to what the lookup finds.
 */
export async function ensureListings(
  ctx: EngineContext,
  channel: ChannelRow,
  connection: Connection,
  products: readonly ProductToLink[],
  forced: ReadonlySet<number>,
): Promise<EnsuredListings> {
  const load = async () => {
    const rows = await listingsOf(
      ctx.db,
      channel.id,
      products.map((p) => p.id),
    );
    return new Map(rows.map((row) => [row.productId, row]));
  };
  const listings = await load();
  const ensured: EnsuredListings = {
    listings,
    notListedSince: new Map(),
    lookupFailed: new Map(),
    ambiguous: new Set(),
    autoSyncOff: new Set(),
  };
  const unlinked = products.filter((p) => {
    const listing = listings.get(p.id);
    if (listing?.channelRef) return false;
    if ((listing?.autoSyncOverride ?? p.autoSync) === 1) return true;
    ensured.autoSyncOff.add(p.id);
    return false;
  });
  if (unlinked.length === 0) return ensured;

  ensured.notListedSince = await recentListingLookupMisses(
    ctx.db,
    channel.id,
    unlinked.filter((p) => !forced.has(p.id)),
    ctx.now() - ctx.notListedRecheckMs,
  );
  let toLookUp = unlinked.filter((p) => !ensured.notListedSince.has(p.id));
  if (toLookUp.length === 0) return ensured;

  const models = connection.capabilities.rateModel;
  const reservedAt = ctx.now();
  const waitMs = await ctx.limiter.reserve(channel.id, models, 1, reservedAt);
  if (waitMs > 0) {
    await ctx.sleep(waitMs);
    // Auto Sync may have been turned off during the wait (that drops the mark, not our claim of it).
    const on = await autoSyncOnNow(ctx, channel, toLookUp);
    for (const p of toLookUp) if (!on.has(p.id)) ensured.autoSyncOff.add(p.id);
    toLookUp = toLookUp.filter((p) => on.has(p.id));
    if (toLookUp.length === 0) return ensured;
  }
  const lookedUpAt = ctx.now();
  let matches: readonly ListingMatch[];
  try {
    matches = await connection.client.lookupListings(toLookUp.map((p) => p.sku));
  } catch (error) {
    const failure = classifyError(error);
    // A 429 holds back every call to the channel, not only these lookups: the next reservation waits it out.
    if (failure.retryAfterMs !== undefined) {
      const feedback = { retryAfterMs: failure.retryAfterMs };
      await ctx.limiter.observe(channel.id, models, feedback, ctx.now(), reservedAt + waitMs);
    }
    ctx.logger.warn('listing lookup failed', { channelId: channel.id, error: failure.message });
    for (const p of toLookUp) ensured.lookupFailed.set(p.id, failure);
    return ensured;
  }
  // A SKU the channel answered for is not a miss, even when it cannot be linked (listed twice).
  const countBySku = new Map<string, number>();
  for (const m of matches) countBySku.set(m.sku.trim(), (countBySku.get(m.sku.trim()) ?? 0) + 1);
  for (const p of toLookUp) if ((countBySku.get(p.sku) ?? 0) > 1) ensured.ambiguous.add(p.id);
  await recordListingLookupMisses(
    ctx.db,
    channel.storeId,
    channel.id,
    toLookUp.filter((p) => !countBySku.has(p.sku)).map((p) => ({ productId: p.id, sku: p.sku })),
    lookedUpAt,
  );
  const linkable = matches.filter((m) => countBySku.get(m.sku.trim()) === 1);
  if (linkable.length === 0) return ensured;
  await upsertListings(
    ctx.db,
    channel.storeId,
    channel.id,
    linkable.map((m) => ({
      sku: m.sku,
      channelRef: m.listingRef,
      ...(m.quantity !== undefined && { quantity: m.quantity }),
    })),
    { markPairs: false },
  );
  ensured.listings = await load();
  return ensured;
}

/** Of these products, those whose effective Auto Sync on the channel is on now. */
async function autoSyncOnNow(
  ctx: EngineContext,
  channel: ChannelRow,
  products: readonly ProductToLink[],
): Promise<Set<number>> {
  const rows = await ctx.db
    .selectFrom('products as p')
    .leftJoin('listings as l', (join) =>
      join.onRef('l.productId', '=', 'p.id').on('l.channelId', '=', channel.id),
    )
    .select(['p.id', 'p.autoSync', 'l.autoSyncOverride'])
    .where(
      'p.id',
      'in',
      products.map((p) => p.id),
    )
    .execute();
  return new Set(rows.filter((r) => (r.autoSyncOverride ?? r.autoSync) === 1).map((r) => r.id));
}
