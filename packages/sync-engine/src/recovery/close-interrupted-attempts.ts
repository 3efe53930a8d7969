import { type Db, preparedQuery, slotList } from '@ballast/core';
import { sql } from 'kysely';

/**
 * Params: finished at, store, channel, then the products. `status = 'pending'` is written out so the planner can
 * use the partial index of pending attempts (migration 0007) instead of each pair's whole history. Prepared:
 * every round runs it.
 */
const closeInterrupted = preparedQuery<never>(
  (slot, products) => sql`update sync_history set status = 'retrying', error_code = 'interrupted',
      error_message = 'the worker stopped before the channel answered; the push is retried',
      finished_at = ${slot(0)}
    where store_id = ${slot(1)} and channel_id = ${slot(2)} and product_id in (${slotList(slot, 3, products)})
      and status = 'pending' and pending_handle is null`,
  128,
);

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
  await closeInterrupted(db, productIds.length, [now, storeId, channelId, ...productIds]);
}
