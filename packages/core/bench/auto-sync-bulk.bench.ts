// Bulk "turn Auto Sync on" over a whole store: 100k and 1M products on a SQLite file, one active channel.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Figure, timeMs } from '@ballast/bench';
import SQLite from 'better-sqlite3';
import { bulkSetAutoSync, createStore, type Db, openDatabase } from '../src/index.ts';

const ROWS_PER_INSERT = 500;

/** Seeds `count` products (Auto Sync off) with raw multi-row inserts in one transaction; not timed. */
function seedProducts(file: string, storeId: number, count: number): void {
  const raw = new SQLite(file);
  const insert = (rows: number) =>
    raw.prepare(
      `insert into products (store_id, sku, name, kind, auto_sync, created_at, updated_at) values ${Array.from(
        { length: rows },
        () => "(?, ?, ?, 'simple', 0, 1, 1)",
      ).join(',')}`,
    );
  const full = insert(ROWS_PER_INSERT);
  raw.transaction(() => {
    for (let first = 0; first < count; first += ROWS_PER_INSERT) {
      const rows = Math.min(ROWS_PER_INSERT, count - first);
      const params: (string | number)[] = [];
      for (let i = first; i < first + rows; i++) {
        const sku = `S${storeId}-${String(i).padStart(7, '0')}`;
        params.push(storeId, sku, `Product ${sku}`);
      }
      (rows === ROWS_PER_INSERT ? full : insert(rows)).run(params);
    }
  })();
  raw.close();
}

async function storeWithProducts(db: Db, file: string, count: number): Promise<number> {
  const store = await createStore(db, { name: `bench ${count}` });
  await db
    .insertInto('channels')
    .values({ storeId: store.id, connectorId: 'bench', name: 'Bench channel', createdAt: 1 })
    .execute();
  seedProducts(file, store.id, count);
  return store.id;
}

async function timeBulkOn(db: Db, storeId: number, expected: number): Promise<number> {
  let marked = 0;
  const ms = await timeMs(async () => {
    ({ marked } = await bulkSetAutoSync(db, storeId, { filter: {} }, true));
  });
  if (marked !== expected) throw new Error(`expected ${expected} marks, got ${marked}`);
  return ms / 1000;
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-autosync-'));
  const file = join(dir, 'bench.db');
  const { db, close } = await openDatabase(`sqlite:${file}`);
  try {
    const small = await storeWithProducts(db, file, 100_000);
    const large = await storeWithProducts(db, file, 1_000_000);
    return [
      {
        name: 'autosync.bulk_on.100k.sqlite',
        value: await timeBulkOn(db, small, 100_000),
        unit: 's',
        target: '< 5',
      },
      {
        name: 'autosync.bulk_on.1m.sqlite',
        value: await timeBulkOn(db, large, 1_000_000),
        unit: 's',
        target: '< 5',
      },
    ];
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}
