import type { ReadRequest, ReadResult } from '@ballast/connector-kit';
import { type ChannelRow, computeSyncableBalances, markDirty } from '@ballast/core';
import type { EngineContext } from '../round/engine-context.ts';

export interface DriftSweepSummary {
  read: number;
  drifted: number;
}

/**
 * Reads what a channel really shows and re-marks every auto-synced listing whose quantity differs from the
 * master's syncable balance. Comparing with the channel itself (not our copy of what we sent) is what makes
 * manual edits on the channel and lost writes visible.
 */
export async function sweepDrift(ctx: EngineContext, channel: ChannelRow): Promise<DriftSweepSummary> {
  const connection = await ctx.connections.connectionFor(channel);
  const { client, capabilities } = connection;
  if (!capabilities.readBack || !client.readQuantities) return { read: 0, drifted: 0 };
  const summary: DriftSweepSummary = { read: 0, drifted: 0 };
  let afterId = 0;
  for (;;) {
    const listings = await ctx.db
      .selectFrom('listings as l')
      .innerJoin('products as p', 'p.id', 'l.productId')
      .select(['l.id', 'l.productId', 'l.channelRef', 'p.sku'])
      .where('l.channelId', '=', channel.id)
      .where('l.channelRef', 'is not', null)
      .where((eb) => eb(eb.fn.coalesce('l.autoSyncOverride', 'p.autoSync'), '=', 1))
      .where('l.id', '>', afterId)
      .orderBy('l.id')
      .limit(capabilities.maxBatch)
      .execute();
    if (listings.length === 0) return summary;
    afterId = listings.at(-1)!.id;

    const requests: ReadRequest[] = listings.map((l) => ({
      key: String(l.productId),
      listingRef: JSON.parse(l.channelRef!) as ReadRequest['listingRef'],
      sku: l.sku,
    }));
    const models = capabilities.rateModel;
    const reservedAt = ctx.now();
    const waitMs = await ctx.limiter.reserve(channel.id, models, 1, reservedAt);
    if (waitMs > 0) await ctx.sleep(waitMs);
    const results = await client.readQuantities(requests);
    const now = ctx.now();
    // A 429 holds back every call to the channel, not only this sweep: the next reservation waits it out.
    const retryAfterMs = longestRetryAfter(results);
    if (retryAfterMs !== undefined) {
      await ctx.limiter.observe(channel.id, models, { retryAfterMs }, now, reservedAt + waitMs);
    }
    const byKey = new Map(listings.map((l) => [String(l.productId), l]));
    const shown = new Map<number, number>();
    for (const result of results) {
      if (result.status !== 'ok') continue;
      const listing = byKey.get(result.key);
      if (!listing) continue;
      shown.set(listing.productId, result.quantity);
      await ctx.db
        .updateTable('listings')
        .set({ channelQuantity: result.quantity, channelQuantityAt: now })
        .where('id', '=', listing.id)
        .execute();
    }
    summary.read += shown.size;
    const balances = await computeSyncableBalances(ctx.db, channel.storeId, channel.id, [...shown.keys()]);
    const drifted = [...shown].filter(([productId, quantity]) => {
      const master = balances.get(productId)?.quantity;
      return master !== null && master !== undefined && master !== quantity;
    });
    summary.drifted += drifted.length;
    if (drifted.length > 0) {
      await markDirty(ctx.db, {
        storeId: channel.storeId,
        channelId: channel.id,
        products: drifted.map(([productId]) => productId),
        includeKits: false,
        force: true,
        cause: { type: 'resync', ref: 'drift-sweep' },
      });
    }
  }
}

/** The longest hold-back the channel asked for in a read's answer, if it asked for any. */
function longestRetryAfter(results: readonly ReadResult[]): number | undefined {
  let longest: number | undefined;
  for (const result of results) {
    if ('retryAfterMs' in result && result.retryAfterMs !== undefined)
      longest = Math.max(longest ?? 0, result.retryAfterMs);
  }
  return longest;
}
