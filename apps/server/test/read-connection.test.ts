import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, type OpenedDatabase, openDatabase } from '@ballast/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiToken, verifyApiToken } from '../src/auth/api-tokens.ts';
import { migrateServer } from '../src/db/server-migrations.ts';

// On SQLite the API's writer connection is busy for the whole of a group commit (and while it waits for the
// write lock); the read connection lets every new request's token check go on meanwhile.
describe('the read connection (SQLite file)', () => {
  let dir: string;
  let writer: OpenedDatabase;
  let reader: OpenedDatabase;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ballast-read-connection-'));
    const url = `sqlite:${join(dir, 'ballast.db')}`;
    writer = await openDatabase(url);
    await migrateServer(writer.db);
    reader = await openDatabase(url, { readOnly: true });
  });

  afterEach(async () => {
    await reader.close();
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Holds the writer connection in a transaction until the returned function is called. */
  async function holdWriter(): Promise<{ release(): Promise<void> }> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const inside = new Promise<void>((resolve) => {
      started = resolve;
    });
    const transaction = writer.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      started();
      await held;
    });
    await inside;
    return {
      release: async () => {
        release();
        await transaction;
      },
    };
  }

  it('checks a token while a transaction holds the writer connection', async () => {
    const store = await createStore(writer.db, { name: 'Read store' });
    // Two tokens, since a verified one is cached; both used just now, so checking them only reads.
    const { secret } = await createApiToken(writer.db, store.id, 'bench');
    const { secret: other } = await createApiToken(writer.db, store.id, 'other');
    await sql`update api_tokens set last_used_at = ${Date.now()}`.execute(writer.db);
    const hold = await holdWriter();

    const throughReader = verifyApiToken(writer.db, secret, reader.db);
    const throughWriter = verifyApiToken(writer.db, other);
    let writerDone = false;
    void throughWriter.then(() => {
      writerDone = true;
    });
    expect(await throughReader).toMatchObject({ storeId: store.id });
    // The same check through the writer connection waits for the transaction to end.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(writerDone).toBe(false);
    await hold.release();
    expect(await throughWriter).toMatchObject({ storeId: store.id });
  });

  it('refuses writes', async () => {
    await expect(createStore(reader.db, { name: 'Nope' })).rejects.toThrow(/readonly/i);
  });
});
