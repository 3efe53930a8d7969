import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { ProductKind } from '../db/schema.ts';
import { preparedQuery, slotList } from '../db/statement-cache.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { markDirty } from '../outbox/mark-dirty.ts';
import { now } from '../shared/time.ts';
import { parseInput } from '../validation/parse-input.ts';
import { assertNoCycle } from './kit-cycles.ts';
import {
  type ProductInput,
  type ProductUpdate,
  productInputSchema,
  productUpdateSchema,
} from './product-input.ts';

export interface ProductComponent {
  productId: number;
  sku: string;
  quantity: number;
}

export interface Product {
  id: number;
  storeId: number;
  sku: string;
  name: string;
  kind: ProductKind;
  autoSync: boolean;
  components: ProductComponent[];
  createdAt: number;
  updatedAt: number;
}

/** Creates a product (and its kit components). Components are named by SKU and must exist in the store. */
export async function createProduct(db: Db, storeId: number, input: ProductInput): Promise<Product> {
  const data = parseInput(productInputSchema, input, 'product');
  return db.transaction().execute(async (trx) => {
    await assertSkuFree(trx, storeId, data.sku);
    const at = now();
    const row = await trx
      .insertInto('products')
      .values({
        storeId,
        sku: data.sku,
        name: data.name,
        kind: data.kind,
        autoSync: data.autoSync ? 1 : 0,
        createdAt: at,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceComponents(trx, storeId, row.id, data.components);
    if (data.autoSync) {
      await markDirty(trx, {
        storeId,
        products: [row.id],
        cause: { type: 'auto_sync', ref: String(row.id) },
      });
    }
    return getProduct(trx, storeId, row.id);
  });
}

export async function updateProduct(
  db: Db,
  storeId: number,
  productId: number,
  input: ProductUpdate,
): Promise<Product> {
  const data = parseInput(productUpdateSchema, input, 'product');
  return db.transaction().execute(async (trx) => {
    const current = await getProduct(trx, storeId, productId);
    if (data.sku !== undefined && data.sku !== current.sku) await assertSkuFree(trx, storeId, data.sku);
    if (data.components !== undefined) {
      if (current.kind === 'simple' && data.components.length > 0) {
        throw new ValidationError('invalid product', [
          { path: ['components'], message: 'a simple product has no components' },
        ]);
      }
      if (current.kind === 'kit' && data.components.length === 0) {
        throw new ValidationError('invalid product', [
          { path: ['components'], message: 'a kit needs at least one component' },
        ]);
      }
      await trx.deleteFrom('productComponents').where('parentId', '=', productId).execute();
      await replaceComponents(trx, storeId, productId, data.components);
      // A kit's balance comes from its components, so new components mean a new balance for it and its parents.
      await markDirty(trx, {
        storeId,
        products: [productId],
        cause: { type: 'resync', ref: `product:${productId}` },
      });
    }
    await trx
      .updateTable('products')
      .set({
        ...(data.sku !== undefined && { sku: data.sku }),
        ...(data.name !== undefined && { name: data.name }),
        updatedAt: now(),
      })
      .where('id', '=', productId)
      .execute();
    return getProduct(trx, storeId, productId);
  });
}

/**
 * Deletes a product that has never moved stock and is nobody's component. A product with ledger history
 * cannot be deleted: the ledger is append-only and Sync History refers to it.
 */
export async function deleteProduct(db: Db, storeId: number, productId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await getProduct(trx, storeId, productId);
    const usedIn = await trx
      .selectFrom('productComponents as pc')
      .innerJoin('products as p', 'p.id', 'pc.parentId')
      .select('p.sku')
      .where('pc.componentId', '=', productId)
      .executeTakeFirst();
    if (usedIn) throw new ConflictError(`the product is a component of ${usedIn.sku}`);
    const moved = await trx
      .selectFrom('movements')
      .select('id')
      .where('productId', '=', productId)
      .executeTakeFirst();
    const ordered = await trx
      .selectFrom('salesOrderLines')
      .select('id')
      .where('productId', '=', productId)
      .executeTakeFirst();
    // An assembly's work orders hold its components committed and name it; they would be left unreachable.
    const built = await trx
      .selectFrom('workOrders')
      .select('id')
      .where('productId', '=', productId)
      .executeTakeFirst();
    if (moved || ordered || built)
      throw new ConflictError('the product has stock history and cannot be deleted');
    for (const table of [
      'productComponents',
      'syncDirty',
      'syncHistory',
      'listings',
      'quantities',
    ] as const) {
      const column = table === 'productComponents' ? 'parentId' : 'productId';
      await trx.deleteFrom(table).where(column, '=', productId).execute();
    }
    await trx
      .deleteFrom('syncRules')
      .where('scope', '=', 'product')
      .where('scopeId', '=', productId)
      .execute();
    await trx.deleteFrom('products').where('id', '=', productId).execute();
  });
}

