import { expect } from 'vitest';
import type { Db } from '../../../src/index.ts';
import { isKit, LOCATION_NAMES, LOCS, SKUS } from './catalogue.ts';
import type { Stock, StoreModel } from './model.ts';
import type { World } from './world.ts';

const key = (productId: number, locationId: number) => `${productId}@${locationId}`;
const ZERO: Stock = { onHand: 0, committed: 0, incoming: 0 };

/** The quantity projection of the store, by `productId@locationId`. */
export async function projection(db: Db, storeId: number): Promise<Map<string, Stock>> {
  const rows = await db
    .selectFrom('quantities')
    .select(['productId', 'locationId', 'onHand', 'committed', 'incoming'])
    .where('storeId', '=', storeId)
    .execute();
  return new Map(rows.map(({ productId, locationId, ...stock }) => [key(productId, locationId), stock]));
}

/** The same shape computed from the ledger alone: SUM(delta) per product, location and bucket. */
export async function ledgerTotals(db: Db, storeId: number): Promise<Map<string, Stock>> {
  const rows = await db
    .selectFrom('movements')
    .select((eb) => ['productId', 'locationId', 'bucket', eb.fn.sum<number | string>('delta').as('total')])
    .where('storeId', '=', storeId)
    .groupBy(['productId', 'locationId', 'bucket'])
    .execute();
  const totals = new Map<string, Stock>();
  const field = { on_hand: 'onHand', committed: 'committed', incoming: 'incoming' } as const;
  for (const row of rows) {
    const k = key(row.productId, row.locationId);
    const stock = totals.get(k) ?? { ...ZERO };
    // PostgreSQL returns sum(integer) as bigint, which the driver hands over as text.
    stock[field[row.bucket]] = Number(row.total);
    totals.set(k, stock);
  }
  return totals;
}

/** Property 1: every position's projected buckets equal the sum of its movements (missing = zero). */
export async function expectProjectionMatchesLedger(db: Db, world: World, when = ''): Promise<void> {
  const [projected, ledger] = await Promise.all([
    projection(db, world.storeId),
    ledgerTotals(db, world.storeId),
  ]);
  const name = (k: string) => {
    const [productId, locationId] = k.split('@').map(Number);
    return `${world.skuOf.get(productId!)}@${LOCATION_NAMES[world.locOf.get(locationId!)!]}`;
  };
  const keys = [...new Set([...projected.keys(), ...ledger.keys()])].sort();
  const fromProjection = Object.fromEntries(keys.map((k) => [name(k), projected.get(k) ?? ZERO]));
  const fromLedger = Object.fromEntries(keys.map((k) => [name(k), ledger.get(k) ?? ZERO]));
  expect(fromProjection, `quantities projection vs SUM(movements.delta) ${when}`).toEqual(fromLedger);
}

/** Every (SKU, location) of the catalogue as the database holds it; kits included (they must stay empty). */
export async function databaseStock(db: Db, world: World): Promise<Record<string, Stock>> {
  const projected = await projection(db, world.storeId);
  const table: Record<string, Stock> = {};
  for (const sku of SKUS)
    for (const loc of LOCS)
      table[`${sku}@${LOCATION_NAMES[loc]}`] =
        projected.get(key(world.productIds[sku], world.locationIds[loc])) ?? ZERO;
  return table;
}

/** The same table as the model holds it: kits hold no stock at all. */
export function modelStock(model: StoreModel): Record<string, Stock> {
  const table: Record<string, Stock> = {};
  for (const sku of SKUS)
    for (const loc of LOCS)
      table[`${sku}@${LOCATION_NAMES[loc]}`] = isKit(sku) ? ZERO : model.stockAt(sku, loc);
  return table;
}

/** Property 2's comparison: every stocked position equals the model; kits hold no stock at all. */
export async function expectDatabaseMatchesModel(
  db: Db,
  world: World,
  model: StoreModel,
  when = '',
): Promise<void> {
  expect(await databaseStock(db, world), `database quantities vs model ${when}`).toEqual(modelStock(model));
}

/** Every row a store's operations write, to prove that a refused operation wrote nothing. */
export async function storeSnapshot(db: Db, storeId: number) {
  const headers = (table: 'salesOrders' | 'purchaseOrders' | 'workOrders') =>
    db
      .selectFrom(table)
      .select(['id', 'status', 'updatedAt'])
      .where('storeId', '=', storeId)
      .orderBy('id')
      .execute() as Promise<{ id: number; status: string; updatedAt: number }[]>;
  const count = async (table: 'movements' | 'adjustments' | 'uploads' | 'feedRuns' | 'idempotencyKeys') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('storeId', '=', storeId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    quantities: await db
      .selectFrom('quantities')
      .selectAll()
      .where('storeId', '=', storeId)
      .orderBy('productId')
      .orderBy('locationId')
      .execute(),
    movements: await count('movements'),
    salesOrders: await headers('salesOrders'),
    salesOrderLines: await db
      .selectFrom('salesOrderLines')
      .select(['id', 'shipped', 'cancelled'])
      .where('storeId', '=', storeId)
      .orderBy('id')
      .execute(),
    purchaseOrders: await headers('purchaseOrders'),
    purchaseOrderLines: await db
      .selectFrom('purchaseOrderLines')
      .select(['id', 'received'])
      .where('storeId', '=', storeId)
      .orderBy('id')
      .execute(),
    workOrders: await headers('workOrders'),
    adjustments: await count('adjustments'),
    uploads: await count('uploads'),
    feedRuns: await count('feedRuns'),
    feeds: await db.selectFrom('feeds').selectAll().where('storeId', '=', storeId).execute(),
    idempotencyKeys: await count('idempotencyKeys'),
    syncDirty: await dirtyRows(db, storeId),
  };
}

export async function dirtyRows(db: Db, storeId: number) {
  return db
    .selectFrom('syncDirty')
    .select(['channelId', 'productId', 'seq', 'marks', 'lastCauseType', 'lastCauseRef'])
    .where('storeId', '=', storeId)
    .orderBy('channelId')
    .orderBy('productId')
    .execute();
}
