import { expect } from 'vitest';
import {
  type BallastError,
  type Bucket,
  type CauseType,
  createLocation,
  createProduct,
  createStore,
  type Db,
  type ProductKind,
  recordMovements,
  type Store,
} from '../../src/index.ts';

/** Helpers shared by the storage tests: stores, products, stock, and ledger snapshots. */

export async function newStore(db: Db, allowNegative = false): Promise<Store> {
  return createStore(db, { name: `store-${Math.random().toString(36).slice(2)}`, allowNegative });
}

export async function newProduct(
  db: Db,
  storeId: number,
  sku: string,
  kind: ProductKind = 'simple',
  components: { sku: string; quantity: number }[] = [],
): Promise<number> {
  return (await createProduct(db, storeId, { sku, name: sku, kind, components })).id;
}

/**
 * A store with locations Main (default) and Annex, the simple products `skus`, and KIT made of `kitOfA` × A:
 * the catalogue the feed and upload tests read rows against. `ids` maps each SKU (and KIT) to its product id.
 */
export async function storeWithCatalogue(
  db: Db,
  options: { name: string; skus: readonly string[]; kitOfA: number; allowNegative?: boolean },
): Promise<{ store: Store; annexId: number; ids: Record<string, number> }> {
  const { name, allowNegative = false } = options;
  const store = await createStore(db, { name, allowNegative, defaultLocationName: 'Main' });
  const annexId = (await createLocation(db, store.id, { name: 'Annex' })).id;
  const ids: Record<string, number> = {};
  for (const sku of options.skus) ids[sku] = (await createProduct(db, store.id, { sku, name: sku })).id;
  ids.KIT = (
    await createProduct(db, store.id, {
      sku: 'KIT',
      name: 'Kit',
      kind: 'kit',
      components: [{ sku: 'A', quantity: options.kitOfA }],
    })
  ).id;
  return { store, annexId, ids };
}

/** Puts on-hand stock at several positions straight into the ledger, as one cause. */
export async function seedOnHand(
  db: Db,
  storeId: number,
  positions: readonly { productId: number; locationId: number; onHand: number }[],
): Promise<void> {
  await db.transaction().execute((trx) =>
    recordMovements(trx, {
      storeId,
      cause: { type: 'adjustment', ref: 'seed' },
      movements: positions.map(({ productId, locationId, onHand }) => ({
        productId,
        locationId,
        bucket: 'on_hand' as const,
        delta: onHand,
      })),
    }),
  );
}

/** Puts stock straight into the ledger (not through the operation under test). */
export async function seed(
  db: Db,
  storeId: number,
  productId: number,
  locationId: number,
  quantity: number,
  bucket: Bucket = 'on_hand',
): Promise<void> {
  await db.transaction().execute((trx) =>
    recordMovements(trx, {
      storeId,
      cause: { type: 'adjustment', ref: 'seed' },
      movements: [{ productId, locationId, bucket, delta: quantity }],
    }),
  );
}

export async function quantityOf(db: Db, productId: number, locationId: number) {
  const row = await db
    .selectFrom('quantities')
    .select(['onHand', 'committed', 'incoming'])
    .where('productId', '=', productId)
    .where('locationId', '=', locationId)
    .executeTakeFirst();
  return row ?? { onHand: 0, committed: 0, incoming: 0 };
}

/** A store's non-zero on hand by position, as `{ 'SKU@Location': quantity }`. */
export async function onHandByPosition(db: Db, storeId: number): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('quantities as q')
    .innerJoin('products as p', 'p.id', 'q.productId')
    .innerJoin('locations as l', 'l.id', 'q.locationId')
    .select(['p.sku', 'l.name', 'q.onHand'])
    .where('q.storeId', '=', storeId)
    .where('q.onHand', '!=', 0)
    .execute();
  return Object.fromEntries(rows.map((r) => [`${r.sku}@${r.name}`, r.onHand]));
}

