import type { Db } from '../db/connect.ts';
import { dialectOf } from '../db/dialect.ts';
import { chunk } from '../shared/chunk.ts';
import { now } from '../shared/time.ts';

export interface StockPair {
  productId: number;
  locationId: number;
}

/** Key of a (product, location) pair in the map readOnHand returns. */
export const pairKey = (productId: number, locationId: number): string => `${productId}:${locationId}`;

/**
 * Current on hand of many (product, location) pairs, a few queries per thousand products; pairs without a
 * quantity row are absent (on hand 0).
 *
 * With `lock` on PostgreSQL, the rows are locked until the transaction ends so that a "set to" computed from
 * them stays right while other transactions move stock: missing rows are first created at zero (so there is
 * a row to lock), then read `for update` in a fixed order. SQLite has a single writer and needs neither.
 */
export async function readOnHand(
  trx: Db,
  storeId: number,
  pairs: readonly StockPair[],
  options: { lock?: boolean } = {},
): Promise<Map<string, number>> {
  const onHand = new Map<string, number>();
  if (pairs.length === 0) return onHand;
  const lock = options.lock === true && dialectOf(trx) === 'postgres';
  if (lock) await createMissingRows(trx, storeId, pairs);

  const productIds = [...new Set(pairs.map((p) => p.productId))].sort((a, b) => a - b);
  const locationIds = [...new Set(pairs.map((p) => p.locationId))];
  for (const part of chunk(productIds, 2000)) {
    let query = trx
      .selectFrom('quantities')
      .select(['productId', 'locationId', 'onHand'])
      .where('storeId', '=', storeId)
      .where('productId', 'in', part)
      .where('locationId', 'in', locationIds);
    if (lock) query = query.orderBy('productId').orderBy('locationId').forUpdate();
    for (const row of await query.execute()) onHand.set(pairKey(row.productId, row.locationId), row.onHand);
  }
  return onHand;
}

async function createMissingRows(trx: Db, storeId: number, pairs: readonly StockPair[]): Promise<void> {
  const at = now();
  const sorted = [...pairs].sort((a, b) => a.productId - b.productId || a.locationId - b.locationId);
  for (const part of chunk(sorted, 1000)) {
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
}
