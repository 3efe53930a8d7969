import type { Db } from '../db/connect.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { resolveLocationId } from '../locations/locations.ts';
import { productIdsBySku } from '../products/products.ts';
import { stockedComponents } from '../products/stocked-components.ts';
import { chunk } from '../shared/chunk.ts';
import { now } from '../shared/time.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { WorkOrder } from './work-order.ts';
import { type WorkOrderInput, workOrderInputSchema } from './work-order-input.ts';

/**
 * Creates and starts a work order that builds `quantity` of an assembly. The bill of materials is the
 * assembly's components (kits among them replaced by their own components), copied into the order with
 * `required = per unit x quantity`; starting commits those components at the order's location.
 *
 * @example
 * const wo = await createWorkOrder(db, storeId, { number: 'WO-1', sku: 'GIFT-BOX', quantity: 10 });
 */
export async function createWorkOrder(
  db: Db,
  storeId: number,
  input: WorkOrderInput,
  options: OperationOptions = {},
): Promise<WorkOrder> {
  const data = parseInput(workOrderInputSchema, input, 'work order');
  const key = idempotencyKeyOf(options);
  return runIdempotent(db, { storeId, key, operation: 'work_order.create', request: data }, async (trx) => {
    const product = (await productIdsBySku(trx, storeId, [data.sku])).get(data.sku);
    if (!product)
      throw new ValidationError('invalid work order', [
        { path: ['sku'], message: `unknown SKU "${data.sku}"` },
      ]);
    if (product.kind !== 'assembly') {
      throw new ValidationError('invalid work order', [
        {
          path: ['sku'],
          message: `${data.sku} is a ${product.kind} product; only assemblies are built by work orders`,
        },
      ]);
    }
    const perUnit = (await stockedComponents(trx, storeId, [product.id])).get(product.id)!;
    if (perUnit.length === 0) {
      throw new ValidationError('invalid work order', [
        { path: ['sku'], message: `assembly ${data.sku} has no components (bill of materials)` },
      ]);
    }
    const locationId = await resolveLocationId(trx, storeId, data.locationId);

    const at = now();
    const order = await trx
      .insertInto('workOrders')
      .values({
        storeId,
        number: data.number,
        productId: product.id,
        quantity: data.quantity,
        locationId,
        status: 'in_progress',
        createdAt: at,
        updatedAt: at,
      })
      .onConflict((oc) => oc.columns(['storeId', 'number']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!order) throw new ConflictError(`work order ${data.number} already exists`, ['number']);

    const components = perUnit.map((c) => ({
      productId: c.productId,
      sku: c.sku,
      required: c.perUnit * data.quantity,
    }));
    for (const part of chunk(components, 1000)) {
      await trx
        .insertInto('workOrderComponents')
        .values(part.map((c) => ({ workOrderId: order.id, productId: c.productId, required: c.required })))
        .execute();
    }
    await recordMovements(trx, {
      storeId,
      cause: { type: 'work_order', ref: String(order.id) },
      idempotencyKey: key ?? null,
      movements: components.map((c) => ({
        productId: c.productId,
        locationId,
        bucket: 'committed' as const,
        delta: c.required,
        path: ['sku'],
      })),
    });

    return {
      id: order.id,
      storeId,
      number: data.number,
      productId: product.id,
      sku: data.sku,
      quantity: data.quantity,
      locationId,
      status: 'in_progress',
      createdAt: at,
      updatedAt: at,
      components,
    };
  });
}
