import type { Db } from '../db/connect.ts';
import type { SalesOrderStatus } from '../db/schema.ts';
import { InvalidStateError, NotFoundError } from '../errors.ts';
import { now } from '../shared/time.ts';
import { type SalesOrderHeader, salesOrderColumns } from './sales-order.ts';

/**
 * Takes the order for a state change: one conditional update that checks the store, the allowed states and
 * (optionally) sets the new state. On PostgreSQL it also locks the row, so concurrent shipments and
 * cancellations of one order run one after the other and read each other's results.
 */
export async function claimSalesOrder(
  trx: Db,
  storeId: number,
  orderId: number,
  from: readonly SalesOrderStatus[],
  action: string,
  to?: SalesOrderStatus,
): Promise<SalesOrderHeader> {
  if (!Number.isSafeInteger(orderId) || orderId <= 0) throw new NotFoundError('sales order', ['orderId']);
  const claimed = await trx
    .updateTable('salesOrders')
    .set({ updatedAt: now(), ...(to && { status: to }) })
    .where('id', '=', orderId)
    .where('storeId', '=', storeId)
    .where('status', 'in', from)
    .returning(salesOrderColumns)
    .executeTakeFirst();
  if (claimed) return claimed;
  const existing = await trx
    .selectFrom('salesOrders')
    .select(['number', 'status'])
    .where('id', '=', orderId)
    .where('storeId', '=', storeId)
    .executeTakeFirst();
  if (!existing) throw new NotFoundError('sales order', ['orderId']);
  throw new InvalidStateError(
    `sales order ${existing.number} is ${existing.status.replace('_', ' ')} and cannot be ${action}`,
  );
}
