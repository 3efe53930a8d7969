import { type ChannelRow, staleReasonKey } from '@ballast/core';
import type { EngineContext } from './engine-context.ts';
import type { SkipPlan } from './plan.ts';

/**
 * The skips that get a row in Sync History. A hold (a skip that asked the channel nothing and compared nothing
 * with it: not listed by an earlier lookup, a quantity that cannot be known, Auto Sync off, the channel paused,
 * the item unlinked) gets none while the pair's newest row is already a skip with the same code for the same
 * reason: a merchant reading the history wants to see a hold start, not the same line again for every stock
 * change of a product that a stale feed covers or that the channel does not sell. When the newest row says
 * something else, or there is none, the skip is written, so the history never shows an older state as the
 * current one. Verdicts are always written: a lookup that did not find the SKU, a channel that already shows
 * the value. Every skip still settles and counts.
 */
export async function skipsToRecord(
  ctx: EngineContext,
  channel: ChannelRow,
  skips: readonly SkipPlan[],
): Promise<SkipPlan[]> {
  const holds = skips.filter((plan) => holdOf(plan) !== undefined);
  if (holds.length === 0) return [...skips];
  const newest = ctx.db
    .selectFrom('syncHistory')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('storeId', '=', channel.storeId)
    .where('channelId', '=', channel.id)
    .where(
      'productId',
      'in',
      holds.map((plan) => plan.dirty.productId),
    )
    .groupBy('productId');
  const newestSkips = await ctx.db
    .selectFrom('syncHistory')
    .select(['productId', 'errorCode', 'errorMessage'])
    .where('id', 'in', newest)
    .where('status', '=', 'skipped')
    .execute();
  const standing = new Map(
    newestSkips.map((row) => [row.productId, sameHoldKey(row.errorCode ?? '', row.errorMessage ?? '')]),
  );
  return skips.filter((plan) => {
    const hold = holdOf(plan);
    return hold === undefined || standing.get(plan.dirty.productId) !== hold;
  });
}

/** The hold a skip states, as compared with the newest row; undefined for a verdict (always written). */
function holdOf(plan: SkipPlan): string | undefined {
  if (plan.code === 'unchanged') return undefined;
  if (plan.code === 'not_listed' && plan.notListedSince === undefined) return undefined;
  return sameHoldKey(plan.code, plan.message);
}

/**
 * What makes two skips the same hold: the code, and the stable part of the reason. A not-listed row says so
 * whether it is the lookup's verdict or a skip settled from it. An unknown quantity's reason names the stale
 * feeds behind it with their growing snapshot ages: core's key keeps the feeds and drops the ages.
 */
function sameHoldKey(code: string, message: string): string {
  if (code === 'not_listed') return code;
  if (code === 'unknown_quantity') return `${code}: ${staleReasonKey(message)}`;
  return `${code}: ${message}`;
}
