import type { Db } from '../db/connect.ts';
import { dialectOf } from '../db/dialect.ts';
import { lockPositions } from '../ledger/lock-positions.ts';
import { chunk } from '../shared/chunk.ts';
import { countProducts } from './products-by-sku.ts';

export interface StockPair {
  productId: number;
  locationId: number;
}

/** On hand by (product, location); numeric keys, because building a string key per row costs more than the lookup. */
export class OnHandMap {
  private readonly byLocation = new Map<number, Map<number, number>>();

  set(productId: number, locationId: number, onHand: number): void {
    let products = this.byLocation.get(locationId);
    if (!products) {
      products = new Map();
      this.byLocation.set(locationId, products);
    }
    products.set(productId, onHand);
  }

  /** On hand of the pair; 0 when it has no quantity row. */
  get(productId: number, locationId: number): number {
    return this.byLocation.get(locationId)?.get(productId) ?? 0;
  }
}

/**
 * Current on hand of many (product, location) pairs, a few queries per thousand products; pairs without a
 * quantity row read as 0.
 *
 * With `lock` on PostgreSQL, the rows are locked until the transaction ends so that a "set to" computed from
 * them stays right while other transactions move stock (see lockPositions: missing rows are created at zero,
 * every row is taken in the ledger's lock order). SQLite has a single writer and needs neither.
 */
export async function readOnHand(
  trx: Db,
  storeId: number,
  pairs: readonly StockPair[],
  options: { lock?: boolean } = {},
): Promise<OnHandMap> {
  const onHand = new OnHandMap();
  if (pairs.length === 0) return onHand;
  if (options.lock === true && dialectOf(trx) === 'postgres') {
    for (const row of await lockPositions(trx, storeId, pairs))
      onHand.set(row.productId, row.locationId, row.onHand);
    return onHand;
  }

  const productIds = [...new Set(pairs.map((p) => p.productId))].sort((a, b) => a - b);
  const locationIds = [...new Set(pairs.map((p) => p.locationId))];
  if (productIds.length >= 1000 && (await countProducts(trx, storeId)) <= productIds.length * 3) {
    // Most of the catalogue: one pass over the store's products beats thousands of IN-list probes.
    const rows = await trx
      .selectFrom('quantities as q')
      .innerJoin('products as p', 'p.id', 'q.productId')
      .select(['q.productId', 'q.locationId', 'q.onHand'])
      .where('p.storeId', '=', storeId)
      .where('q.locationId', 'in', locationIds)
      .execute();
    for (const row of rows) onHand.set(row.productId, row.locationId, row.onHand);
    return onHand;
  }
  for (const part of chunk(productIds, 2000)) {
    const rows = await trx
      .selectFrom('quantities')
      .select(['productId', 'locationId', 'onHand'])
      .where('storeId', '=', storeId)
      .where('productId', 'in', part)
      .where('locationId', 'in', locationIds)
      .execute();
    for (const row of rows) onHand.set(row.productId, row.locationId, row.onHand);
  }
  return onHand;
}
