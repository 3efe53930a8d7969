// applyUpload of a 10,000-row CSV (parse, checks, ledger, projection, dirty marks) against the floor of
// writing the same rows at all: raw better-sqlite3 inserts into a plain table with one prepared statement.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Figure, percentile, timeMs } from '@ballast/bench';
import SQLite from 'better-sqlite3';
import { applyUpload, createStore, type Db, openDatabase } from '../src/index.ts';
import { chunk } from '../src/shared/chunk.ts';

const ROWS = 10_000;
const RUNS = 5;

interface Row {
  sku: string;
  quantity: number;
  mode: 'set' | 'delta';
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-csv-upload-'));
  try {
    const rows: Row[] = Array.from({ length: ROWS }, (_, i) => ({
      sku: `SKU-${String(i).padStart(6, '0')}`,
      quantity: i % 2 === 0 ? (i % 50) + 1 : (i % 7) + 1,
      mode: i % 2 === 0 ? 'set' : 'delta',
    }));
    const csv = `sku,quantity,mode\n${rows.map((r) => `${r.sku},${r.quantity},${r.mode}`).join('\n')}\n`;

    const uploadMs: number[] = [];
    const rawMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      uploadMs.push(await timeApplyUpload(join(dir, `upload-${i}.db`), rows, csv));
      rawMs.push(await timeRawInserts(join(dir, `raw-${i}.db`), rows));
    }
    const value = percentile(uploadMs, 50);
    const baseline = percentile(rawMs, 50);
    return [
      {
        name: 'upload.csv_10k.ratio_to_raw_inserts.sqlite',
        value,
        unit: 'ratio',
        target: '>= 0.5',
        baseline,
        ratio: baseline / value,
      },
      {
        name: 'upload.csv_10k.rows_per_second.sqlite',
        value: ROWS / (value / 1000),
        unit: 'rows/s',
        target: '>= 20000',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh database with one product per row, one active channel and Auto Sync on for all; times the upload. */
async function timeApplyUpload(file: string, rows: readonly Row[], csv: string): Promise<number> {
  const { db, close } = await openDatabase(`sqlite:${file}`);
  try {
    const store = await createStore(db, { name: 'Bench' });
    await seedProducts(db, store.id, rows);
    await db
      .insertInto('channels')
      .values({
        storeId: store.id,
        connectorId: 'bench',
        name: 'Shop',
        status: 'active',
        createdAt: Date.now(),
      })
      .execute();
    const ms = await timeMs(() => applyUpload(db, store.id, csv, { filename: 'bench.csv' }));
    const marks = await db
      .selectFrom('syncDirty')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(marks.n) !== rows.length)
      throw new Error(`expected ${rows.length} dirty marks, got ${marks.n}`);
    return ms;
  } finally {
    await close();
  }
}

async function seedProducts(db: Db, storeId: number, rows: readonly Row[]): Promise<void> {
  const at = Date.now();
  for (const part of chunk(rows, 1000)) {
    await db
      .insertInto('products')
      .values(
        part.map((r) => ({
          storeId,
          sku: r.sku,
          name: r.sku,
          kind: 'simple',
          autoSync: 1,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .execute();
  }
}

/** The same rows into a plain table: one transaction, one prepared statement, same pragmas as openDatabase. */
async function timeRawInserts(file: string, rows: readonly Row[]): Promise<number> {
  const sqlite = new SQLite(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.exec('create table stock (sku text not null, quantity integer not null)');
    return await timeMs(() => {
      const insert = sqlite.prepare('insert into stock (sku, quantity) values (?, ?)');
      sqlite.transaction(() => {
        for (const r of rows) insert.run(r.sku, r.quantity);
      })();
    });
  } finally {
    sqlite.close();
  }
}
