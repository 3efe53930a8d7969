import { type Db, preparedQuery, slotTuples } from '@ballast/core';
import { sql } from 'kysely';
import { chunk } from '../shared/chunk.ts';

/** Pairs per statement; one prepared template per count up to this (every round settles its pairs). */
const PAIRS_PER_STATEMENT = 100;

/** Params: (channel, product, seq) per pair. */
const deleteUnchanged = preparedQuery<never>(
  (slot, count) =>
    sql`delete from sync_dirty where (channel_id, product_id, seq) in (${slotTuples(slot, 0, count, 3)})`,
  PAIRS_PER_STATEMENT,
);

/** Params: worker, then (channel, product) per pair. */
const releaseLeases = preparedQuery<never>(
  (slot, count) => sql`update sync_dirty set claimed_by = null, lease_until = null
    where claimed_by = ${slot(0)} and (channel_id, product_id) in (${slotTuples(slot, 1, count, 2)})`,
  PAIRS_PER_STATEMENT,
);

export interface ClaimedPair {
  channelId: number;
  productId: number;
  /** The mark's sequence when this worker claimed it. */
  seq: number;
}

/**
 * The pairs are done (pushed, skipped or failed for good). A pair is only removed when no newer mark came in
 * since the claim; otherwise it stays, unleased, for another round that will push the newer value.
 */
export async function settlePairs(db: Db, workerId: string, pairs: readonly ClaimedPair[]): Promise<void> {
  for (const part of chunk(pairs, PAIRS_PER_STATEMENT)) {
    await deleteUnchanged(
      db,
      part.length,
      part.flatMap((p) => [p.channelId, p.productId, p.seq]),
    );
    await releaseLeases(db, part.length, [workerId, ...part.flatMap((p) => [p.channelId, p.productId])]);
  }
}

/**
 * Puts a pair back for a later try. `countsAsAttempt` is false when the wait is not the channel's fault
 * (a rate limit, a compare-and-set race): waiting is not a failure and must not use up retries.
 */
export async function deferPair(
  db: Db,
  workerId: string,
  pair: ClaimedPair,
  notBefore: number,
  countsAsAttempt: boolean,
): Promise<void> {
  await db
    .updateTable('syncDirty')
    .set((eb) => ({
      claimedBy: null,
      leaseUntil: null,
      notBefore,
      attempts: countsAsAttempt ? eb('attempts', '+', 1) : eb.ref('attempts'),
    }))
    .where('channelId', '=', pair.channelId)
    .where('productId', '=', pair.productId)
    .where('claimedBy', '=', workerId)
    .execute();
}
