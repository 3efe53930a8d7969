import type { Db } from '@ballast/core';

/**
 * Attempts still `pending` (without a feed handle) for pairs this worker just claimed were cut short: the pair
 * can only be claimed again once the worker that made them died or lost its lease. Close them as retrying so
 * the history says what happened; the new attempt that follows pushes the value.
 */
export async function closeInterruptedAttempts(
  db: Db,
  storeId: number,
  channelId: number,
  productIds: readonly number[],
  now: number,
): Promise<void> {
  if (productIds.length === 0) return;
  await db
    .updateTable('syncHistory')
    .set({
      status: 'retrying',
      errorCode: 'interrupted',
      errorMessage: 'the worker stopped before the channel answered; the push is retried',
      finishedAt: now,
    })
    // The store narrows the search to the (store, product, channel) history index: without it every round
    // scanned the whole history, which only ever grows.
    .where('storeId', '=', storeId)
    .where('channelId', '=', channelId)
    .where('productId', 'in', productIds)
    .where('status', '=', 'pending')
    .where('pendingHandle', 'is', null)
    .execute();
}
