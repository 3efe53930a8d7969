import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { type MovementInput, recordMovements } from '../ledger/record-movements.ts';
import { resolveLineTargets, type TargetedLine } from '../shared/order-line-targets.ts';
import { parseInput } from '../validation/parse-input.ts';
import { claimPurchaseOrder } from './claim-purchase-order.ts';
import {
  loadPurchaseOrderLines,
  outstandingOf,
  type PurchaseOrder,
  type PurchaseOrderLine,
} from './purchase-order.ts';
import { type ReceiptInput, receiptInputSchema } from './purchase-order-input.ts';

/**
 * Receives goods against an open or partially received purchase order (partial receipts allowed).
 *
 * Over-receipt rule: the whole received quantity goes to on hand (it is physically there); incoming drops
 * only by what was still outstanding on the line (min(received, outstanding)); the line's `received`
 * records the total, which may exceed the ordered quantity. A receipt quantity of zero or less is a
 * ValidationError. The order becomes `received` once every line has received at least its quantity,
 * otherwise `partially_received`; a received or cancelled order takes no more receipts.
 *
 * @example
 * await receivePurchaseOrder(db, storeId, po.id, { lines: [{ sku: 'MUG', quantity: 24 }] });
 */
export async function receivePurchaseOrder(
  db: Db,
  storeId: number,
  orderId: number,
  input: ReceiptInput,
  options: OperationOptions = {},
): Promise<PurchaseOrder> {
  const data = parseInput(receiptInputSchema, input, 'receipt');
  const key = idempotencyKeyOf(options);
  const request = { orderId, ...data };
  return runIdempotent(db, { storeId, key, operation: 'purchase_order.receive', request }, async (trx) => {
    const order = await claimPurchaseOrder(trx, storeId, orderId, ['open', 'partially_received'], 'received');
    const lines = await loadPurchaseOrderLines(trx, storeId, order);
    const receipts = resolveLineTargets(lines, data.lines, 'receipt');

    await addReceived(trx, storeId, receipts);
    await recordMovements(trx, {
      storeId,
      cause: { type: 'purchase_order', ref: String(order.id) },
      idempotencyKey: key ?? null,
      movements: receipts.flatMap((r): MovementInput[] => {
        const base = { productId: r.line.productId, locationId: order.locationId, path: ['lines', r.index] };
        return [
          { ...base, bucket: 'on_hand', delta: r.quantity },
          { ...base, bucket: 'incoming', delta: -Math.min(r.quantity, r.line.outstanding) },
        ];
      }),
    });

    const receivedNow = new Map(receipts.map((r) => [r.line.id, r.quantity]));
    const after = lines.map((line) => {
      const received = line.received + (receivedNow.get(line.id) ?? 0);
      return { ...line, received, outstanding: outstandingOf({ quantity: line.quantity, received }) };
    });
    const status = after.every((l) => l.outstanding === 0) ? 'received' : 'partially_received';
    await trx.updateTable('purchaseOrders').set({ status }).where('id', '=', order.id).execute();
    return { ...order, status, lines: after };
  });
}

/** One multi-row update: `received += n` for every line of the receipt. */
async function addReceived(trx: Db, storeId: number, receipts: readonly TargetedLine<PurchaseOrderLine>[]) {
  const amount = sql<number>`case ${sql.ref('id')} ${sql.join(
    receipts.map((r) => sql`when ${r.line.id} then ${r.quantity}`),
    sql` `,
  )} else 0 end`;
  await trx
    .updateTable('purchaseOrderLines')
    .set((eb) => ({ received: eb('received', '+', amount) }))
    .where('storeId', '=', storeId)
    .where(
      'id',
      'in',
      receipts.map((r) => r.line.id),
    )
    .execute();
}
