import type { Db } from '../db/connect.ts';
import { NotFoundError } from '../errors.ts';
import { decodeCursor, type Page, toPage } from '../shared/keyset-cursor.ts';
import { parseInput } from '../validation/parse-input.ts';
import {
  loadWorkOrderComponents,
  type WorkOrder,
  type WorkOrderHeader,
  workOrderSelection,
} from './work-order.ts';
import { type WorkOrderListQuery, workOrderListSchema } from './work-order-input.ts';

/** One work order of the store with its bill of materials snapshot; another store's id is not found. */
export async function getWorkOrder(db: Db, storeId: number, workOrderId: number): Promise<WorkOrder> {
  if (!Number.isSafeInteger(workOrderId) || workOrderId <= 0)
    throw new NotFoundError('work order', ['workOrderId']);
  const order = await db
    .selectFrom('workOrders as w')
    .innerJoin('products as p', 'p.id', 'w.productId')
    .select(workOrderSelection)
    .where('w.id', '=', workOrderId)
    .where('w.storeId', '=', storeId)
    .executeTakeFirst();
  if (!order) throw new NotFoundError('work order', ['workOrderId']);
  return { ...order, components: await loadWorkOrderComponents(db, order.id) };
}

/** The store's work orders, newest first, optionally of one status; keyset-paginated by `cursor`. */
export async function listWorkOrders(
  db: Db,
  storeId: number,
  query: WorkOrderListQuery = {},
): Promise<Page<WorkOrderHeader>> {
  const data = parseInput(workOrderListSchema, query, 'work order query');
  let select = db
    .selectFrom('workOrders as w')
    .innerJoin('products as p', 'p.id', 'w.productId')
    .select(workOrderSelection)
    .where('w.storeId', '=', storeId)
    .orderBy('w.id', 'desc')
    .limit(data.limit + 1);
  if (data.status !== undefined) select = select.where('w.status', '=', data.status);
  if (data.cursor !== undefined) select = select.where('w.id', '<', decodeCursor(data.cursor));
  return toPage(await select.execute(), data.limit);
}
