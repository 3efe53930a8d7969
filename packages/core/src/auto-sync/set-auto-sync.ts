import { assertRowId } from '../channels/row-id.ts';
import type { Db } from '../db/connect.ts';
import { NotFoundError } from '../errors.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import type { ParsedProductFilter } from '../products/product-filter.ts';
import { chunk } from '../shared/chunk.ts';
import { now } from '../shared/time.ts';
import { parseInput } from '../validation/parse-input.ts';
import { type AutoSyncChange, turnAutoSyncOff, turnAutoSyncOn } from './apply-auto-sync.ts';
import { type AutoSyncSelection, bulkAutoSyncInputSchema } from './auto-sync-selection.ts';

export type { AutoSyncChange } from './apply-auto-sync.ts';
export type { AutoSyncSelection } from './auto-sync-selection.ts';

/**
 * Turns one product's Auto Sync flag on or off. On: the product is pushed at once to every active channel
 * (unless a listing override says otherwise). Off: its pending pushes are dropped. Setting the value it
 * already has changes nothing (`updated: 0`). A product of another store is not found.
 */
export async function setAutoSync(
  db: Db,
  storeId: number,
  productId: number,
  enabled: boolean,
  options?: OperationOptions,
): Promise<AutoSyncChange> {
  assertRowId(productId, 'productId');
  const input = parseInput(bulkAutoSyncInputSchema, { ids: [productId], enabled }, 'auto sync change');
  const key = idempotencyKeyOf(options);
  return runIdempotent(
    db,
    { storeId, key, operation: 'auto_sync.set', request: { productId, enabled } },
    async (trx) => {
      await assertProductsExist(trx, storeId, [productId], () => ['productId']);
      return apply(trx, storeId, { ids: [productId] }, input.enabled, `product:${productId}`);
    },
  );
}

/**
 * Turns Auto Sync on or off for many products at once: explicit `ids` (all must belong to the store), or
 * every product matching `filter` (the same filter the product list uses, so "select all N matching" acts on
 * exactly the N rows shown). Set-based: a million products never pass through memory.
 *
 * @example
 * await bulkSetAutoSync(db, storeId, { filter: { kind: 'simple', q: 'mug' } }, true, { idempotencyKey: 'k1' });
 */
export async function bulkSetAutoSync(
  db: Db,
  storeId: number,
  selection: AutoSyncSelection,
  enabled: boolean,
  options?: OperationOptions,
): Promise<AutoSyncChange> {
  const input = parseInput(bulkAutoSyncInputSchema, { ...selection, enabled }, 'auto sync change');
  const key = idempotencyKeyOf(options);
  return runIdempotent(
    db,
    { storeId, key, operation: 'auto_sync.bulk_set', request: { selection, enabled } },
    async (trx) => {
      if (input.ids) await assertProductsExist(trx, storeId, input.ids, (i) => ['ids', i]);
      const filter: ParsedProductFilter = input.ids ? { ids: input.ids } : (input.filter ?? {});
      return apply(trx, storeId, filter, input.enabled, key ? `bulk:${key}` : `bulk:${now()}`);
    },
  );
}

function apply(
  trx: Db,
  storeId: number,
  filter: ParsedProductFilter,
  enabled: boolean,
  ref: string,
): Promise<AutoSyncChange> {
  return enabled
    ? turnAutoSyncOn(trx, storeId, filter, { type: 'auto_sync', ref })
    : turnAutoSyncOff(trx, storeId, filter);
}

/** Every id must be a product of this store; the first one that is not is reported where it was given. */
async function assertProductsExist(
  trx: Db,
  storeId: number,
  ids: readonly number[],
  pathOf: (index: number) => (string | number)[],
): Promise<void> {
  const found = new Set<number>();
  for (const part of chunk([...new Set(ids)], 1000)) {
    const rows = await trx
      .selectFrom('products')
      .select('id')
      .where('storeId', '=', storeId)
      .where('id', 'in', part)
      .execute();
    for (const row of rows) found.add(row.id);
  }
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new NotFoundError(`product ${ids[missing]}`, pathOf(missing));
}
