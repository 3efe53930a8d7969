import type { ItemResult } from '@ballast/connector-kit';
import { type ChannelRow, markDirty } from '@ballast/core';
import { deferPair } from '../claim/settle-pairs.ts';
import { failureOutcome } from '../retry/failure-outcome.ts';
import type { EngineContext } from './engine-context.ts';
import type { PushPlan } from './plan.ts';
import { type ConfirmedPush, recordConfirmedPushes } from './record-confirmed-push.ts';
import { pairOf } from './round-records.ts';

export interface AppliedOutcome {
  status: 'succeeded' | 'failed' | 'retrying' | 'pending';
  settle: boolean;
  code?: string;
  message?: string;
  /** What the channel confirmed, for the listing: the round records all of them in one statement. */
  confirmed?: ConfirmedPush & { productId: number };
}

/**
 * Writes what one item's result means for its listing and its dirty mark; a confirmed push is returned for
 * confirmPushes to record with the round's others.
 */
export async function applyOutcome(
  ctx: EngineContext,
  plan: PushPlan,
  item: ItemResult,
  throttled: boolean,
): Promise<AppliedOutcome> {
  const now = ctx.now();
  const pair = pairOf(plan);
  switch (item.status) {
    case 'ok': {
      const confirmed = item.quantity ?? plan.quantity;
      const { productId, seq } = plan.dirty;
      const push = {
        listingId: plan.listing.id,
        productId,
        quantity: plan.quantity,
        seq,
        confirmed,
        at: now,
      };
      return { status: 'succeeded', settle: true, confirmed: push };
    }
    case 'pending':
      return { status: 'pending', settle: true };
    case 'permanent':
      return { status: 'failed', settle: true, code: item.code, message: item.message };
    case 'stale': {
      // Compare-and-set lost to a change on the channel: learn what it shows, recompute and try again now.
      if (item.actualQuantity !== undefined) {
        await ctx.db
          .updateTable('listings')
          .set({ channelQuantity: item.actualQuantity, channelQuantityAt: now })
          .where('id', '=', plan.listing.id)
          .execute();
      }
      await deferPair(ctx.db, ctx.workerId, pair, now, true);
      const message = `the channel showed ${item.actualQuantity ?? 'another quantity'}, not the expected one; recomputing`;
      return { status: 'retrying', settle: false, code: 'stale', message };
    }
    case 'transient':
      return failureOutcome(ctx, pair, plan.dirty.attempts, { ...item, retryable: true }, throttled);
  }
}

/**
 * Records on the listings what the channel confirmed, in one statement. A listing where a newer value was
 * confirmed while ours was in flight is pushed again: ours may have landed after it.
 */
export async function confirmPushes(
  ctx: EngineContext,
  channel: ChannelRow,
  applied: readonly AppliedOutcome[],
) {
  const confirmed = applied.flatMap((outcome) => (outcome.confirmed ? [outcome.confirmed] : []));
  const advanced = await recordConfirmedPushes(ctx.db, confirmed);
  for (const push of confirmed) {
    if (advanced.has(push.listingId)) continue;
    await markDirty(ctx.db, {
      storeId: channel.storeId,
      products: [push.productId],
      channelId: channel.id,
      includeKits: false,
      force: true,
      cause: { type: 'resync', ref: `stale-confirmation:${push.listingId}` },
    });
  }
}

export function missingResult(plan: PushPlan): ItemResult {
  return {
    key: String(plan.dirty.productId),
    status: 'transient',
    code: 'no_result',
    message: 'the connector returned no result for this item',
  };
}