/** Movements of one cause, as [productId, bucket, delta] in write order. */
export async function movementsOf(db: Db, storeId: number, causeType: CauseType, causeRef: string) {
  const rows = await db
    .selectFrom('movements')
    .select(['productId', 'bucket', 'delta'])
    .where('storeId', '=', storeId)
    .where('causeType', '=', causeType)
    .where('causeRef', '=', causeRef)
    .orderBy('id')
    .execute();
  return rows.map((r) => [r.productId, r.bucket, r.delta]);
}

/** Everything an operation could have written for the store, to prove a failed call wrote nothing. */
export async function storeState(db: Db, storeId: number) {
  const count = async (
    table:
      | 'movements'
      | 'salesOrders'
      | 'purchaseOrders'
      | 'workOrders'
      | 'adjustments'
      | 'adjustmentLines'
      | 'syncDirty',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('storeId', '=', storeId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    movements: await count('movements'),
    salesOrders: await count('salesOrders'),
    purchaseOrders: await count('purchaseOrders'),
    workOrders: await count('workOrders'),
    adjustments: await count('adjustments'),
    adjustmentLines: await count('adjustmentLines'),
    syncDirty: await count('syncDirty'),
    quantities: await db
      .selectFrom('quantities')
      .select(['productId', 'locationId', 'onHand', 'committed', 'incoming'])
      .where('storeId', '=', storeId)
      .orderBy('productId')
      .orderBy('locationId')
      .execute(),
    idempotencyKeys: await db
      .selectFrom('idempotencyKeys')
      .select('key')
      .where('storeId', '=', storeId)
      .orderBy('key')
      .execute(),
  };
}

/** Runs a call that must fail with a typed error carrying `path`, and checks that it wrote nothing. */
export async function expectRejectedWithoutWrites(
  db: Db,
  storeId: number,
  call: () => Promise<unknown>,
  expected: { type: abstract new (...args: never[]) => BallastError; path?: (string | number)[] },
): Promise<BallastError> {
  const before = await storeState(db, storeId);
  const error = await call().then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(expected.type);
  if (expected.path) expect((error as BallastError).issues.map((i) => i.path)).toContainEqual(expected.path);
  expect(await storeState(db, storeId)).toEqual(before);
  return error as BallastError;
}

/** An input an operation must refuse: the error's type and a field path among its issues. */
export type Refusal = [
  input: unknown,
  type: abstract new (...args: never[]) => BallastError,
  path: (string | number)[],
];

/** `expectRejectedWithoutWrites` for each refusal, calling `operation` with its input. */
export async function expectEachRejectedWithoutWrites(
  db: Db,
  storeId: number,
  operation: (input: never) => Promise<unknown>,
  refusals: readonly Refusal[],
): Promise<void> {
  for (const [input, type, path] of refusals) {
    await expectRejectedWithoutWrites(db, storeId, () => operation(input as never), { type, path });
  }
}

/** An active channel counting every location, with Auto Sync turned on for the given products. */
export async function autoSyncChannel(
  db: Db,
  storeId: number,
  productIds: readonly number[],
): Promise<number> {
  const channel = await db
    .insertInto('channels')
    .values({ storeId, connectorId: 'test', name: 'Test channel', status: 'active', createdAt: Date.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (productIds.length > 0)
    await db.updateTable('products').set({ autoSync: 1 }).where('id', 'in', productIds).execute();
  return channel.id;
}

/** The dirty (channel, product) pairs of a store with their last cause. */
export async function dirtyPairs(db: Db, storeId: number) {
  return db
    .selectFrom('syncDirty')
    .select(['channelId', 'productId', 'lastCauseType', 'lastCauseRef'])
    .where('storeId', '=', storeId)
    .orderBy('productId')
    .execute();
}

export async function clearDirty(db: Db, storeId: number): Promise<void> {
  await db.deleteFrom('syncDirty').where('storeId', '=', storeId).execute();
}