export async function getProduct(db: Db, storeId: number, productId: number): Promise<Product> {
  const row = await db
    .selectFrom('products')
    .selectAll()
    .where('storeId', '=', storeId)
    .where('id', '=', productId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('product');
  const components = await db
    .selectFrom('productComponents as pc')
    .innerJoin('products as c', 'c.id', 'pc.componentId')
    .select(['c.id as productId', 'c.sku', 'pc.quantity'])
    .where('pc.parentId', '=', productId)
    .orderBy('c.sku')
    .execute();
  return { ...row, autoSync: row.autoSync === 1, components };
}

export async function getProductBySku(db: Db, storeId: number, sku: string): Promise<Product> {
  const row = await db
    .selectFrom('products')
    .select('id')
    .where('storeId', '=', storeId)
    .where('sku', '=', sku)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`product ${sku}`);
  return getProduct(db, storeId, row.id);
}

/** Maps SKUs to product ids in one query per 1,000 SKUs; unknown SKUs are absent from the map. */
export async function productIdsBySku(
  db: Db,
  storeId: number,
  skus: readonly string[],
): Promise<Map<string, { id: number; kind: ProductKind }>> {
  const found = new Map<string, { id: number; kind: ProductKind }>();
  const unique = [...new Set(skus)];
  for (let i = 0; i < unique.length; i += 1000) {
    const part = unique.slice(i, i + 1000);
    const padded = paddedLength(part.length);
    const params = [storeId, ...part, ...Array<null>(padded - part.length).fill(null)];
    const { rows } = await productsBySku(db, padded, params);
    for (const row of rows) found.set(row.sku, { id: row.id, kind: row.kind });
  }
  return found;
}

/**
 * Params: store, then the SKUs. Prepared (every order line runs it); the list is padded with NULLs (which
 * match nothing) to a power of two, so a handful of shapes serve every list length.
 */
const productsBySku = preparedQuery<{ id: number; sku: string; kind: ProductKind }>(
  (slot, count) =>
    sql`select id, sku, kind from products
      where store_id = ${slot(0)} and sku in (${slotList(slot, 1, count)})`,
);

/** The smallest power of two that holds `n` (at least 1). */
const paddedLength = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

async function assertSkuFree(db: Db, storeId: number, sku: string): Promise<void> {
  const taken = await db
    .selectFrom('products')
    .select('id')
    .where('storeId', '=', storeId)
    .where('sku', '=', sku)
    .executeTakeFirst();
  if (taken) throw new ConflictError(`SKU "${sku}" already exists in this store`, ['sku']);
}

async function replaceComponents(
  trx: Db,
  storeId: number,
  parentId: number,
  components: readonly { sku: string; quantity: number }[],
): Promise<void> {
  if (components.length === 0) return;
  const ids = await productIdsBySku(
    trx,
    storeId,
    components.map((c) => c.sku),
  );
  const issues = components.flatMap((c, i) =>
    ids.has(c.sku) ? [] : [{ path: ['components', i, 'sku'], message: `unknown SKU "${c.sku}"` }],
  );
  if (issues.length > 0) throw new ValidationError('invalid product', issues);
  const componentIds = components.map((c) => ids.get(c.sku)!.id);
  await assertNoCycle(trx, parentId, componentIds);
  await trx
    .insertInto('productComponents')
    .values(
      components.map((c, i) => ({ storeId, parentId, componentId: componentIds[i]!, quantity: c.quantity })),
    )
    .execute();
}
