import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteDialect } from '../src/db/sqlite-dialect.ts';
import { createWriteLockReleaseBuffer } from '../src/db/write-lock-release.ts';

// Two connections to one file, as the API thread and the sync thread (or a CLI import) have: one holds the
// write lock, the other's transaction must wait for it without freezing its thread.
describe('SQLite transactions waiting for the write lock', () => {
  let dir: string;
  let holder: SQLite.Database;
  let waiter: SQLite.Database;
  let db: Kysely<{ t: { n: number } }>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ballast-write-lock-'));
    const file = join(dir, 'db.sqlite');
    holder = new SQLite(file);
    holder.pragma('journal_mode = WAL');
    holder.exec('create table t (n integer)');
    waiter = new SQLite(file);
    waiter.pragma('busy_timeout = 5000');
    db = new Kysely({ dialect: createSqliteDialect(waiter, { database: waiter }, { lockTimeoutMs: 400 }) });
  });

  afterEach(async () => {
    await db.destroy();
    holder.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insertInTransaction = (n: number) =>
    db.transaction().execute((trx) => sql`insert into t (n) values (${n})`.execute(trx));

  it('keeps the event loop running while it waits, and commits once the lock is free', async () => {
    holder.exec('begin immediate');
    const ticks: number[] = [];
    const ticker = setInterval(() => ticks.push(Date.now()), 5);
    const writing = insertInTransaction(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // SQLite's own busy handler would have slept inside the call: no timer could have fired.
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    expect(holder.prepare('select count(*) as n from t').get()).toEqual({ n: 0 });
    holder.exec('insert into t (n) values (0); commit');
    await writing;
    clearInterval(ticker);
    expect(holder.prepare('select n from t order by rowid').all()).toEqual([{ n: 0 }, { n: 1 }]);
  });

  it('fails with SQLITE_BUSY, writing nothing, when the lock stays taken past the timeout', async () => {
    holder.exec('begin immediate');
    await expect(insertInTransaction(1)).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    holder.exec('commit');
    expect(holder.prepare('select count(*) as n from t').get()).toEqual({ n: 0 });
    // The connection is usable afterwards, with SQLite's busy timeout back for statements outside a transaction.
    expect(waiter.pragma('busy_timeout', { simple: true })).toBe(5000);
    await insertInTransaction(2);
    expect(holder.prepare('select n from t').all()).toEqual([{ n: 2 }]);
  });
});

// The API thread and the sync thread share a release signal: a waiting transaction begins when the other
// connection commits, not at the end of its pause (made long here, so that only the signal can explain an
// early start).
describe('SQLite transactions waiting for a release signalled by the other connection', () => {
  let dir: string;
  let holderDb: Kysely<{ t: { n: number } }>;
  let waiterDb: Kysely<{ t: { n: number } }>;

  const open = (file: string, releaseSignal?: SharedArrayBuffer) => {
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    return new Kysely<{ t: { n: number } }>({
      dialect: createSqliteDialect(
        sqlite,
        { database: sqlite },
        { pauseMs: 2_000, ...(releaseSignal && { releaseSignal }) },
      ),
    });
  };

  afterEach(async () => {
    await waiterDb.destroy();
    await holderDb.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  async function waitAfterHolderCommits(shared: boolean): Promise<number> {
    dir = mkdtempSync(join(tmpdir(), 'ballast-write-lock-release-'));
    const file = join(dir, 'db.sqlite');
    const signal = shared ? createWriteLockReleaseBuffer() : undefined;
    holderDb = open(file, signal);
    waiterDb = open(file, signal);
    await sql`create table t (n integer)`.execute(holderDb);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holding = holderDb.transaction().execute(async (trx) => {
      await sql`insert into t (n) values (0)`.execute(trx);
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const waiting = waiterDb.transaction().execute((trx) => sql`insert into t (n) values (1)`.execute(trx));
    // Past the first try and its immediate retry: now in a pause.
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await holding;
    const committedAt = Date.now();
    await waiting;
    return Date.now() - committedAt;
  }

  it('begins as soon as the holder commits', async () => {
    expect(await waitAfterHolderCommits(true)).toBeLessThan(1_000);
  });

  it('without the signal, waits out its pause', async () => {
    expect(await waitAfterHolderCommits(false)).toBeGreaterThanOrEqual(1_500);
  });
});
