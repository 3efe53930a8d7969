import type { Db } from '../db/connect.ts';
import { dialectOf } from '../db/dialect.ts';
import { chunk } from '../shared/chunk.ts';
import { now } from '../shared/time.ts';

export interface StockPosition {
  productId: number;
  locationId: number;
}

export const positionKey = (p: StockPosition): string => `${p.productId}:${p.locationId}`;

/**
 * Current on hand at each position, read so that a `set` computed from it stays right until commit.
 * PostgreSQL: the projection rows are created if missing and locked (FOR UPDATE), so a concurrent
 * adjustment of the same position waits and then reads our result. SQLite has a single writer, and a
 * writer that read an older snapshot fails with SQLITE_BUSY rather than committing on stale data.
 */
export async function currentOnHand(
  trx: Db,
  storeId: number,
  positions: readonly StockPosition[],
): Promise<Map<string, number>> {
  const onHand = new Map<string, number>();
  if (positions.length === 0) return onHand;
  const pg = dialectOf(trx) === 'postgres';
  // A fixed lock order keeps two multi-line adjustments from deadlocking each other.
  const sorted = [...positions].sort((a, b) => a.productId - b.productId || a.locationId - b.locationId);
  for (const part of chunk(sorted, 500)) {
    if (pg) {
      const at = now();
      await trx
        .insertInto('quantities')
        .values(
          part.map((p) => ({
            storeId,
            productId: p.productId,
            locationId: p.locationId,
            onHand: 0,
            committed: 0,
            incoming: 0,
            updatedAt: at,
          })),
        )
        .onConflict((oc) => oc.columns(['productId', 'locationId']).doNothing())
        .execute();
    }
    let query = trx
      .selectFrom('quantities')
      .select(['productId', 'locationId', 'onHand'])
      .where('storeId', '=', storeId)
      .where('productId', 'in', [...new Set(part.map((p) => p.productId))])
      .where('locationId', 'in', [...new Set(part.map((p) => p.locationId))])
      .orderBy('productId')
      .orderBy('locationId');
    if (pg) query = query.forUpdate();
    for (const row of await query.execute()) onHand.set(positionKey(row), row.onHand);
  }
  return onHand;
}
