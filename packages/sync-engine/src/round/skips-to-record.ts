import type { ChannelRow } from '@ballast/core';
import type { EngineContext } from './engine-context.ts';
import type { PairPlan } from './plan.ts';

type SkipPlan = Extract<PairPlan, { kind: 'skip' }>;

/**
 * The skips that get a row in Sync History. A pair settled as not listed from an earlier lookup (no call to
 * the channel) gets none while the pair's newest row already says it is not listed: a merchant reading the
 * history wants each lookup's verdict once, not the same line again for every stock change of a product the
 * channel does not sell. When the newest row says something else, or there is none, the skip is written, so
 * the history never shows an older state as the current one. Every skip still settles and counts.
 */
export async function skipsToRecord(
  ctx: EngineContext,
  channel: ChannelRow,
  skips: readonly SkipPlan[],
): Promise<SkipPlan[]> {
  const cached = skips.filter((plan) => plan.notListedSince !== undefined);
  if (cached.length === 0) return [...skips];
  const newest = ctx.db
    .selectFrom('syncHistory')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('storeId', '=', channel.storeId)
    .where('channelId', '=', channel.id)
    .where(
      'productId',
      'in',
      cached.map((plan) => plan.dirty.productId),
    )
    .groupBy('productId');
  const saidNotListed = await ctx.db
    .selectFrom('syncHistory')
    .select('productId')
    .where('id', 'in', newest)
    .where('status', '=', 'skipped')
    .where('errorCode', '=', 'not_listed')
    .execute();
  const alreadySaid = new Set(saidNotListed.map((row) => row.productId));
  return skips.filter((plan) => plan.notListedSince === undefined || !alreadySaid.has(plan.dirty.productId));
}
