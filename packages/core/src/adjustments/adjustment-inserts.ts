import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { preparedQuery, slotTuples } from '../db/statement-cache.ts';
import { chunk } from '../shared/chunk.ts';
import type { AdjustmentLine } from './adjustment.ts';
import type { MadeBy } from './made-by.ts';

// An adjustment is a single ledger operation (bench/ledger-ops): its inserts are prepared templates, not
// rebuilt by the query builder each time (see preparedQuery).

/** Params: store, reason, note, made by (kind, id, name), at. */
const insertHeader = preparedQuery<{ id: number }>(
  (
    slot,
  ) => sql`insert into adjustments (store_id, reason, note, made_by_kind, made_by_id, made_by_name, created_at)
    values (${slot(0)}, ${slot(1)}, ${slot(2)}, ${slot(3)}, ${slot(4)}, ${slot(5)}, ${slot(6)}) returning id`,
);

const LINE_COLUMNS = 9;

/** Params: (store, adjustment, product, location, mode, quantity, delta, before, after) per line. */
const insertLines = preparedQuery<never>(
  (slot, rows) => sql`insert into adjustment_lines
    (store_id, adjustment_id, product_id, location_id, mode, quantity, delta, on_hand_before, on_hand_after)
    values ${slotTuples(slot, 0, rows, LINE_COLUMNS)}`,
);

// Rows per statement: 9 parameters each stays far below both dialects' bound-parameter limits.
const ROWS = 500;

export interface NewAdjustmentHeader {
  storeId: number;
  reason: string;
  note: string | null;
  madeBy: MadeBy;
  at: number;
}

/** Inserts an adjustment's header and returns its id. */
export async function insertAdjustmentHeader(trx: Db, header: NewAdjustmentHeader): Promise<number> {
  const { storeId, reason, note, madeBy, at } = header;
  const { rows } = await insertHeader(trx, 0, [
    storeId,
    reason,
    note,
    madeBy.kind,
    madeBy.id,
    madeBy.name,
    at,
  ]);
  return rows[0]!.id;
}

export async function insertAdjustmentLines(
  trx: Db,
  storeId: number,
  adjustmentId: number,
  lines: readonly AdjustmentLine[],
): Promise<void> {
  for (const part of chunk(lines, ROWS)) {
    const params: unknown[] = [];
    for (const line of part) {
      params.push(storeId, adjustmentId, line.productId, line.locationId, line.mode, line.quantity);
      params.push(line.delta, line.before, line.after);
    }
    await insertLines(trx, part.length, params);
  }
}
