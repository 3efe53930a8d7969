import type { Db } from '../db/connect.ts';
import type { PurchaseOrderStatus } from '../db/schema.ts';

export interface PurchaseOrderLine {
  id: number;
  productId: number;
  sku: string;
  quantity: number;
  /** Everything received so far; may exceed `quantity` (see README, "Over-receipt"). */
  received: number;
  /** max(quantity - received, 0): what is still counted as incoming. */
  outstanding: number;
}

export interface PurchaseOrderHeader {
  id: number;
  storeId: number;
  number: string;
  supplier: string | null;
  locationId: number;
  status: PurchaseOrderStatus;
  createdAt: number;
  updatedAt: number;
}

export interface PurchaseOrder extends PurchaseOrderHeader {
  lines: PurchaseOrderLine[];
}

export const purchaseOrderColumns = [
  'id',
  'storeId',
  'number',
  'supplier',
  'locationId',
  'status',
  'createdAt',
  'updatedAt',
] as const;

export const outstandingOf = (line: { quantity: number; received: number }): number =>
  Math.max(line.quantity - line.received, 0);

/** The order's lines, by id. Nothing is outstanding on a cancelled order. */
export async function loadPurchaseOrderLines(
  db: Db,
  storeId: number,
  order: { id: number; status: PurchaseOrderStatus },
): Promise<PurchaseOrderLine[]> {
  const lines = await db
    .selectFrom('purchaseOrderLines as l')
    .innerJoin('products as p', 'p.id', 'l.productId')
    .select(['l.id', 'l.productId', 'p.sku', 'l.quantity', 'l.received'])
    .where('l.storeId', '=', storeId)
    .where('l.orderId', '=', order.id)
    .orderBy('l.id')
    .execute();
  const cancelled = order.status === 'cancelled';
  return lines.map((line) => ({ ...line, outstanding: cancelled ? 0 : outstandingOf(line) }));
}
