import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { InvalidStateError, ValidationError } from '../errors.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { resolveLineTargets, type TargetedLine } from '../shared/order-line-targets.ts';
import { parseInput } from '../validation/parse-input.ts';
import { claimSalesOrder } from './claim-sales-order.ts';
import {
  allocationMovements,
  causeTypeOf,
  loadSalesOrderLines,
  type SalesOrder,
  type SalesOrderLine,
  statusOf,
} from './sales-order.ts';
import { type ShipmentInput, shipmentInputSchema } from './sales-order-input.ts';

/**
 * Ships some or all of an open order: for each shipped unit, its allocations leave on hand and are no longer
 * committed. Without `lines`, everything still outstanding ships. Shipping more than a line has outstanding
 * is a ValidationError at that line's `quantity`; the order moves to `partially_shipped` or `shipped`.
 *
 * @example
 * await shipSalesOrder(db, storeId, order.id, { lines: [{ sku: 'MUG', quantity: 1 }] });
 */
export async function shipSalesOrder(
  db: Db,
  storeId: number,
  orderId: number,
  input: ShipmentInput = {},
  options: OperationOptions = {},
): Promise<SalesOrder> {
  const data = parseInput(shipmentInputSchema, input, 'shipment');
  const key = idempotencyKeyOf(options);
  const request = { orderId, ...data };
  return runIdempotent(db, { storeId, key, operation: 'sales_order.ship', request }, async (trx) => {
    const order = await claimSalesOrder(trx, storeId, orderId, ['open', 'partially_shipped'], 'shipped');
    const lines = await loadSalesOrderLines(trx, storeId, order.id);
    const shipments = data.lines
      ? resolveLineTargets(lines, data.lines, 'shipment')
      : lines
          .map((line, index) => ({ line, quantity: line.outstanding, index }))
          .filter((s) => s.quantity > 0);
    assertWithinOutstanding(shipments);

    await markShipped(trx, storeId, shipments);
    await recordMovements(trx, {
      storeId,
      cause: { type: causeTypeOf(order), ref: String(order.id) },
      idempotencyKey: key ?? null,
      movements: allocationMovements(
        shipments.map((s) => ({
          allocations: s.line.allocations,
          units: s.quantity,
          path: ['lines', s.index],
        })),
        order.locationId,
        { on_hand: -1, committed: -1 },
      ),
    });

    const shippedNow = new Map(shipments.map((s) => [s.line.id, s.quantity]));
    const after = lines.map((line) => {
      const n = shippedNow.get(line.id) ?? 0;
      return { ...line, shipped: line.shipped + n, outstanding: line.outstanding - n };
    });
    const status = statusOf(after);
    await trx.updateTable('salesOrders').set({ status }).where('id', '=', order.id).execute();
    return { ...order, status, lines: after };
  });
}

function assertWithinOutstanding(shipments: readonly TargetedLine<SalesOrderLine>[]): void {
  const issues = shipments.flatMap((s) =>
    s.quantity > s.line.outstanding
      ? [
          {
            path: ['lines', s.index, 'quantity'],
            message: `only ${s.line.outstanding} of ${s.line.sku} (line ${s.line.id}) left to ship`,
          },
        ]
      : [],
  );
  if (issues.length > 0) throw new ValidationError('over-shipment', issues);
}

/**
 * One conditional update for all shipped lines: a line only changes while the shipment still fits, so even a
 * writer that bypassed the order claim could not push `shipped + cancelled` past the ordered quantity.
 */
async function markShipped(trx: Db, storeId: number, shipments: readonly TargetedLine<SalesOrderLine>[]) {
  if (shipments.length === 0) return;
  const amount = sql<number>`case ${sql.ref('id')} ${sql.join(
    shipments.map((s) => sql`when ${s.line.id} then ${s.quantity}`),
    sql` `,
  )} else 0 end`;
  const updated = await trx
    .updateTable('salesOrderLines')
    .set((eb) => ({ shipped: eb('shipped', '+', amount) }))
    .where('storeId', '=', storeId)
    .where(
      'id',
      'in',
      shipments.map((s) => s.line.id),
    )
    .where((eb) => eb(eb(eb('shipped', '+', eb.ref('cancelled')), '+', amount), '<=', eb.ref('quantity')))
    .returning('id')
    .execute();
  if (updated.length !== shipments.length) throw new InvalidStateError('the order changed while shipping it');
}
