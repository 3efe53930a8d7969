import { type Cause, type Db, markDirtyCounted } from '@ballast/core';
import { sql } from 'kysely';

export interface Redirty {
  storeId: number;
  channelId: number;
  productId: number;
  /** The cause the retry is recorded under when the pair has no mark yet. */
  cause: Cause;
  /** Push even if the channel seems to show the value already. */
  force: boolean;
  /** Backoff: not before this time, and the failed attempts so far (a retry is attempt `attempts + 1`). */
  retry?: { notBefore: number; attempts: number };
}

/**
 * Puts a pair back in the outbox after a late verdict. A pair that already has a mark keeps it, with its cause
 * (a newer change is owed and will push the master's value of then); it is only forced and backed off.
 * Otherwise it is marked like any change, which leaves it alone when Auto Sync is off or the channel inactive.
 * Returns whether the pair will be pushed again.
 */
export async function redirtyPair(trx: Db, input: Redirty): Promise<boolean> {
  const { storeId, channelId, productId, cause, force, retry } = input;
  const existing = await trx
    .selectFrom('syncDirty')
    .select('productId')
    .where('channelId', '=', channelId)
    .where('productId', '=', productId)
    .executeTakeFirst();
  if (!existing) {
    const { marked } = await markDirtyCounted(trx, {
      storeId,
      products: [productId],
      channelId,
      includeKits: false,
      force,
      cause,
    });
    if (marked === 0) return false;
  }
  if (force || retry) {
    await trx
      .updateTable('syncDirty')
      .set((eb) => ({
        ...(force && { force: 1 }),
        // Later, never sooner, than a wait the pair already has; a claimed pair's worker sets its own.
        ...(retry && {
          notBefore: sql<number>`case when ${eb.ref('notBefore')} < cast(${retry.notBefore} as bigint)
            and ${eb.ref('claimedBy')} is null then cast(${retry.notBefore} as bigint) else ${eb.ref('notBefore')} end`,
          attempts: sql<number>`case when ${eb.ref('attempts')} < cast(${retry.attempts} as integer)
            then cast(${retry.attempts} as integer) else ${eb.ref('attempts')} end`,
        }),
      }))
      .where('channelId', '=', channelId)
      .where('productId', '=', productId)
      .execute();
  }
  return true;
}
