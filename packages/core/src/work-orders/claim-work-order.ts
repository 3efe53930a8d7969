import type { Db } from '../db/connect.ts';
import type { WorkOrderStatus } from '../db/schema.ts';
import { InvalidStateError, NotFoundError } from '../errors.ts';
import { now } from '../shared/time.ts';
import { type WorkOrderHeader, workOrderSelection } from './work-order.ts';

/**
 * Moves an in-progress work order to `to` with one conditional update, so two concurrent completions (or a
 * completion and a cancellation) cannot both succeed. Returns the order as it now is.
 */
export async function claimWorkOrder(
  trx: Db,
  storeId: number,
  workOrderId: number,
  to: WorkOrderStatus,
  action: string,
): Promise<WorkOrderHeader> {
  if (!Number.isSafeInteger(workOrderId) || workOrderId <= 0)
    throw new NotFoundError('work order', ['workOrderId']);
  const claimed = await trx
    .updateTable('workOrders')
    .set({ status: to, updatedAt: now() })
    .where('id', '=', workOrderId)
    .where('storeId', '=', storeId)
    .where('status', '=', 'in_progress')
    .returning('id')
    .executeTakeFirst();
  const order = await trx
    .selectFrom('workOrders as w')
    .innerJoin('products as p', 'p.id', 'w.productId')
    .select(workOrderSelection)
    .where('w.id', '=', workOrderId)
    .where('w.storeId', '=', storeId)
    .executeTakeFirst();
  if (!order) throw new NotFoundError('work order', ['workOrderId']);
  if (!claimed) {
    throw new InvalidStateError(
      `work order ${order.number} is ${order.status.replace('_', ' ')} and cannot be ${action}`,
    );
  }
  return order;
}
