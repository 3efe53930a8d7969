import type { Db } from '../db/connect.ts';
import { ConflictError } from '../errors.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { resolveLocationId } from '../locations/locations.ts';
import { resolveLineProducts } from '../products/resolve-line-products.ts';
import { chunk } from '../shared/chunk.ts';
import { now } from '../shared/time.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { PurchaseOrder, PurchaseOrderLine } from './purchase-order.ts';
import { type PurchaseOrderInput, purchaseOrderInputSchema } from './purchase-order-input.ts';

/**
 * Creates a purchase order; its quantities become `incoming` at the order's location until received.
 * Kits have no stock of their own and cannot be purchased (order their components instead).
 *
 * @example
 * await createPurchaseOrder(db, storeId, { number: 'PO-7', supplier: 'Acme', lines: [{ sku: 'MUG', quantity: 48 }] });
 */
export async function createPurchaseOrder(
  db: Db,
  storeId: number,
  input: PurchaseOrderInput,
  options: OperationOptions = {},
): Promise<PurchaseOrder> {
  const data = parseInput(purchaseOrderInputSchema, input, 'purchase order');
  const key = idempotencyKeyOf(options);
  return runIdempotent(
    db,
    { storeId, key, operation: 'purchase_order.create', request: data },
    async (trx) => {
      const products = await resolveLineProducts(trx, storeId, data.lines, {
        what: 'purchase order',
        refuse: { kit: 'a kit has no stock of its own; purchase its components' },
      });
      const locationId = await resolveLocationId(trx, storeId, data.locationId);

      const at = now();
      const order = await trx
        .insertInto('purchaseOrders')
        .values({
          storeId,
          number: data.number,
          supplier: data.supplier ?? null,
          locationId,
          status: 'open',
          createdAt: at,
          updatedAt: at,
        })
        .onConflict((oc) => oc.columns(['storeId', 'number']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!order) throw new ConflictError(`purchase order ${data.number} already exists`, ['number']);

      const lineIds: number[] = [];
      for (const part of chunk(
        data.lines.map((line, i) => ({ line, productId: products[i]!.id })),
        1000,
      )) {
        const rows = await trx
          .insertInto('purchaseOrderLines')
          .values(
            part.map(({ line, productId }) => ({
              storeId,
              orderId: order.id,
              productId,
              quantity: line.quantity,
            })),
          )
          .returning('id')
          .execute();
        // Ids grow in insertion order within one statement; RETURNING order itself is not promised.
        lineIds.push(...rows.map((r) => r.id).sort((a, b) => a - b));
      }

      await recordMovements(trx, {
        storeId,
        cause: { type: 'purchase_order', ref: String(order.id) },
        idempotencyKey: key ?? null,
        movements: data.lines.map((line, i) => ({
          productId: products[i]!.id,
          locationId,
          bucket: 'incoming' as const,
          delta: line.quantity,
          path: ['lines', i],
        })),
      });

      const lines: PurchaseOrderLine[] = data.lines.map((line, i) => ({
        id: lineIds[i]!,
        productId: products[i]!.id,
        sku: products[i]!.sku,
        quantity: line.quantity,
        received: 0,
        outstanding: line.quantity,
      }));
      return {
        id: order.id,
        storeId,
        number: data.number,
        supplier: data.supplier ?? null,
        locationId,
        status: 'open',
        createdAt: at,
        updatedAt: at,
        lines,
      };
    },
  );
}
