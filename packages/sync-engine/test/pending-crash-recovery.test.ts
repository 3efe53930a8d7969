import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adjustStock, computeSyncableBalances, listSyncHistory } from '@ballast/core';
import { createTestDatabase, DIALECTS } from '@ballast/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedFixture, type FeedFixture } from './support/feed-fixture.ts';
import { startWorkerProcess, type WorkerProcess } from './support/worker-processes.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const dialect of DIALECTS) {
  describe(`pending results survive a crash [${dialect}]`, () => {
    let f: FeedFixture;
    const workers: WorkerProcess[] = [];
    afterEach(async () => {
      await Promise.all(workers.splice(0).map((w) => w.kill()));
      await f.close();
      await f.t.drop();
    });

    const pendingCount = async () =>
      (await f.db.selectFrom('syncPending').select('historyId').execute()).length;
    const start = async (workerId: string) => {
      const worker = await startWorkerProcess({
        databaseUrl: f.t.url,
        connectorConfig: f.config,
        workerId,
        leaseMs: 2_000,
        pendingPollMs: 30,
      });
      workers.push(worker);
      return worker;
    };

    it('a killed worker’s accepted feeds are still polled: a restarted worker confirms them without pushing again', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'ballast-feed-crash-')), 'ballast.db');
      const database = await createTestDatabase(dialect, { file });
      f = await createFeedFixture(dialect, { products: 12, batchSize: 5, database });

      const first = await start('w1');
      // The channel accepts every feed but processes none while w1 runs: w1 keeps polling "in progress".
      for (let i = 0; i < 400 && (await pendingCount()) < 12; i++) await sleep(25);
      expect(await pendingCount()).toBe(12);
      for (
        let i = 0;
        i < 100 && !f.sim.server.requests.some((r) => r.method === 'GET' && r.path === '/feeds');
        i++
      )
        await sleep(25);
      await first.kill();

      // While no worker runs: the channel finishes its feeds, and a sale changes one product.
      f.sim.processPending();
      await adjustStock(f.db, f.store.id, { reason: 'sold offline', lines: [{ sku: 'SKU-1', delta: -4 }] });
      const feedsBefore = f.sim.server.requests.filter((r) => r.method === 'POST').length;
      expect(feedsBefore).toBe(3);
      const handles = (await listSyncHistory(f.db, f.store.id, { status: ['pending'], limit: 100 })).items;
      expect(handles).toHaveLength(12);
      expect(handles.every((h) => h.pendingHandle !== null && h.workerId === 'w1')).toBe(true);

      await start('w2');
      for (let i = 0; i < 600; i++) {
        f.sim.processPending(); // the SKU-1 change goes out as a new feed
        const dirty = await f.db.selectFrom('syncDirty').select('productId').execute();
        if (dirty.length === 0 && (await pendingCount()) === 0 && f.sim.quantityOf('SKU-1') === 6) break;
        await sleep(25);
      }

      expect(await pendingCount()).toBe(0);
      const history = (await listSyncHistory(f.db, f.store.id, { limit: 100 })).items;
      // w1's twelve accepted pushes were confirmed after the restart, none cut short or pushed twice.
      const fromFirst = history.filter((h) => h.workerId === 'w1');
      expect(fromFirst).toHaveLength(12);
      expect(fromFirst.every((h) => h.status === 'succeeded')).toBe(true);
      // w2 pushes the sale once. When w1's older SKU-1 verdict happens to be applied after that push was
      // confirmed, the engine cannot know which of the two writes the channel applied last and sends the value
      // once more (cause resync): the same quantity, never an old one.
      const fromSecond = history.filter((h) => h.workerId === 'w2');
      expect(fromSecond.map((h) => [h.sku, h.status, h.quantity])).toContainEqual(['SKU-1', 'succeeded', 6]);
      expect(fromSecond.every((h) => h.sku === 'SKU-1' && h.status === 'succeeded' && h.quantity === 6)).toBe(
        true,
      );
      expect(fromSecond.filter((h) => h.cause.type !== 'resync').map((h) => h.cause.type)).toEqual([
        'adjustment',
      ]);
      expect(f.sim.server.requests.filter((r) => r.method === 'POST')).toHaveLength(
        feedsBefore + fromSecond.length,
      );

      const products = await f.db.selectFrom('products').select(['id', 'sku']).execute();
      const balances = await computeSyncableBalances(
        f.db,
        f.store.id,
        f.channelId,
        products.map((p) => p.id),
      );
      const listings = await f.db
        .selectFrom('listings')
        .select(['productId', 'lastPushedQuantity'])
        .execute();
      for (const product of products) {
        const master = balances.get(product.id)?.quantity;
        expect(f.sim.quantityOf(product.sku), product.sku).toBe(master);
        expect(listings.find((l) => l.productId === product.id)?.lastPushedQuantity, product.sku).toBe(
          master,
        );
      }
    }, 120_000);
  });
}
