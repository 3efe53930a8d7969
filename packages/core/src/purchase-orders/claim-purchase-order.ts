import type { Db } from '../db/connect.ts';
import type { PurchaseOrderStatus } from '../db/schema.ts';
import { InvalidStateError, NotFoundError } from '../errors.ts';
import { now } from '../shared/time.ts';
import { type PurchaseOrderHeader, purchaseOrderColumns } from './purchase-order.ts';

/**
 * Takes the order for a state change with one conditional update (store, allowed states, optional new
 * state). On PostgreSQL the row stays locked until commit, so receipts and cancellations of one order
 * run one after the other.
 */
export async function claimPurchaseOrder(
  trx: Db,
  storeId: number,
  orderId: number,
  from: readonly PurchaseOrderStatus[],
  action: string,
  to?: PurchaseOrderStatus,
): Promise<PurchaseOrderHeader> {
  if (!Number.isSafeInteger(orderId) || orderId <= 0) throw new NotFoundError('purchase order', ['orderId']);
  const claimed = await trx
    .updateTable('purchaseOrders')
    .set({ updatedAt: now(), ...(to && { status: to }) })
    .where('id', '=', orderId)
    .where('storeId', '=', storeId)
    .where('status', 'in', from)
    .returning(purchaseOrderColumns)
    .executeTakeFirst();
  if (claimed) return claimed;
  const existing = await trx
    .selectFrom('purchaseOrders')
    .select(['number', 'status'])
    .where('id', '=', orderId)
    .where('storeId', '=', storeId)
    .executeTakeFirst();
  if (!existing) throw new NotFoundError('purchase order', ['orderId']);
  throw new InvalidStateError(
    `purchase order ${existing.number} is ${existing.status.replace('_', ' ')} and cannot be ${action}`,
  );
}
