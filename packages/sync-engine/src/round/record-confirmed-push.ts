import { type Db, preparedQuery } from '@ballast/core';
import { sql } from 'kysely';
import { chunk } from '../shared/chunk.ts';

/** Pushes per statement; one prepared template per count up to this (every round confirms its pushes). */
const PUSHES_PER_STATEMENT = 100;

// Per push: listing, quantity pushed, seq, at, quantity the channel confirmed. The casts give PostgreSQL a type
// for each value of the VALUES list.
const WIDTH = 5;
const advanceListings = preparedQuery<{ id: number }>((slot, count) => {
  const values = Array.from({ length: count }, (_, r) => {
    const at = (i: number) => slot(r * WIDTH + i);
    return sql`(cast(${at(0)} as bigint), cast(${at(1)} as integer), cast(${at(2)} as bigint),
      cast(${at(3)} as bigint), cast(${at(4)} as integer))`;
  });
  return sql`with pushed (listing_id, quantity, seq, at, confirmed) as (values ${sql.join(values)})
    update listings set last_pushed_quantity = pushed.quantity, last_pushed_seq = pushed.seq,
      last_pushed_at = pushed.at, channel_quantity = pushed.confirmed, channel_quantity_at = pushed.at
    from pushed
    where listings.id = pushed.listing_id
      and (listings.last_pushed_seq is null or listings.last_pushed_seq <= pushed.seq)
    returning id`;
}, PUSHES_PER_STATEMENT);

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
 * Records on each listing what the channel confirmed, unless a newer push (higher seq) was confirmed first, and
 * returns the listings it advanced. One not advanced lost to a newer push: ours may have landed after that one,
 * so the caller pushes again. One listing per push (a round pushes each pair once); one prepared statement per
 * round, not one per item.
 */
export async function recordConfirmedPushes(db: Db, pushes: readonly ConfirmedPush[]): Promise<Set<number>> {
  const advanced = new Set<number>();
  for (const part of chunk(pushes, PUSHES_PER_STATEMENT)) {
    const params = part.flatMap((p) => [p.listingId, p.quantity, p.seq, p.at, p.confirmed]);
    const { rows } = await advanceListings(db, part.length, params);
    for (const row of rows) advanced.add(Number(row.id));
  }
  return advanced;
}
