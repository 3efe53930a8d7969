import type { Db } from '../db/connect.ts';
import type { MadeBy } from './made-by.ts';

export interface AdjustmentLine {
  sku: string;
  productId: number;
  locationId: number;
  /** set: `quantity` is the counted on hand; delta: `quantity` is the change asked for. */
  mode: 'set' | 'delta';
  quantity: number;
  /** On hand at the location just before the adjustment. */
  before: number;
  after: number;
  /** What the line moved on hand by (for a set: the count minus the on hand before). */
  delta: number;
}

export interface Adjustment {
  id: number;
  storeId: number;
  reason: string;
  note: string | null;
  madeBy: MadeBy;
  createdAt: number;
  lines: AdjustmentLine[];
}

export interface AdjustmentRow {
  id: number;
  storeId: number;
  reason: string;
  note: string | null;
  madeByKind: MadeBy['kind'];
  madeById: string | null;
  madeByName: string | null;
  createdAt: number;
}

export const adjustmentColumns = [
  'a.id',
  'a.storeId',
  'a.reason',
  'a.note',
  'a.madeByKind',
  'a.madeById',
  'a.madeByName',
  'a.createdAt',
] as const;

/** The adjustments' lines in one query, each adjustment's in the order they were given. */
export async function withLines(
  db: Db,
  storeId: number,
  rows: readonly AdjustmentRow[],
): Promise<Adjustment[]> {
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom('adjustmentLines as l')
    .innerJoin('products as p', 'p.id', 'l.productId')
    .select([
      'l.adjustmentId',
      'p.sku',
      'l.productId',
      'l.locationId',
      'l.mode',
      'l.quantity',
      'l.onHandBefore as before',
      'l.onHandAfter as after',
      'l.delta',
    ])
    .where('l.storeId', '=', storeId)
    .where(
      'l.adjustmentId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('l.id')
    .execute();
  const byAdjustment = new Map<number, AdjustmentLine[]>();
  for (const { adjustmentId, ...line } of lines) {
    const list = byAdjustment.get(adjustmentId);
    if (list) list.push(line);
    else byAdjustment.set(adjustmentId, [line]);
  }
  return rows.map(({ madeByKind, madeById, madeByName, ...row }) => ({
    ...row,
    madeBy: { kind: madeByKind, id: madeById, name: madeByName },
    lines: byAdjustment.get(row.id) ?? [],
  }));
}
