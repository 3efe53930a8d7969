// applyUpload of a 10,000-row CSV (read and parse the file, check every row, look up products and on hand,
// write through the ledger) against the floor of writing the same rows at all.
//
// Baseline: raw better-sqlite3 prepared-statement inserts, in one transaction, of the same rows the apply
// writes: the 10,000 movement rows into the real `movements` table, the 10,000 quantity rows into
// `quantities` via the same upsert, and the 10,000 outbox rows into `sync_dirty` (plus the upload record and
// the sync clock's tick), on a fresh copy of the same database, with openDatabase's settings. Each run
// copies one seeded file twice, one copy for the apply and one for the baseline, so both start from the
// same state. The ratio (baseline / apply, medians of RUNS runs after WARMUP discarded runs of each, so
// that the JIT has compiled the apply's JavaScript as it would have in a running server) is then what
// applyUpload costs on top of its unavoidable writes: parsing, validation, lookups and query building.
//
// Informational, never gating (target "> 0"): the same apply against 10,000 (sku, quantity) pairs inserted
// into a bare table without indexes. The apply writes three indexed rows per CSV row, so this ratio cannot
// approach the gating one; it shows how far the whole operation is from the cheapest conceivable write.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Figure, percentile, timeMs } from '@ballast/bench';
import SQLite from 'better-sqlite3';
import { applyUpload, createStore, openDatabase, SQLITE_PRAGMAS } from '../src/index.ts';
import { chunk } from '../src/shared/chunk.ts';

