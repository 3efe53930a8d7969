import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Bucket } from '../db/schema.ts';
import { preparedQuery } from '../db/statement-cache.ts';
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
  /**
   * Return the touched projection rows as `positions` (default true). Bulk callers that do not need them
   * pass false: rows are then read back only where a decrease has to be checked.
   */
  positions?: boolean;
}

export interface RecordedMovements {
  /** Number of movements written (zero deltas are dropped). */
  count: number;
  /** Products whose on-hand or committed quantity changed (and so were marked dirty, with their kits). */
  changedProductIds: number[];
  /**
   * The projection rows the movements touched, as they are after this change (inside the transaction);
   * empty when the input asked for no positions.
   */
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

  for (const part of chunk(movements, MOVEMENT_ROWS)) {
    const params: unknown[] = [
      input.storeId,
      input.cause.type,
      input.cause.ref,
      input.idempotencyKey ?? null,
      at,
    ];
    for (const m of part) params.push(m.productId, m.locationId, m.bucket, m.delta);
    await insertMovements(trx, part.length, params);
  }

  const totals = sumByProductLocation(movements);
  const positions = await applyToProjection(trx, input.storeId, totals, at, input.positions !== false);

  const changedProductIds = [
    ...new Set(totals.filter((t) => t.onHand !== 0 || t.committed !== 0).map((t) => t.productId)),
  ];
  await markDirty(trx, { storeId: input.storeId, products: changedProductIds, cause: input.cause });
  return { count: movements.length, changedProductIds, positions };
}

// Rows per statement: far below both dialects' bound-parameter limits.
const MOVEMENT_ROWS = 1000;
const PROJECTION_ROWS = 1000;

// The two statements every ledger change runs are prepared templates (see preparedQuery): with the query
// builder, building them cost more than SQLite took to run them (bench/ledger-ops).

/** Params: store, cause type, cause ref, idempotency key, at, then (product, location, bucket, delta) per row. */
const insertMovements = preparedQuery<never>((slot, rows) => {
  const values = Array.from({ length: rows }, (_, r) => {
    const at = 5 + r * 4;
    return sql`(${slot(0)}, ${slot(at)}, ${slot(at + 1)}, ${slot(at + 2)}, ${slot(at + 3)}, ${slot(1)}, ${slot(2)}, ${slot(3)}, ${slot(4)})`;
  });
  return sql`insert into movements
    (store_id, product_id, location_id, bucket, delta, cause_type, cause_ref, idempotency_key, at)
    values ${sql.join(values)}`;
});

/**
 * Params: store, at, then (product, location, on hand, committed, incoming) deltas per row. Reading the rows
 * back (RETURNING) more than doubles the statement's cost, so a shape says whether to.
 */
const upsertProjection = preparedQuery<ProjectedQuantity, `${number}:${'read' | 'write'}`>((slot, shape) => {
  const [count, mode] = shape.split(':');
  const rows = Number(count);
  const values = Array.from({ length: rows }, (_, r) => {
    const at = 2 + r * 5;
    return sql`(${slot(0)}, ${slot(at)}, ${slot(at + 1)}, ${slot(at + 2)}, ${slot(at + 3)}, ${slot(at + 4)}, ${slot(1)})`;
  });
  return sql<ProjectedQuantity>`insert into quantities
    (store_id, product_id, location_id, on_hand, committed, incoming, updated_at)
    values ${sql.join(values)}
    on conflict (product_id, location_id) do update set
      on_hand = quantities.on_hand + excluded.on_hand,
      committed = quantities.committed + excluded.committed,
      incoming = quantities.incoming + excluded.incoming,
      updated_at = excluded.updated_at
    ${mode === 'read' ? sql`returning product_id, location_id, on_hand, committed, incoming` : sql``}`;
});

interface ProjectionDelta {
  productId: number;
  locationId: number;
  onHand: number;
  committed: number;
  incoming: number;
  path: (string | number)[];
}

function sumByProductLocation(movements: readonly MovementInput[]): ProjectionDelta[] {
  // Keyed by location, then product: numbers, since building a string key per movement costs more than the
  // lookups in a 10,000-row upload.
  const byLocation = new Map<number, Map<number, ProjectionDelta>>();
  const totals: ProjectionDelta[] = [];
  for (const m of movements) {
    let byProduct = byLocation.get(m.locationId);
    if (!byProduct) {
      byProduct = new Map();
      byLocation.set(m.locationId, byProduct);
    }
    let total = byProduct.get(m.productId);
    if (!total) {
      total = {
        productId: m.productId,
        locationId: m.locationId,
        onHand: 0,
        committed: 0,
        incoming: 0,
        path: [],
      };
      byProduct.set(m.productId, total);
      totals.push(total);
    }
    if (m.bucket === 'on_hand') total.onHand += m.delta;
    else if (m.bucket === 'committed') total.committed += m.delta;
    else total.incoming += m.delta;
    if (m.path && (m.bucket === 'on_hand' || total.path.length === 0)) total.path = m.path;
  }
  // A fixed order of row updates keeps concurrent PostgreSQL transactions from deadlocking each other.
  return totals.sort((a, b) => a.productId - b.productId || a.locationId - b.locationId);
}

async function applyToProjection(
  trx: Db,
  storeId: number,
  totals: ProjectionDelta[],
  at: number,
  wantPositions: boolean,
): Promise<ProjectedQuantity[]> {
  const positions: ProjectedQuantity[] = [];
  // Read the store setting only when a row actually went negative: most operations never need it.
  let allowNegative: boolean | undefined;
  for (const part of chunk(totals, PROJECTION_ROWS)) {
    const params: unknown[] = [storeId, at];
    for (const t of part) params.push(t.productId, t.locationId, t.onHand, t.committed, t.incoming);
    // Only a decrease can break a check below; a chunk of increases need not be read back. The chunks keep
    // the sorted order either way (the lock order on PostgreSQL).
    const read = wantPositions || part.some((t) => t.onHand < 0 || t.committed < 0 || t.incoming < 0);
    const { rows } = await upsertProjection(trx, `${part.length}:${read ? 'read' : 'write'}`, params);
    if (wantPositions) positions.push(...rows);
    if (!read) continue;

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
