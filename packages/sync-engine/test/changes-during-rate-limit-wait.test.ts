import { SIMULATOR_PATHS } from '@ballast/connector-webhook/simulator';
import {
  adjustStock,
  createProduct,
  type Db,
  deleteProduct,
  listSyncHistory,
  markDirty,
  setAutoSync,
  setListingAutoSync,
  updateChannel,
} from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncFixture, type SyncFixture } from './support/sync-fixture.ts';

const pushes = (f: SyncFixture) =>
  f.sim.server.requests.filter((r) => r.method === 'POST' && r.path === SIMULATOR_PATHS.inventory);

/** `db` as the engine sees it, counting the transactions opened on it (claims and `transact` open them so). */
function countingTransactions(db: Db): { db: Db; count: () => number } {
  let transactions = 0;
  const counting = new Proxy(db, {
    get(target, key) {
      if (key === 'transaction') transactions++;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: counting, count: () => transactions };
}

interface Pair {
  productId: number;
  listingId: number;
}

interface Case {
  /** What happens while the round waits for the channel's rate limit, with SKU-1 planned at 9. */
  change: (f: SyncFixture, sku1: Pair) => Promise<unknown>;
  code: string;
  message: string;
  /** Whether the change holds back the whole channel (SKU-2's push too) or only SKU-1. */
  wholeChannel: boolean;
  /** Undoes the change: the held value then goes out. */
  undo?: (f: SyncFixture, sku1: Pair) => Promise<unknown>;
}

const cases: [string, Case][] = [
  [
    'Auto Sync is turned off for the product',
    {
      change: (f, { productId }) => setAutoSync(f.db, f.store.id, productId, false),
      code: 'auto_sync_off',
      message: 'Auto Sync was turned off',
      wholeChannel: false,
      undo: (f, { productId }) => setAutoSync(f.db, f.store.id, productId, true),
    },
  ],
  [
    "the listing's Auto Sync is overridden off",
    {
      change: (f, { listingId }) => setListingAutoSync(f.db, f.store.id, listingId, false),
      code: 'auto_sync_off',
      message: 'Auto Sync was turned off',
      wholeChannel: false,
      undo: (f, { listingId }) => setListingAutoSync(f.db, f.store.id, listingId, null),
    },
  ],
  [
    'the listing is unlinked from its channel item',
    {
      // No API unlinks a listing yet: the link is cleared the way one would.
      change: (f, { listingId }) =>
        f.db.updateTable('listings').set({ channelRef: null }).where('id', '=', listingId).execute(),
      code: 'unlinked',
      message: 'the listing was unlinked from its channel item',
      wholeChannel: false,
    },
  ],
  [
    'the channel is paused',
    {
      change: (f) => updateChannel(f.db, f.store.id, f.channelId, { status: 'paused' }),
      code: 'channel_inactive',
      message: 'the channel was paused',
      wholeChannel: true,
      undo: (f) => updateChannel(f.db, f.store.id, f.channelId, { status: 'active' }),
    },
  ],
  [
    'the channel is disconnected',
    {
      change: (f) =>
        updateChannel(f.db, f.store.id, f.channelId, { status: 'disconnected', configCiphertext: null }),
      code: 'channel_inactive',
      message: 'the channel was disconnected',
      wholeChannel: true,
    },
  ],
];

for (const dialect of DIALECTS) {
  describe(`a change during a push's rate-limit wait [${dialect}]`, () => {
    let f: SyncFixture;
    afterEach(() => f.close());

    it.each(cases)(
      '%s: the push does not go out, and the pair is settled as skipped on record',
      async (_, c) => {
        f = await createSyncFixture(dialect, { products: 2 });
        // One call a second: the round after the first push has to wait for the channel's rate limit.
        f.config.requestsPerSecond = 1;
        let change: (() => Promise<unknown>) | undefined;
        let changed = false;
        const engine = f.engine({
          sleep: async (ms) => {
            if (change && ms > 0 && !changed) {
              changed = true;
              await change();
            }
            await new Promise((resolve) => setTimeout(resolve, ms));
          },
        });
        await engine.drain();
        expect(f.sim.quantityOf('SKU-1')).toBe(10);
        const sku1 = await f.db
          .selectFrom('listings as l')
          .innerJoin('products as p', 'p.id', 'l.productId')
          .select(['l.id as listingId', 'p.id as productId'])
          .where('p.sku', '=', 'SKU-1')
          .executeTakeFirstOrThrow();
        f.sim.server.clearLog();
        change = () => c.change(f, sku1);

        await adjustStock(f.db, f.store.id, { reason: 'breakage', lines: [{ sku: 'SKU-1', delta: -1 }] });
        await adjustStock(f.db, f.store.id, { reason: 'recount', lines: [{ sku: 'SKU-2', set: 4 }] });
        const summary = await engine.drain();

        expect(changed).toBe(true);
        expect(f.sim.quantityOf('SKU-1')).toBe(10);
        expect(pushes(f).some((r) => r.body.includes('"SKU-1"'))).toBe(false);
        expect(f.sim.quantityOf('SKU-2')).toBe(c.wholeChannel ? 10 : 4);
        expect(summary).toMatchObject({ skipped: c.wholeChannel ? 2 : 1, pushed: c.wholeChannel ? 0 : 1 });
        const [newest] = (await listSyncHistory(f.db, f.store.id, { productId: sku1.productId })).items;
        expect(newest).toMatchObject({
          status: 'skipped',
          quantity: 9,
          errorCode: c.code,
          errorMessage: c.message,
          cause: expect.objectContaining({ type: 'adjustment' }),
        });
        expect(await f.db.selectFrom('syncDirty').selectAll().execute()).toEqual([]);

        if (c.undo) {
          await c.undo(f, sku1);
          await engine.drain();
          expect(f.sim.quantityOf('SKU-1')).toBe(9);
        }
      },
    );

    it('every product to push is deleted: nothing goes out, and no write transaction follows the wait', async () => {
      f = await createSyncFixture(dialect, { products: 0 });
      // One call a second: the round after the first push has to wait for the channel's rate limit.
      f.config.requestsPerSecond = 1;
      // Never moved stock, so it can be deleted.
      f.sim.seed([{ sku: 'NEW-1', quantity: 5 }]);
      const product = await createProduct(f.db, f.store.id, { sku: 'NEW-1', name: 'New', autoSync: true });
      const transactions = countingTransactions(f.db);
      let change: (() => Promise<unknown>) | undefined;
      let transactionsAfterWait: number | undefined;
      const engine = f.engine({
        db: transactions.db,
        sleep: async (ms) => {
          const changing = change && ms > 0 && transactionsAfterWait === undefined;
          if (changing) await change?.();
          await new Promise((resolve) => setTimeout(resolve, ms));
          if (changing) transactionsAfterWait = transactions.count();
        },
      });
      await engine.drain();
      expect(f.sim.quantityOf('NEW-1')).toBe(0);
      f.sim.server.clearLog();
      await markDirty(f.db, {
        storeId: f.store.id,
        products: [product.id],
        cause: { type: 'resync', ref: 'test' },
        force: true,
      });
      change = () => deleteProduct(f.db, f.store.id, product.id);

      const summary = await engine.runOnce();

      expect(transactionsAfterWait).toBeDefined();
      expect(pushes(f)).toEqual([]);
      expect(summary).toEqual({ claimed: 1, pushed: 0, skipped: 0, failed: 0, retrying: 0 });
      // Nothing was left to record: the round took the write lock no more after its wait.
      expect(transactions.count()).toBe(transactionsAfterWait);
    });
  });
}