const ROWS = 10_000;
const RUNS = 9;
const WARMUP = 2;

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
    const seeded = join(dir, 'seeded.db');
    await seed(seeded, rows);
    const copy = (name: string) => {
      const file = join(dir, name);
      copyFileSync(seeded, file);
      return file;
    };

    const uploadMs: number[] = [];
    const sameRowsMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      uploadMs.push(await timeApplyUpload(copy(`upload-${i}.db`), rows, csv));
      sameRowsMs.push(timeRawSameRows(copy(`same-rows-${i}.db`), rows));
      bareMs.push(timeBareTable(copy(`bare-${i}.db`), rows));
    }
    const median = (ms: number[]) => percentile(ms.slice(WARMUP), 50);
    const value = median(uploadMs);
    const sameRows = median(sameRowsMs);
    const bare = median(bareMs);
    return [
      {
        name: 'upload.csv_10k.ratio_to_raw_inserts_of_same_rows.sqlite',
        value,
        unit: 'ratio',
        target: '>= 0.5',
        baseline: sameRows,
        ratio: sameRows / value,
      },
      {
        name: 'upload.csv_10k.ratio_to_bare_table_inserts.informational.sqlite',
        value,
        unit: 'ratio',
        target: '> 0',
        baseline: bare,
        ratio: bare / value,
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

/** One store with a product per row (Auto Sync on) and one active channel; closed, so the file is complete. */
async function seed(file: string, rows: readonly Row[]): Promise<void> {
  const { db, close } = await openDatabase(`sqlite:${file}`);
  try {
    const store = await createStore(db, { name: 'Bench' });
    const at = Date.now();
    for (const part of chunk(rows, 1000)) {
      await db
        .insertInto('products')
        .values(
          part.map((r) => ({
            storeId: store.id,
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
    await db
      .insertInto('channels')
      .values({ storeId: store.id, connectorId: 'bench', name: 'Shop', status: 'active', createdAt: at })
      .execute();
  } finally {
    await close();
  }
  // Closing the last connection checkpoints the WAL into the file and removes it: a copy is the whole state.
  if (existsSync(`${file}-wal`)) throw new Error('the seeded database still has a WAL file');
}

async function timeApplyUpload(file: string, rows: readonly Row[], csv: string): Promise<number> {
  const { db, close } = await openDatabase(`sqlite:${file}`);
  try {
    const store = await db.selectFrom('stores').select('id').executeTakeFirstOrThrow();
    const ms = await timeMs(() => applyUpload(db, store.id, csv, { filename: 'bench.csv' }));
    for (const table of ['movements', 'quantities', 'syncDirty'] as const) {
      const { n } = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(n) !== rows.length) throw new Error(`expected ${rows.length} rows in ${table}, got ${n}`);
    }
    return ms;
  } finally {
    await close();
  }
}

/** A raw connection with openDatabase's settings. */
function openRaw(file: string): SQLite.Database {
  const sqlite = new SQLite(file);
  for (const pragma of SQLITE_PRAGMAS) sqlite.pragma(pragma);
  return sqlite;
}

/** The apply's writes, raw: see the comment at the top. Ids are looked up before the clock starts. */
function timeRawSameRows(file: string, rows: readonly Row[]): number {
  const sqlite = openRaw(file);
  try {
    const ids = sqlite.prepare('select id, sku from products').all() as { id: number; sku: string }[];
    const productIds = new Map(ids.map((p) => [p.sku, p.id]));
    const { storeId, locationId, channelId } = sqlite
      .prepare(
        `select s.id as storeId, l.id as locationId, c.id as channelId
        from stores as s
        inner join locations as l on l.store_id = s.id and l.is_default = 1
        inner join channels as c on c.store_id = s.id`,
      )
      .get() as { storeId: number; locationId: number; channelId: number };
    const writes = rows.map((r) => ({ productId: productIds.get(r.sku)!, delta: r.quantity }));

    const ms = timeMsSync(() => {
      const upload = sqlite.prepare(
        'insert into uploads (store_id, filename, row_count, created_at) values (?, ?, ?, ?)',
      );
      const tick = sqlite.prepare(
        "update sequences set value = value + 1 where name = 'sync' returning value",
      );
      const movement = sqlite.prepare(
        `insert into movements
          (store_id, product_id, location_id, bucket, delta, cause_type, cause_ref, idempotency_key, at)
        values (?, ?, ?, 'on_hand', ?, 'upload', ?, null, ?)`,
      );
      const quantity = sqlite.prepare(
        `insert into quantities (store_id, product_id, location_id, on_hand, committed, incoming, updated_at)
        values (?, ?, ?, ?, 0, 0, ?)
        on conflict (product_id, location_id) do update set
          on_hand = quantities.on_hand + excluded.on_hand,
          committed = quantities.committed + excluded.committed,
          incoming = quantities.incoming + excluded.incoming,
          updated_at = excluded.updated_at`,
      );
      const mark = sqlite.prepare(
        `insert into sync_dirty (store_id, channel_id, product_id, seq, first_marked_at, last_cause_type,
          last_cause_ref, marks, "force", attempts, not_before)
        values (?, ?, ?, ?, ?, 'upload', ?, 1, 0, 0, ?)`,
      );
      sqlite.transaction(() => {
        const at = Date.now();
        const ref = String(upload.run(storeId, 'bench.csv', rows.length, at).lastInsertRowid);
        const { value: seq } = tick.get() as { value: number };
        for (const w of writes) movement.run(storeId, w.productId, locationId, w.delta, ref, at);
        for (const w of writes) quantity.run(storeId, w.productId, locationId, w.delta, at);
        for (const w of writes) mark.run(storeId, channelId, w.productId, seq, at, ref, at);
      })();
    });
    for (const table of ['movements', 'quantities', 'sync_dirty']) {
      const { n } = sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number };
      if (n !== rows.length) throw new Error(`baseline: expected ${rows.length} rows in ${table}, got ${n}`);
    }
    return ms;
  } finally {
    sqlite.close();
  }
}

/** The old floor: (sku, quantity) pairs into a table with no index, one transaction, one statement. */
function timeBareTable(file: string, rows: readonly Row[]): number {
  const sqlite = openRaw(file);
  try {
    sqlite.exec('create table stock (sku text not null, quantity integer not null)');
    return timeMsSync(() => {
      const insert = sqlite.prepare('insert into stock (sku, quantity) values (?, ?)');
      sqlite.transaction(() => {
        for (const r of rows) insert.run(r.sku, r.quantity);
      })();
    });
  } finally {
    sqlite.close();
  }
}

function timeMsSync(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}
