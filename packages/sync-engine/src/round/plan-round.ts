import type { Connection } from '@ballast/connector-kit';
import { type ChannelRow, computeSyncableBalances, type SyncDirtyRow } from '@ballast/core';
import type { EngineContext } from './engine-context.ts';
import { ensureListings } from './ensure-listings.ts';
import { ambiguousSkuProblem, lookupFailureProblem, type PairPlan, planPair } from './plan.ts';
import { claimedMarks, productsById } from './round-reads.ts';

/**
 * What to do with each claimed pair, from the master's state of now: its product, listing (looked up on the
 * channel when missing), newest mark and syncable balance.
 */
export async function planRound(
  ctx: EngineContext,
  channel: ChannelRow,
  connection: Connection,
  claimed: readonly SyncDirtyRow[],
): Promise<PairPlan[]> {
  const productIds = claimed.map((c) => c.productId);
  const products = await productsById(ctx.db, productIds);
  const productById = new Map(products.map((p) => [p.id, p]));
  const forced = new Set(claimed.filter((c) => c.force === 1).map((c) => c.productId));
  const { listings, notListedSince, lookupFailed, ambiguous, autoSyncOff } = await ensureListings(
    ctx,
    channel,
    connection,
    products,
    forced,
  );
  // A change may have marked a pair again since the claim; take the newer marks so that this push settles them.
  const current = await claimedMarks(ctx.db, channel.id, ctx.workerId, productIds);
  const currentByProduct = new Map(current.map((row) => [row.productId, row]));
  const balances = await computeSyncableBalances(ctx.db, channel.storeId, channel.id, productIds);
  return claimed.map((claimedRow) => {
    const cachedMiss = notListedSince.get(claimedRow.productId);
    const newer = currentByProduct.get(claimedRow.productId);
    // A forced mark that came in since the claim wants a lookup: settle only the claimed mark, leave it due.
    const dirty = newer && !(cachedMiss !== undefined && newer.force === 1) ? newer : claimedRow;
    const product = productById.get(dirty.productId);
    const listing = listings.get(dirty.productId);
    const override = listing?.autoSyncOverride ?? null;
    const sku = product?.sku ?? String(dirty.productId);
    const lookupError = lookupFailed.get(dirty.productId);
    return planPair({
      dirty,
      listing,
      sku,
      channelStatus: channel.status,
      autoSync:
        product !== undefined && !autoSyncOff.has(dirty.productId) && (override ?? product.autoSync) === 1,
      balance: balances.get(dirty.productId),
      notListedSince: cachedMiss,
      linkProblem: lookupError
        ? lookupFailureProblem(sku, lookupError)
        : ambiguous.has(dirty.productId)
          ? ambiguousSkuProblem(sku)
          : undefined,
    });
  });
}
