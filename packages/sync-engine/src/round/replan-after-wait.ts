import { type ChannelRow, computeSyncableBalances } from '@ballast/core';
import type { EngineContext } from './engine-context.ts';
import { type PushPlan, planPair, type SkipPlan } from './plan.ts';
import { listingsOf, productsById } from './round-reads.ts';

export interface Replanned {
  /** Still to push, with the balance of now. */
  pushes: PushPlan[];
  /** No longer pushed: Auto Sync off, the channel paused or disconnected, the item unlinked, nothing to change. */
  skips: SkipPlan[];
}

/**
 * The round's pushes planned again after its rate-limit wait, which can last seconds: meanwhile the balance may
 * have moved, Auto Sync may have been turned off (product or listing), the channel paused or disconnected, or the
 * item unlinked. `planPair` decides again from the state of now, so a push carries the master's value of now
 * and a pair that no longer gets one is skipped with the code and message a round planned now would give.
 * A product deleted during the wait took its marks and history with it: it is dropped without a record.
 */
export async function replanAfterWait(
  ctx: EngineContext,
  channel: ChannelRow,
  pushes: readonly PushPlan[],
): Promise<Replanned> {
  const productIds = pushes.map((plan) => plan.dirty.productId);
  const current = await ctx.db
    .selectFrom('channels')
    .select('status')
    .where('id', '=', channel.id)
    .executeTakeFirst();
  const products = await productsById(ctx.db, productIds);
  const listings = await listingsOf(ctx.db, channel.id, productIds);
  const balances = await computeSyncableBalances(ctx.db, channel.storeId, channel.id, productIds);
  const productById = new Map(products.map((p) => [p.id, p]));
  const listingByProduct = new Map(listings.map((l) => [l.productId, l]));

  const replanned: Replanned = { pushes: [], skips: [] };
  for (const { dirty } of pushes) {
    const product = productById.get(dirty.productId);
    if (!product) continue;
    const listing = listingByProduct.get(dirty.productId);
    const plan = planPair({
      dirty,
      listing,
      sku: product.sku,
      channelStatus: current?.status ?? 'disconnected',
      autoSync: (listing?.autoSyncOverride ?? product.autoSync) === 1,
      balance: balances.get(dirty.productId),
      wasLinked: true,
    });
    // No lookup problem is passed, so a plan never fails here.
    if (plan.kind === 'push') replanned.pushes.push(plan);
    else if (plan.kind === 'skip') replanned.skips.push(plan);
  }
  return replanned;
}
