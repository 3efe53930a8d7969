import type { Db } from '../db/connect.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { claimPurchaseOrder } from './claim-purchase-order.ts';
import { loadPurchaseOrderLines, type PurchaseOrder } from './purchase-order.ts';

/**
 * Cancels an open or partially received purchase order: the outstanding quantities stop counting as
 * incoming; what was already received stays on hand. A received or cancelled order cannot be cancelled.
 */
export async function cancelPurchaseOrder(
  db: Db,
  storeId: number,
  orderId: number,
  options: OperationOptions = {},
): Promise<PurchaseOrder> {
  const key = idempotencyKeyOf(options);
  const request = { orderId };
  return runIdempotent(db, { storeId, key, operation: 'purchase_order.cancel', request }, async (trx) => {
    const order = await claimPurchaseOrder(
      trx,
      storeId,
      orderId,
      ['open', 'partially_received'],
      'cancelled',
      'cancelled',
    );
    // Loaded as still open: the outstanding quantities are what incoming must drop by.
    const lines = await loadPurchaseOrderLines(trx, storeId, { id: order.id, status: 'open' });
    await recordMovements(trx, {
      storeId,
      cause: { type: 'purchase_order', ref: String(order.id) },
      idempotencyKey: key ?? null,
      movements: lines.map((line, i) => ({
        productId: line.productId,
        locationId: order.locationId,
        bucket: 'incoming' as const,
        delta: -line.outstanding,
        path: ['lines', i],
      })),
    });
    return { ...order, lines: lines.map((line) => ({ ...line, outstanding: 0 })) };
  });
}
