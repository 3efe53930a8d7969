import type { Db } from '../db/connect.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { claimSalesOrder } from './claim-sales-order.ts';
import { allocationMovements, causeTypeOf, loadSalesOrderLines, type SalesOrder } from './sales-order.ts';

/**
 * Cancels an open or partially shipped order: whatever is still committed (the unshipped remainder) is
 * released; what already shipped stays shipped. A shipped or cancelled order cannot be cancelled.
 */
export async function cancelSalesOrder(
  db: Db,
  storeId: number,
  orderId: number,
  options: OperationOptions = {},
): Promise<SalesOrder> {
  const key = idempotencyKeyOf(options);
  return runIdempotent(
    db,
    { storeId, key, operation: 'sales_order.cancel', request: { orderId } },
    async (trx) => {
      const order = await claimSalesOrder(
        trx,
        storeId,
        orderId,
        ['open', 'partially_shipped'],
        'cancelled',
        'cancelled',
      );
      const lines = await loadSalesOrderLines(trx, storeId, order.id);
      await trx
        .updateTable('salesOrderLines')
        .set((eb) => ({ cancelled: eb('quantity', '-', eb.ref('shipped')) }))
        .where('storeId', '=', storeId)
        .where('orderId', '=', order.id)
        .execute();
      await recordMovements(trx, {
        storeId,
        cause: { type: causeTypeOf(order), ref: String(order.id) },
        idempotencyKey: key ?? null,
        movements: allocationMovements(
          lines.map((line, i) => ({
            allocations: line.allocations,
            units: line.outstanding,
            path: ['lines', i],
          })),
          order.locationId,
          { committed: -1 },
        ),
      });
      return {
        ...order,
        lines: lines.map((line) => ({
          ...line,
          cancelled: line.cancelled + line.outstanding,
          outstanding: 0,
        })),
      };
    },
  );
}
