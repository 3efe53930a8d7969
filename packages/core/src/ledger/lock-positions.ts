import type { Db } from '../db/connect.ts';
import { chunk } from '../shared/chunk.ts';
import { now } from '../shared/time.ts';

export interface Position {
  productId: number;
  locationId: number;
}

/** The ledger's lock order: recordMovements updates projection rows by product, then location. */
export const byLockOrder = (a: Position, b: Position): number =>
  a.productId - b.productId || a.locationId - b.locationId;

/**
 * PostgreSQL only: locks the projection rows of `positions` until the transaction ends, creating missing
 * ones at zero, and returns their on hand as of the lock. Every row is taken in the ledger's lock order by
 * one upsert (ON CONFLICT DO UPDATE locks the row it finds): creating the missing rows first and then
 * selecting FOR UPDATE would hold a new row while waiting for an older, lower one, and deadlock with a
 * transaction that holds the lower row and writes the new one next.
 */
export async function lockPositions(
  trx: Db,
  storeId: number,
  positions: readonly Position[],
): Promise<(Position & { onHand: number })[]> {
  const unique = new Map(positions.map((p) => [`${p.productId}:${p.locationId}`, p]));
  const sorted = [...unique.values()].sort(byLockOrder);
  const at = now();
  const locked: (Position & { onHand: number })[] = [];
  for (const part of chunk(sorted, 1000)) {
    const rows = await trx
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
      .onConflict((oc) =>
        oc
          .columns(['productId', 'locationId'])
          .doUpdateSet((eb) => ({ onHand: eb.ref('quantities.onHand') })),
      )
      .returning(['productId', 'locationId', 'onHand'])
      .execute();
    locked.push(...rows);
  }
  return locked;
}
