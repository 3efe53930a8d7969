import type { FuzzAnswer } from './check-response.ts';
import type { FuzzWorld, IdPools } from './fuzz-world.ts';
import type { Operation } from './openapi-operations.ts';

/** Operations that use up what they touch (delete, disconnect, cancel, complete). */
const consumes = (op: Operation) => op.method === 'DELETE' || /\/(disconnect|cancel|complete)$/.test(op.path);

/** Operations in document order, except those that use up seeded rows, which go last. */
export function fuzzOrder(operations: readonly Operation[]): Operation[] {
  return [...operations.filter((op) => !consumes(op)), ...operations.filter(consumes)];
}

const POOL_OF_CREATE: Record<string, keyof IdPools> = {
  '/stores/{storeId}/products': 'productIds',
  '/stores/{storeId}/channels': 'channelIds',
  '/stores/{storeId}/locations': 'locationIds',
  '/stores/{storeId}/sales-orders': 'salesOrderIds',
  '/stores/{storeId}/purchase-orders': 'purchaseOrderIds',
  '/stores/{storeId}/work-orders': 'workOrderIds',
  '/stores/{storeId}/feeds': 'feedIds',
  '/stores/{storeId}/adjustments': 'adjustmentIds',
};

/** Adds what a successful create made to the pools, so later operations aim at it too. */
export function rememberCreated(world: FuzzWorld, op: Operation, answer: FuzzAnswer): void {
  const pool = POOL_OF_CREATE[op.path];
  if (op.method !== 'POST' || answer.status !== 201 || !pool) return;
  const body = JSON.parse(answer.text) as { id?: unknown; sku?: unknown };
  if (typeof body.id === 'number') {
    (world.pools[pool] as number[]).push(body.id);
    if (pool === 'productIds' && typeof body.sku === 'string') world.pools.skus.push(body.sku);
  }
}
