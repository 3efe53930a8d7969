import type { Db } from '../db/connect.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { type MovementInput, recordMovements } from '../ledger/record-movements.ts';
import { claimWorkOrder } from './claim-work-order.ts';
import { loadWorkOrderComponents, type WorkOrder } from './work-order.ts';

/**
 * Completes an in-progress work order: each component's required quantity leaves on hand and is no longer
 * committed, and the finished assembly's on hand grows by the order's quantity. With negative stock
 * forbidden, a component short on hand rejects the completion (InsufficientStockError) and nothing changes.
 */
export async function completeWorkOrder(
  db: Db,
  storeId: number,
  workOrderId: number,
  options: OperationOptions = {},
): Promise<WorkOrder> {
  const key = idempotencyKeyOf(options);
  const request = { workOrderId };
  return runIdempotent(db, { storeId, key, operation: 'work_order.complete', request }, async (trx) => {
    const order = await claimWorkOrder(trx, storeId, workOrderId, 'completed', 'completed');
    const components = await loadWorkOrderComponents(trx, order.id);
    const at = { locationId: order.locationId, path: ['components'] };
    await recordMovements(trx, {
      storeId,
      cause: { type: 'work_order', ref: String(order.id) },
      idempotencyKey: key ?? null,
      movements: [
        ...components.flatMap((c): MovementInput[] => [
          { ...at, productId: c.productId, bucket: 'on_hand', delta: -c.required },
          { ...at, productId: c.productId, bucket: 'committed', delta: -c.required },
        ]),
        { ...at, productId: order.productId, bucket: 'on_hand', delta: order.quantity, path: ['quantity'] },
      ],
    });
    return { ...order, components };
  });
}
