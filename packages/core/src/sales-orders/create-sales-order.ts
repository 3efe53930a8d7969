import type { Db } from '../db/connect.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { resolveLocationId } from '../locations/locations.ts';
import { resolveLineProducts } from '../products/resolve-line-products.ts';
import { type StockedComponent, stockedComponents } from '../products/stocked-components.ts';
import { now } from '../shared/time.ts';
import { parseInput } from '../validation/parse-input.ts';
import { allocationMovements, causeTypeOf, type SalesOrder, type SalesOrderLine } from './sales-order.ts';
import { type SalesOrderInput, salesOrderInputSchema } from './sales-order-input.ts';
import {
  insertSalesOrderAllocations,
  insertSalesOrderHeader,
  insertSalesOrderLines,
} from './sales-order-inserts.ts';

/**
 * Creates a sales order and commits its stock (`committed` += quantity) at the order's location.
 * A kit line commits its components (through nested kits); the per-unit allocation is stored with the line,
 * so later edits of the kit do not change open orders.
 *
 * @example
 * const order = await createSalesOrder(db, storeId, { number: 'SO-1', lines: [{ sku: 'MUG', quantity: 2 }] });
 */
export async function createSalesOrder(
  db: Db,
  storeId: number,
  input: SalesOrderInput,
  options: OperationOptions = {},
): Promise<SalesOrder> {
  const data = parseInput(salesOrderInputSchema, input, 'sales order');
  const key = idempotencyKeyOf(options);
  return runIdempotent(db, { storeId, key, operation: 'sales_order.create', request: data }, async (trx) => {
    const products = await resolveLineProducts(trx, storeId, data.lines, { what: 'sales order' });
    const locationId = await resolveLocationId(trx, storeId, data.locationId);
    if (data.channelId !== undefined) await assertChannel(trx, storeId, data.channelId);
    const allocations = await allocationsOf(trx, storeId, products);

    const at = now();
    const orderId = await insertSalesOrderHeader(trx, {
      storeId,
      number: data.number,
      channelId: data.channelId ?? null,
      locationId,
      at,
    });
    if (orderId === undefined)
      throw new ConflictError(`sales order ${data.number} already exists`, ['number']);
    const order = { id: orderId };

    const lineIds = await insertSalesOrderLines(
      trx,
      storeId,
      order.id,
      data.lines.map((line, i) => ({ productId: products[i]!.id, quantity: line.quantity })),
    );

    const lines: SalesOrderLine[] = data.lines.map((line, i) => ({
      id: lineIds[i]!,
      productId: products[i]!.id,
      sku: products[i]!.sku,
      quantity: line.quantity,
      shipped: 0,
      cancelled: 0,
      outstanding: line.quantity,
      allocations: allocations.get(products[i]!.id)!,
    }));
    // Only kit lines store their allocation; any other line's is implied (see SalesOrderAllocationsTable).
    await insertSalesOrderAllocations(
      trx,
      lines.flatMap((line, i) =>
        products[i]!.kind === 'kit'
          ? line.allocations.map((a) => ({ lineId: line.id, productId: a.productId, perUnit: a.perUnit }))
          : [],
      ),
    );

    const header = { id: order.id, channelId: data.channelId ?? null };
    await recordMovements(trx, {
      storeId,
      cause: { type: causeTypeOf(header), ref: String(order.id) },
      idempotencyKey: key ?? null,
      movements: allocationMovements(
        lines.map((line, i) => ({ allocations: line.allocations, units: line.quantity, path: ['lines', i] })),
        locationId,
        { committed: 1 },
      ),
    });

    return {
      id: order.id,
      storeId,
      number: data.number,
      channelId: data.channelId ?? null,
      locationId,
      status: 'open',
      createdAt: at,
      updatedAt: at,
      lines,
    };
  });
}

/** Per product of the order: what one unit takes from stock (a kit's components, or the product itself). */
async function allocationsOf(
  trx: Db,
  storeId: number,
  products: readonly { id: number; sku: string; kind: string }[],
): Promise<Map<number, StockedComponent[]>> {
  const kits = [...new Set(products.filter((p) => p.kind === 'kit').map((p) => p.id))];
  const result =
    kits.length > 0 ? await stockedComponents(trx, storeId, kits) : new Map<number, StockedComponent[]>();
  const issues = products.flatMap((p, i) =>
    p.kind === 'kit' && result.get(p.id)!.length === 0
      ? [{ path: ['lines', i, 'sku'], message: `kit ${p.sku} has no stocked components` }]
      : [],
  );
  if (issues.length > 0) throw new ValidationError('invalid sales order', issues);
  for (const p of products) {
    if (p.kind !== 'kit') result.set(p.id, [{ productId: p.id, sku: p.sku, perUnit: 1 }]);
  }
  return result;
}

async function assertChannel(trx: Db, storeId: number, channelId: number): Promise<void> {
  const channel = await trx
    .selectFrom('channels')
    .select('id')
    .where('id', '=', channelId)
    .where('storeId', '=', storeId)
    .executeTakeFirst();
  if (!channel) throw new NotFoundError('channel', ['channelId']);
}
