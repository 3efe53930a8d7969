import { type Db, preparedQuery } from '@ballast/core';
import { sql } from 'kysely';

/** Params: quantity pushed, seq, now, quantity the channel confirmed, listing. */
const advanceListing = preparedQuery<never>(
  (slot) => sql`update listings set last_pushed_quantity = ${slot(0)}, last_pushed_seq = ${slot(1)},
      last_pushed_at = ${slot(2)}, channel_quantity = ${slot(3)}, channel_quantity_at = ${slot(2)}
    where id = ${slot(4)} and (last_pushed_seq is null or last_pushed_seq <= ${slot(1)})`,
);

export interface ConfirmedPush {
  listingId: number;
  /** The quantity sent and the mark's sequence it carried. */
  quantity: number;
  seq: number;
  /** What the channel says it now shows (the quantity sent, unless it answered otherwise). */
  confirmed: number;
  at: number;
}

/**
 * Records on the listing what the channel confirmed, unless a newer push (higher seq) was confirmed first.
 * False when it was: ours may have landed after that one, so the caller pushes again. Runs once per pushed
 * item: a prepared statement, not rebuilt by the query builder.
 */
export async function recordConfirmedPush(db: Db, push: ConfirmedPush): Promise<boolean> {
  const { numAffectedRows } = await advanceListing(db, 0, [
    push.quantity,
    push.seq,
    push.at,
    push.confirmed,
    push.listingId,
  ]);
  return numAffectedRows !== 0n;
}
