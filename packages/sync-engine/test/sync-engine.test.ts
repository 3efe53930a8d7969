import {
  adjustStock,
  createProduct,
  createSalesOrder,
  listSyncHistory,
  setAutoSync,
  shipSalesOrder,
} from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncFixture, type SyncFixture } from './support/sync-fixture.ts';

const inventoryPosts = (f: SyncFixture) => f.sim.server.requests.filter((r) => r.method === 'POST').length;

for (const dialect of DIALECTS) {
  describe(`sync engine [${dialect}]`, () => {
    let f: SyncFixture;
    afterEach(() => f.close());

    it('pushes the syncable balance of every auto-synced product and records it in Sync History', async () => {
      f = await createSyncFixture(dialect, { products: 3 });
      await createSalesOrder(f.db, f.store.id, { number: 'SO-1', lines: [{ sku: 'SKU-1', quantity: 4 }] });
      const summary = await f.engine().drain();
      expect(summary.pushed).toBe(3);
      expect(f.sim.quantityOf('SKU-1')).toBe(6);
      expect(f.sim.quantityOf('SKU-2')).toBe(10);
      const history = await listSyncHistory(f.db, f.store.id, { productId: undefined });
      const sku1 = history.items.find((h) => h.sku === 'SKU-1');
      expect(sku1).toMatchObject({ status: 'succeeded', quantity: 6, previousQuantity: 0 });
      expect(JSON.stringify(sku1?.explanation)).toContain('available');
    });

    it('coalesces many changes into one push of the value computed at push time', async () => {
      f = await createSyncFixture(dialect, { products: 1 });
      const engine = f.engine();
      await engine.drain();
      f.sim.server.clearLog();
      for (let i = 0; i < 10; i++) {
        await adjustStock(f.db, f.store.id, { reason: 'recount', lines: [{ sku: 'SKU-1', delta: -1 }] });
      }
      await engine.drain();
      expect(inventoryPosts(f)).toBe(1);
      expect(f.sim.quantityOf('SKU-1')).toBe(0);
      const history = await listSyncHistory(f.db, f.store.id, { status: ['succeeded'] });
      expect(history.items[0]).toMatchObject({ quantity: 0, cause: expect.objectContaining({ marks: 10 }) });
    });

    it('skips a push when the channel already shows the value, and records the skip', async () => {
      f = await createSyncFixture(dialect, { products: 1 });
      const engine = f.engine();
      await engine.drain();
      // A change that nets out: the balance is still 10.
      await adjustStock(f.db, f.store.id, { reason: 'found', lines: [{ sku: 'SKU-1', delta: 1 }] });
      await adjustStock(f.db, f.store.id, { reason: 'lost', lines: [{ sku: 'SKU-1', delta: -1 }] });
      f.sim.server.clearLog();
      await engine.drain();
      expect(inventoryPosts(f)).toBe(0);
      const skipped = await listSyncHistory(f.db, f.store.id, { status: ['skipped'] });
      expect(skipped.items[0]).toMatchObject({ quantity: 10, errorCode: 'unchanged' });
    });

    it('pushes at once when Auto Sync is turned on, even if the channel seems to show the value', async () => {
      f = await createSyncFixture(dialect, { products: 1, autoSync: false });
      const engine = f.engine();
      await engine.drain();
      expect(f.sim.quantityOf('SKU-1')).toBe(0);
      const product = (await f.db.selectFrom('products').select('id').executeTakeFirstOrThrow()).id;
      await setAutoSync(f.db, f.store.id, product, true);
      await engine.drain();
      expect(f.sim.quantityOf('SKU-1')).toBe(10);
      // Forced: even with the listing's last pushed value equal, turning it on again pushes again.
      await setAutoSync(f.db, f.store.id, product, false);
      await setAutoSync(f.db, f.store.id, product, true);
      f.sim.server.clearLog();
      await engine.drain();
      expect(inventoryPosts(f)).toBe(1);
    });

    it('cuts batches at the connector maximum', async () => {
      f = await createSyncFixture(dialect, { products: 25, batchSize: 10 });
      await f.engine().drain();
      const posts = f.sim.server.requests.filter((r) => r.method === 'POST');
      expect(posts.map((p) => (JSON.parse(p.body) as { items: unknown[] }).items.length)).toEqual([
        10, 10, 5,
      ]);
      expect(f.sim.quantityOf('SKU-25')).toBe(10);
    });

    it('retries transient failures with backoff and records each attempt', async () => {
      f = await createSyncFixture(dialect, { products: 1 });
      f.sim.server.faults.next({ kind: 'status', status: 503 }, { method: 'POST', times: 2 });
      const engine = f.engine();
      for (let i = 0; i < 50 && f.sim.quantityOf('SKU-1') !== 10; i++) {
        await engine.drain();
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(f.sim.quantityOf('SKU-1')).toBe(10);
      const history = await listSyncHistory(f.db, f.store.id, {});
      expect(history.items.map((h) => h.status)).toEqual(['succeeded', 'retrying', 'retrying']);
      expect(history.items.map((h) => h.attempt)).toEqual([3, 2, 1]);
    });

    it('stops on a permanent failure and surfaces the channel message', async () => {
      f = await createSyncFixture(dialect, { products: 2 });
      f.sim.server.faults.next(
        {
          kind: 'partial',
          failures: [{ sku: 'SKU-2', retryable: false, code: 'invalid_sku', message: 'SKU is archived' }],
        },
        { method: 'POST' },
      );
      await f.engine().drain();
      expect(f.sim.quantityOf('SKU-1')).toBe(10);
      expect(f.sim.quantityOf('SKU-2')).toBe(0);
      const failed = await listSyncHistory(f.db, f.store.id, { status: ['failed'] });
      expect(failed.items).toHaveLength(1);
      expect(failed.items[0]).toMatchObject({
        sku: 'SKU-2',
        errorCode: 'invalid_sku',
        errorMessage: 'SKU is archived',
      });
      expect(await f.db.selectFrom('syncDirty').selectAll().execute()).toEqual([]);
    });

    it('records products the channel does not list as skipped, without pushing them', async () => {
      f = await createSyncFixture(dialect, { products: 1 });
      await createProduct(f.db, f.store.id, { sku: 'NOT-ON-CHANNEL', name: 'x', autoSync: true });
      await f.engine().drain();
      const skipped = await listSyncHistory(f.db, f.store.id, { status: ['skipped'] });
      expect(skipped.items).toEqual([
        expect.objectContaining({ sku: 'NOT-ON-CHANNEL', errorCode: 'not_listed' }),
      ]);
    });

    it('pushes a kit when a component ships', async () => {
      f = await createSyncFixture(dialect, { products: 2 });
      f.sim.seed([{ sku: 'KIT', quantity: 0 }]);
      await createProduct(f.db, f.store.id, {
        sku: 'KIT',
        name: 'Kit',
        kind: 'kit',
        autoSync: true,
        components: [
          { sku: 'SKU-1', quantity: 2 },
          { sku: 'SKU-2', quantity: 1 },
        ],
      });
      const engine = f.engine();
      await engine.drain();
      expect(f.sim.quantityOf('KIT')).toBe(5);
      const order = await createSalesOrder(f.db, f.store.id, {
        number: 'SO-9',
        lines: [{ sku: 'SKU-1', quantity: 4 }],
      });
      await shipSalesOrder(f.db, f.store.id, order.id, {});
      await engine.drain();
      expect(f.sim.quantityOf('SKU-1')).toBe(6);
      expect(f.sim.quantityOf('KIT')).toBe(3);
    });

    it('repairs drift found by reading the channel back', async () => {
      f = await createSyncFixture(dialect, { products: 2 });
      const engine = f.engine();
      await engine.drain();
      f.sim.setQuantity('SKU-2', 99); // someone edited the channel by hand
      const sweep = await engine.sweepDrift(f.channelId);
      expect(sweep).toEqual({ read: 2, drifted: 1 });
      await engine.drain();
      expect(f.sim.quantityOf('SKU-2')).toBe(10);
    });

    it('a push that waited for the rate limit carries the balance of after the wait', async () => {
      f = await createSyncFixture(dialect, { products: 1, requestsPerSecond: 0.5 });
      const engine = f.engine();
      await engine.drain(); // spends the only token: the next call waits about 2 s
      await adjustStock(f.db, f.store.id, { reason: 'sold', lines: [{ sku: 'SKU-1', delta: -1 }] });
      const round = engine.runOnce();
      await new Promise((r) => setTimeout(r, 300));
      // A change while the round waits for the channel's limit.
      await adjustStock(f.db, f.store.id, { reason: 'sold', lines: [{ sku: 'SKU-1', delta: -2 }] });
      await round;
      for (let i = 0; i < 100 && f.sim.quantityOf('SKU-1') !== 7; i++) {
        await engine.drain();
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(f.sim.quantityOf('SKU-1')).toBe(7);
      // The value computed before the wait (9) never went out: the push took the balance again after waiting.
      const sent = f.sim.server.requests
        .filter((r) => r.method === 'POST')
        .flatMap((r) =>
          (JSON.parse(r.body) as { items: { quantity: number }[] }).items.map((i) => i.quantity),
        );
      expect(sent).not.toContain(9);
      expect(sent.at(-1)).toBe(7);
    });

    it('runs as a loop and pushes soon after a change', async () => {
      f = await createSyncFixture(dialect, { products: 1 });
      const engine = f.engine();
      engine.start();
      await adjustStock(f.db, f.store.id, { reason: 'sold in shop', lines: [{ sku: 'SKU-1', delta: -3 }] });
      for (let i = 0; i < 200 && f.sim.quantityOf('SKU-1') !== 7; i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(f.sim.quantityOf('SKU-1')).toBe(7);
      await engine.stop();
    });
  });
}
