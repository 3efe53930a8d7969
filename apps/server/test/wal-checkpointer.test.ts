import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { silentLogger } from '@ballast/connector-kit';
import { BACKSTOP_CHECKPOINT_PAGES, type OpenedDatabase, openDatabase } from '@ballast/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWalCheckpointer, type WalCheckpointer } from '../src/db/wal-checkpointer.ts';

describe('the WAL checkpointer (SQLite file)', () => {
  let dir: string;
  let file: string;
  let writer: OpenedDatabase;
  let checkpointer: WalCheckpointer | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ballast-checkpointer-'));
    file = join(dir, 'ballast.db');
    writer = await openDatabase(`sqlite:${file}`, { migrate: false, backgroundCheckpoints: true });
    await sql`create table blobs (id integer primary key, body blob not null)`.execute(writer.db);
  });

  afterEach(async () => {
    await checkpointer?.stop();
    checkpointer = undefined;
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** About 4 MB in 1,000 commits: far above SQLite's own autocheckpoint, far below the backstop. */
  async function writeMegabytes(): Promise<void> {
    for (let i = 0; i < 1000; i++)
      await sql`insert into blobs (body) values (randomblob(4000))`.execute(writer.db);
  }

  it('leaves checkpoints to the checkpointer: the writer alone never copies the WAL into the database', async () => {
    const pages = await sql<{ walAutocheckpoint: number }>`pragma wal_autocheckpoint`.execute(writer.db);
    expect(pages.rows[0]!.walAutocheckpoint).toBe(BACKSTOP_CHECKPOINT_PAGES);
    const before = statSync(file).size;
    await writeMegabytes();
    expect(statSync(file).size).toBe(before);
  });

  it('copies the WAL into the database in the background while the writer goes on', async () => {
    checkpointer = await startWalCheckpointer(file, silentLogger, 20);
    await writeMegabytes();
    const until = Date.now() + 5_000;
    while (statSync(file).size < 4_000_000 && Date.now() < until) await sleep(20);
    expect(statSync(file).size).toBeGreaterThanOrEqual(4_000_000);
  });

  it('stops its thread, once however often it is asked', async () => {
    checkpointer = await startWalCheckpointer(file, silentLogger, 20);
    await Promise.all([checkpointer.stop(), checkpointer.stop()]);
    await writeMegabytes();
    await sleep(100);
    expect(statSync(file).size).toBeLessThan(1_000_000);
  });
});
