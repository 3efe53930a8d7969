import type { Db } from '../db/connect.ts';
import type { Bucket } from '../db/schema.ts';
import { InsufficientStockError, InvalidStateError } from '../errors.ts';
import { type Cause, markDirty } from '../outbox/mark-dirty.ts';
import { chunk } from '../shared/chunk.ts';
import { now } from '../shared/time.ts';

export interface MovementInput {
  productId: number;
  locationId: number;
  bucket: Bucket;
  delta: number;
  /** Where in the caller's input this movement came from, for error paths (e.g. `['lines', 0]`). */
  path?: (string | number)[];
}

export interface RecordMovementsInput {
  storeId: number;
  cause: Cause;
  movements: readonly MovementInput[];
  idempotencyKey?: string | null;
}

export interface RecordedMovements {
  /** Number of movements written (zero deltas are dropped). */
  count: number;
  /** Products whose on-hand or committed quantity changed (and so were marked dirty, with their kits). */
  changedProductIds: number[];
  /** The projection rows the movements touched, as they are after this change (inside the transaction). */
  positions: ProjectedQuantity[];
}

export interface ProjectedQuantity {
  productId: number;
  locationId: number;
  onHand: number;
  committed: number;
  incoming: number;
}

/**
 * The one way quantities change: appends movements to the ledger, updates the quantity projection and marks
 * the affected (product, channel) pairs dirty, all inside the caller's transaction. Rejects on-hand going
 * below zero when the store does not allow negative stock; the caller's transaction then writes nothing.
 */
export async function recordMovements(trx: Db, input: RecordMovementsInput): Promise<RecordedMovements> {
  const movements = input.movements.filter((m) => m.delta !== 0);
  if (movements.length === 0) return { count: 0, changedProductIds: [], positions: [] };
  const at = now();

  for (const part of chunk(movements, 1000)) {
    await trx
      .insertInto('movements')
      .values(
        part.map((m) => ({
          storeId: input.storeId,
          productId: m.productId,
          locationId: m.locationId,
          bucket: m.bucket,
          delta: m.delta,
          causeType: input.cause.type,
          causeRef: input.cause.ref,
          idempotencyKey: input.idempotencyKey ?? null,
          at,
        })),
      )
      .execute();
  }

  const totals = sumByProductLocation(movements);
  const positions = await applyToProjection(trx, input.storeId, totals, at);

  const changedProductIds = [
    ...new Set(totals.filter((t) => t.onHand !== 0 || t.committed !== 0).map((t) => t.productId)),
  ];
  await markDirty(trx, { storeId: input.storeId, products: changedProductIds, cause: input.cause });
  return { count: movements.length, changedProductIds, positions };
}

interface ProjectionDelta {
  productId: number;
  locationId: number;
  onHand: number;
  committed: number;
  incoming: number;
  path: (string | number)[];
}

function sumByProductLocation(movements: readonly MovementInput[]): ProjectionDelta[] {
  const totals = new Map<string, ProjectionDelta>();
  for (const m of movements) {
    const key = `${m.productId}:${m.locationId}`;
    let total = totals.get(key);
    if (!total) {
      total = {
        productId: m.productId,
        locationId: m.locationId,
        onHand: 0,
        committed: 0,
        incoming: 0,
        path: [],
      };
      totals.set(key, total);
    }
    if (m.bucket === 'on_hand') total.onHand += m.delta;
    else if (m.bucket === 'committed') total.committed += m.delta;
    else total.incoming += m.delta;
    if (m.path && (m.bucket === 'on_hand' || total.path.length === 0)) total.path = m.path;
  }
  // A fixed order of row updates keeps concurrent PostgreSQL transactions from deadlocking each other.
  return [...totals.values()].sort((a, b) => a.productId - b.productId || a.locationId - b.locationId);
}

async function applyToProjection(
  trx: Db,
  storeId: number,
  totals: ProjectionDelta[],
  at: number,
): Promise<ProjectedQuantity[]> {
  const positions: ProjectedQuantity[] = [];
  // Read the store setting only when a row actually went negative: most operations never need it.
  let allowNegative: boolean | undefined;
  for (const part of chunk(totals, 500)) {
    const rows = await trx
      .insertInto('quantities')
      .values(
        part.map((t) => ({
          storeId,
          productId: t.productId,
          locationId: t.locationId,
          onHand: t.onHand,
          committed: t.committed,
          incoming: t.incoming,
          updatedAt: at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['productId', 'locationId']).doUpdateSet((eb) => ({
          onHand: eb('quantities.onHand', '+', eb.ref('excluded.onHand')),
          committed: eb('quantities.committed', '+', eb.ref('excluded.committed')),
          incoming: eb('quantities.incoming', '+', eb.ref('excluded.incoming')),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .returning(['productId', 'locationId', 'onHand', 'committed', 'incoming'])
      .execute();
    positions.push(...rows);

    const byKey = new Map(part.map((t) => [`${t.productId}:${t.locationId}`, t]));
    for (const row of rows) {
      const total = byKey.get(`${row.productId}:${row.locationId}`)!;
      if (row.onHand < 0 && total.onHand < 0) allowNegative ??= await storeAllowsNegative(trx, storeId);
      if (row.onHand < 0 && total.onHand < 0 && !allowNegative) {
        const product = await trx
          .selectFrom('products')
          .select('sku')
          .where('id', '=', row.productId)
          .executeTakeFirst();
        throw new InsufficientStockError(
          product?.sku ?? String(row.productId),
          row.locationId,
          row.onHand,
          total.path,
        );
      }
      // Committed and incoming are ours alone: a negative value means an operation released more than it held.
      if (row.committed < 0 || row.incoming < 0) {
        throw new InvalidStateError(
          `ledger invariant broken for product ${row.productId}: committed ${row.committed}, incoming ${row.incoming}`,
        );
      }
    }
  }
  return positions;
}

async function storeAllowsNegative(trx: Db, storeId: number): Promise<boolean> {
  const store = await trx
    .selectFrom('stores')
    .select('allowNegative')
    .where('id', '=', storeId)
    .executeTakeFirst();
  return store?.allowNegative === 1;
}
