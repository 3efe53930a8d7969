import type { Db } from '../db/connect.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { claimWorkOrder } from './claim-work-order.ts';
import { loadWorkOrderComponents, type WorkOrder } from './work-order.ts';

/** Cancels an in-progress work order, releasing its committed components. */
export async function cancelWorkOrder(
  db: Db,
  storeId: number,
  workOrderId: number,
  options: OperationOptions = {},
): Promise<WorkOrder> {
  const key = idempotencyKeyOf(options);
  const request = { workOrderId };
  return runIdempotent(db, { storeId, key, operation: 'work_order.cancel', request }, async (trx) => {
    const order = await claimWorkOrder(trx, storeId, workOrderId, 'cancelled', 'cancelled');
    const components = await loadWorkOrderComponents(trx, order.id);
    await recordMovements(trx, {
      storeId,
      cause: { type: 'work_order', ref: String(order.id) },
      idempotencyKey: key ?? null,
      movements: components.map((c) => ({
        productId: c.productId,
        locationId: order.locationId,
        bucket: 'committed' as const,
        delta: -c.required,
      })),
    });
    return { ...order, components };
  });
}
