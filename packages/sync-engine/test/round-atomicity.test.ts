import {
  adjustStock,
  type Db,
  type DialectName,
  listSyncHistory,
  markDirty,
  recordSyncAttempt,
} from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseClaimsOf } from '../src/index.ts';
import { createSyncFixture, type SyncFixture } from './support/sync-fixture.ts';

/** Makes the database refuse one kind of Sync History write, as a full disk or a constraint would. */
async function refuseHistoryWrites(db: Db, dialect: DialectName, event: 'insert' | 'update', when: string) {
  if (dialect === 'sqlite') {
    await sql
      .raw(`create trigger refuse_write before ${event} on sync_history when ${when}
        begin select raise(abort, 'refused by the test'); end`)
      .execute(db);
    return;
  }
  await sql
    .raw(`create function refuse_write() returns trigger language plpgsql as $$
      begin raise exception 'refused by the test'; end $$`)
    .execute(db);
  await sql
    .raw(`create trigger refuse_write before ${event} on sync_history for each row when (${when})
      execute function refuse_write()`)
    .execute(db);
}

async function allowHistoryWrites(db: Db, dialect: DialectName) {
  await sql
    .raw(dialect === 'sqlite' ? 'drop trigger refuse_write' : 'drop trigger refuse_write on sync_history')
    .execute(db);
}

for (const dialect of DIALECTS) {
  describe(`a round's writes are all or nothing [${dialect}]`, () => {
    let f: SyncFixture;
    afterEach(async () => {
      await f.close();
    });

    const productId = async (sku: string) =>
      (await f.db.selectFrom('products').select('id').where('sku', '=', sku).executeTakeFirstOrThrow()).id;
    const dirtyRow = async (sku: string) =>
      f.db
        .selectFrom('syncDirty')
        .select(['claimedBy', 'seq'])
        .where('productId', '=', await productId(sku))
        .executeTakeFirst();
    const rateState = async () =>
      (await f.db.selectFrom('channelRateState').select('state').executeTakeFirst())?.state;

    it('a claim whose interrupted attempts cannot be closed leaves the pairs unclaimed', async () => {
      f = await createSyncFixture(dialect, { products: 2 });
      const errors: string[] = [];
      const engine = f.engine({ logger: { ...console, error: (message: string) => errors.push(message) } });
      await engine.drain();
      const listing = await f.db
        .selectFrom('listings')
        .select('id')
        .where('productId', '=', await productId('SKU-1'))
        .executeTakeFirstOrThrow();
      // A worker that died mid-push left its attempt pending.
      const cut = await recordSyncAttempt(f.db, {
        storeId: f.store.id,
        channelId: f.channelId,
        productId: await productId('SKU-1'),
        listingId: listing.id,
        status: 'pending',
        quantity: 9,
        cause: { type: 'adjustment', ref: 'x', marks: 1, firstMarkedAt: Date.now() },
        explanation: null,
        attempt: 1,
        seq: 1,
        queuedAt: Date.now(),
        workerId: 'gone',
      });
      await adjustStock(f.db, f.store.id, { reason: 'recount', lines: [{ sku: 'SKU-1', set: 7 }] });
      await refuseHistoryWrites(f.db, dialect, 'update', "new.error_code = 'interrupted'");

      await engine.runOnce();
      expect(errors).toEqual(['sync round failed']);
      expect(await dirtyRow('SKU-1')).toMatchObject({ claimedBy: null });
      expect(f.sim.quantityOf('SKU-1')).toBe(10);

      await allowHistoryWrites(f.db, dialect);
      expect(await engine.drain()).toMatchObject({ pushed: 1 });
      expect(f.sim.quantityOf('SKU-1')).toBe(7);
      const closed = await f.db
        .selectFrom('syncHistory')
        .selectAll()
        .where('id', '=', cut)
        .executeTakeFirst();
      expect(closed).toMatchObject({ status: 'retrying', errorCode: 'interrupted' });
    });

    it('when the pending attempts cannot be written, no skip, settle or rate reservation is either', async () => {
      f = await createSyncFixture(dialect, { products: 2 });
      const errors: string[] = [];
      const engine = f.engine({ logger: { ...console, error: (message: string) => errors.push(message) } });
      await engine.drain();
      const historyBefore = (await listSyncHistory(f.db, f.store.id, {})).items.length;
      // SKU-1 is marked with nothing to change (a skip); SKU-2 has a new value to push.
      await markDirty(f.db, {
        storeId: f.store.id,
        products: [await productId('SKU-1')],
        cause: { type: 'resync', ref: 'test' },
      });
      await adjustStock(f.db, f.store.id, { reason: 'recount', lines: [{ sku: 'SKU-2', set: 6 }] });
      const stateBefore = await rateState();
      await refuseHistoryWrites(f.db, dialect, 'insert', "new.status = 'pending'");

      await engine.runOnce();
      expect(errors).toEqual(['sync round failed']);
      expect((await listSyncHistory(f.db, f.store.id, {})).items).toHaveLength(historyBefore);
      expect(await dirtyRow('SKU-1')).toBeDefined();
      expect(await rateState()).toBe(stateBefore);
      expect(f.sim.quantityOf('SKU-2')).toBe(10);

      await allowHistoryWrites(f.db, dialect);
      await releaseClaimsOf(f.db, engine.workerId);
      expect(await engine.drain()).toMatchObject({ pushed: 1, skipped: 1 });
      expect(f.sim.quantityOf('SKU-2')).toBe(6);
      expect(await dirtyRow('SKU-1')).toBeUndefined();
    });
  });
}
