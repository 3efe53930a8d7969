import type { Db } from '../db/connect.ts';
import { NotFoundError } from '../errors.ts';
import { decodeCursor, type Page, toPage } from '../shared/keyset-cursor.ts';
import { parseInput } from '../validation/parse-input.ts';
import {
  loadSalesOrderLines,
  type SalesOrder,
  type SalesOrderHeader,
  salesOrderColumns,
} from './sales-order.ts';
import { type SalesOrderListQuery, salesOrderListSchema } from './sales-order-input.ts';

/** One sales order of the store with its lines and allocations; another store's id is not found. */
export async function getSalesOrder(db: Db, storeId: number, orderId: number): Promise<SalesOrder> {
  if (!Number.isSafeInteger(orderId) || orderId <= 0) throw new NotFoundError('sales order', ['orderId']);
  const order = await db
    .selectFrom('salesOrders')
    .select(salesOrderColumns)
    .where('id', '=', orderId)
    .where('storeId', '=', storeId)
    .executeTakeFirst();
  if (!order) throw new NotFoundError('sales order', ['orderId']);
  return { ...order, lines: await loadSalesOrderLines(db, storeId, order.id) };
}

/** The store's sales orders, newest first, optionally of one status; keyset-paginated by `cursor`. */
export async function listSalesOrders(
  db: Db,
  storeId: number,
  query: SalesOrderListQuery = {},
): Promise<Page<SalesOrderHeader>> {
  const data = parseInput(salesOrderListSchema, query, 'sales order query');
  let select = db
    .selectFrom('salesOrders')
    .select(salesOrderColumns)
    .where('storeId', '=', storeId)
    .orderBy('id', 'desc')
    .limit(data.limit + 1);
  if (data.status !== undefined) select = select.where('status', '=', data.status);
  if (data.cursor !== undefined) select = select.where('id', '<', decodeCursor(data.cursor));
  return toPage(await select.execute(), data.limit);
}
