import type { Db } from '../db/connect.ts';
import { NotFoundError } from '../errors.ts';
import { decodeCursor, type Page, toPage } from '../shared/keyset-cursor.ts';
import { parseInput } from '../validation/parse-input.ts';
import {
  loadPurchaseOrderLines,
  type PurchaseOrder,
  type PurchaseOrderHeader,
  purchaseOrderColumns,
} from './purchase-order.ts';
import { type PurchaseOrderListQuery, purchaseOrderListSchema } from './purchase-order-input.ts';

/** One purchase order of the store with its lines; another store's id is not found. */
export async function getPurchaseOrder(db: Db, storeId: number, orderId: number): Promise<PurchaseOrder> {
  if (!Number.isSafeInteger(orderId) || orderId <= 0) throw new NotFoundError('purchase order', ['orderId']);
  const order = await db
    .selectFrom('purchaseOrders')
    .select(purchaseOrderColumns)
    .where('id', '=', orderId)
    .where('storeId', '=', storeId)
    .executeTakeFirst();
  if (!order) throw new NotFoundError('purchase order', ['orderId']);
  return { ...order, lines: await loadPurchaseOrderLines(db, storeId, order) };
}

/** The store's purchase orders, newest first, optionally of one status; keyset-paginated by `cursor`. */
export async function listPurchaseOrders(
  db: Db,
  storeId: number,
  query: PurchaseOrderListQuery = {},
): Promise<Page<PurchaseOrderHeader>> {
  const data = parseInput(purchaseOrderListSchema, query, 'purchase order query');
  let select = db
    .selectFrom('purchaseOrders')
    .select(purchaseOrderColumns)
    .where('storeId', '=', storeId)
    .orderBy('id', 'desc')
    .limit(data.limit + 1);
  if (data.status !== undefined) select = select.where('status', '=', data.status);
  if (data.cursor !== undefined) select = select.where('id', '<', decodeCursor(data.cursor));
  return toPage(await select.execute(), data.limit);
}
