// Single ledger operations per second on a SQLite file (WAL, the real openDatabase settings), with one active
// channel and Auto Sync on, so every operation also writes its dirty marks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Figure, timeMs } from '@ballast/bench';
import {
  adjustStock,
  createProduct,
  createSalesOrder,
  createStore,
  type Db,
  openDatabase,
} from '../src/index.ts';

const PRODUCTS = 200;
const ADJUSTMENTS = 10_000;
const SALES_ORDERS = 5_000;
const WARMUP = 500;

async function seedStore(db: Db): Promise<number> {
  const store = await createStore(db, { name: 'Bench' });
  await db
    .insertInto('channels')
    .values({ storeId: store.id, connectorId: 'bench', name: 'Bench channel', createdAt: Date.now() })
    .execute();
  for (let i = 0; i < PRODUCTS; i++) {
    await createProduct(db, store.id, { sku: `SKU-${i}`, name: `Product ${i}`, autoSync: true });
  }
  // A few kits, so marks also walk up to containing kits.
  for (let i = 0; i < 10; i++) {
    await createProduct(db, store.id, {
      sku: `KIT-${i}`,
      name: `Kit ${i}`,
      kind: 'kit',
      autoSync: true,
      components: [{ sku: `SKU-${i}`, quantity: 2 }],
    });
  }
  return store.id;
}

/** Operations per second of `count` sequential calls of `op(i)`. */
async function opsPerSecond(count: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const ms = await timeMs(async () => {
    for (let i = 0; i < count; i++) await op(i);
  });
  return count / (ms / 1000);
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-ledger-ops-'));
  const { db, close } = await openDatabase(join(dir, 'bench.db'));
  try {
    const storeId = await seedStore(db);
    // Each product alternates +2 / -1, so on hand never goes below zero and no operation is rejected.
    const adjust = (i: number) =>
      adjustStock(db, storeId, {
        reason: 'bench',
        lines: [{ sku: `SKU-${i % PRODUCTS}`, delta: Math.floor(i / PRODUCTS) % 2 === 0 ? 2 : -1 }],
      });
    const order = (prefix: string) => (i: number) =>
      createSalesOrder(db, storeId, {
        number: `${prefix}-${i}`,
        lines: [{ sku: `SKU-${i % PRODUCTS}`, quantity: 1 }],
      });

    await opsPerSecond(WARMUP, adjust);
    await opsPerSecond(WARMUP, order('WARM'));
    const adjustments = await opsPerSecond(ADJUSTMENTS, adjust);
    const salesOrders = await opsPerSecond(SALES_ORDERS, order('SO'));

    const marks = await db
      .selectFrom('syncDirty')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(marks.n) < PRODUCTS) throw new Error(`expected dirty marks for every product, got ${marks.n}`);

    return [
      { name: 'ledger.single_ops_per_sec.sqlite', value: adjustments, unit: 'ops/s', target: '>= 5000' },
      {
        name: 'ledger.sales_order_create_per_sec.sqlite',
        value: salesOrders,
        unit: 'ops/s',
        target: '>= 2500',
      },
    ];
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}
