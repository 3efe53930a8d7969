import {
  adjustStock,
  applyFeedSnapshot,
  createFeed,
  createSalesOrder,
  listSyncHistory,
  markStaleFeeds,
} from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSyncFixture, type SyncFixture } from './support/sync-fixture.ts';

const HOUR = 60 * 60_000;

for (const dialect of DIALECTS) {
  describe(`a stale inventory feed [${dialect}]`, () => {
    let f: SyncFixture;
    afterEach(async () => {
      vi.useRealTimers();
      await f.close();
    });

    it('holds the pushes of what it covers, records why, and resumes with a fresh snapshot', async () => {
      // Only Date is faked, and it keeps running: the engine's timers, leases and rate buckets behave as usual.
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
      f = await createSyncFixture(dialect, { products: 2 });
      const feed = await createFeed(f.db, f.store.id, { name: 'Warehouse CSV', staleAfterMinutes: 60 });
      await applyFeedSnapshot(f.db, f.store.id, feed.id, { items: [{ sku: 'SKU-1', onHand: 8 }] });
      const engine = f.engine();
      await engine.drain();
      expect(f.sim.quantityOf('SKU-1')).toBe(8);

      vi.setSystemTime(Date.now() + 5 * HOUR);
      const raised = await markStaleFeeds(f.db, Date.now());
      expect(raised).toEqual([expect.objectContaining({ feedId: feed.id, marked: 1 })]);
      f.sim.server.clearLog();
      await engine.drain();
      // Turning stale alone is recorded: the hold is visible in Sync History, not a silent wait.
      const reason = 'feed "Warehouse CSV" is stale (last snapshot 5 h ago)';
      const heldOnTurn = await listSyncHistory(f.db, f.store.id, { status: ['skipped'] });
      expect(heldOnTurn.items).toEqual([
        expect.objectContaining({
          sku: 'SKU-1',
          quantity: null,
          errorCode: 'unknown_quantity',
          errorMessage: reason,
          cause: expect.objectContaining({ type: 'feed', ref: `feed-stale:${feed.id}` }),
        }),
      ]);

      // Sold meanwhile: the ledger moves, but the feed's number it starts from can no longer be trusted.
      await createSalesOrder(f.db, f.store.id, { number: 'SO-1', lines: [{ sku: 'SKU-1', quantity: 3 }] });
      await adjustStock(f.db, f.store.id, { reason: 'recount', lines: [{ sku: 'SKU-2', set: 6 }] });
      await engine.drain();

      expect(f.sim.server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(f.sim.quantityOf('SKU-1')).toBe(8);
      expect(f.sim.quantityOf('SKU-2')).toBe(6);
      const held = await listSyncHistory(f.db, f.store.id, { status: ['skipped'] });
      expect(held.items[0]).toMatchObject({
        sku: 'SKU-1',
        quantity: null,
        errorCode: 'unknown_quantity',
        errorMessage: reason,
        cause: expect.objectContaining({ type: 'sales_order' }),
      });
      expect(JSON.stringify(held.items[0]?.explanation)).toContain('→ push held');
      expect(await f.db.selectFrom('syncDirty').selectAll().execute()).toEqual([]);

      // Fresh again, with the same number: nothing moved, yet the held push goes out (8 − 3 committed).
      const run = await applyFeedSnapshot(f.db, f.store.id, feed.id, {
        items: [{ sku: 'SKU-1', onHand: 8 }],
      });
      expect(run.changed).toBe(0);
      await engine.drain();
      expect(f.sim.quantityOf('SKU-1')).toBe(5);
      const resumed = await listSyncHistory(f.db, f.store.id, { status: ['succeeded'] });
      expect(resumed.items[0]).toMatchObject({
        sku: 'SKU-1',
        quantity: 5,
        cause: expect.objectContaining({ type: 'feed', ref: String(run.runId) }),
      });
    });
  });
}
