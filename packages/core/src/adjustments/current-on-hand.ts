import type { Db } from '../db/connect.ts';
import { dialectOf } from '../db/dialect.ts';
import { lockPositions } from '../ledger/lock-positions.ts';
import { chunk } from '../shared/chunk.ts';

export interface StockPosition {
  productId: number;
  locationId: number;
}

export const positionKey = (p: StockPosition): string => `${p.productId}:${p.locationId}`;

/**
 * Current on hand at the `counted` positions (set-to lines), read so that a `set` computed from it stays
 * right until commit. PostgreSQL: every position the adjustment `touches` is locked (created if missing) in
 * the ledger's lock order before anything is written, so a concurrent change of the same position waits and
 * then reads our result; locking only the counted rows would take the others later, out of order, and could
 * deadlock. SQLite has a single writer, and a writer that read an older snapshot fails with SQLITE_BUSY
 * rather than committing on stale data: there only the counted positions are read.
 */
export async function currentOnHand(
  trx: Db,
  storeId: number,
  touches: readonly StockPosition[],
  counted: readonly StockPosition[],
): Promise<Map<string, number>> {
  const onHand = new Map<string, number>();
  if (dialectOf(trx) === 'postgres') {
    for (const row of await lockPositions(trx, storeId, touches)) onHand.set(positionKey(row), row.onHand);
    return onHand;
  }
  for (const part of chunk(counted, 500)) {
    const rows = await trx
      .selectFrom('quantities')
      .select(['productId', 'locationId', 'onHand'])
      .where('storeId', '=', storeId)
      .where('productId', 'in', [...new Set(part.map((p) => p.productId))])
      .where('locationId', 'in', [...new Set(part.map((p) => p.locationId))])
      .execute();
    for (const row of rows) onHand.set(positionKey(row), row.onHand);
  }
  return onHand;
}
