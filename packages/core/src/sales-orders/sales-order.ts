import type { Db } from '../db/connect.ts';
import type { Bucket, CauseType, SalesOrderStatus } from '../db/schema.ts';
import type { MovementInput } from '../ledger/record-movements.ts';

export interface SalesOrderAllocation {
  productId: number;
  sku: string;
  /** Units of this product one unit of the line takes (fixed when the order was created). */
  perUnit: number;
}

export interface SalesOrderLine {
  id: number;
  productId: number;
  sku: string;
  quantity: number;
  shipped: number;
  cancelled: number;
  /** quantity - shipped - cancelled: what is still committed. */
  outstanding: number;
  allocations: SalesOrderAllocation[];
}

export interface SalesOrderHeader {
  id: number;
  storeId: number;
  number: string;
  channelId: number | null;
  locationId: number;
  status: SalesOrderStatus;
  createdAt: number;
  updatedAt: number;
}

export interface SalesOrder extends SalesOrderHeader {
  lines: SalesOrderLine[];
}

export const salesOrderColumns = [
  'id',
  'storeId',
  'number',
  'channelId',
  'locationId',
  'status',
  'createdAt',
  'updatedAt',
] as const;

/** Orders that came from a channel are recorded as channel orders in the ledger. */
export const causeTypeOf = (order: { channelId: number | null }): CauseType =>
  order.channelId === null ? 'sales_order' : 'channel_order';

/** The order's lines (by id) with their allocation snapshots, in two queries. */
export async function loadSalesOrderLines(
  db: Db,
  storeId: number,
  orderId: number,
): Promise<SalesOrderLine[]> {
  const lines = await db
    .selectFrom('salesOrderLines as l')
    .innerJoin('products as p', 'p.id', 'l.productId')
    .select(['l.id', 'l.productId', 'p.sku', 'l.quantity', 'l.shipped', 'l.cancelled'])
    .where('l.storeId', '=', storeId)
    .where('l.orderId', '=', orderId)
    .orderBy('l.id')
    .execute();
  const allocations = await db
    .selectFrom('salesOrderAllocations as a')
    .innerJoin('salesOrderLines as l', 'l.id', 'a.lineId')
    .innerJoin('products as p', 'p.id', 'a.productId')
    .select(['a.lineId', 'a.productId', 'p.sku', 'a.perUnit'])
    .where('l.storeId', '=', storeId)
    .where('l.orderId', '=', orderId)
    .orderBy('a.lineId')
    .orderBy('a.productId')
    .execute();
  const byLine = new Map<number, SalesOrderAllocation[]>();
  for (const { lineId, ...allocation } of allocations) {
    const list = byLine.get(lineId);
    if (list) list.push(allocation);
    else byLine.set(lineId, [allocation]);
  }
  return lines.map((line) => ({
    ...line,
    outstanding: line.quantity - line.shipped - line.cancelled,
    // No stored allocation: the line takes one of its own product per unit (see SalesOrderAllocationsTable).
    allocations: byLine.get(line.id) ?? [{ productId: line.productId, sku: line.sku, perUnit: 1 }],
  }));
}

/**
 * Movements for taking `units` of each line through its allocations, one movement per product and bucket
 * (`sign` per bucket: +1 adds, -1 removes). The path points at the first request line that moved the product.
 */
export function allocationMovements(
  items: readonly {
    allocations: readonly SalesOrderAllocation[];
    units: number;
    path: (string | number)[];
  }[],
  locationId: number,
  sign: Partial<Record<Bucket, 1 | -1>>,
): MovementInput[] {
  const byKey = new Map<string, MovementInput>();
  for (const item of items) {
    for (const allocation of item.allocations) {
      for (const [bucket, s] of Object.entries(sign) as [Bucket, 1 | -1][]) {
        const key = `${allocation.productId}:${bucket}`;
        const delta = s * item.units * allocation.perUnit;
        const movement = byKey.get(key);
        if (movement) movement.delta += delta;
        else byKey.set(key, { productId: allocation.productId, locationId, bucket, delta, path: item.path });
      }
    }
  }
  return [...byKey.values()];
}

/** Status after shipping or cancelling: derived from what is left on the lines. */
export function statusOf(lines: readonly SalesOrderLine[]): SalesOrderStatus {
  if (lines.every((l) => l.outstanding === 0))
    return lines.some((l) => l.shipped > 0) ? 'shipped' : 'cancelled';
  return lines.some((l) => l.shipped > 0) ? 'partially_shipped' : 'open';
}
