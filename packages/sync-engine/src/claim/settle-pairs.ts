import type { Db } from '@ballast/core';
import { sql } from 'kysely';
import { chunk } from '../shared/chunk.ts';

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
  for (const part of chunk(pairs, 300)) {
    const keys = sql.join(part.map((p) => sql`(${p.channelId}, ${p.productId}, ${p.seq})`));
    await sql`delete from sync_dirty where (channel_id, product_id, seq) in (${keys})`.execute(db);
    const pairKeys = sql.join(part.map((p) => sql`(${p.channelId}, ${p.productId})`));
    await sql`update sync_dirty set claimed_by = null, lease_until = null
      where claimed_by = ${workerId} and (channel_id, product_id) in (${pairKeys})`.execute(db);
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
