import {
  adjustStock,
  applyFeedSnapshot,
  createFeed,
  createProduct,
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

      expect(JSON.stringify(heldOnTurn.items[0]?.explanation)).toContain('→ push held');

      // Sold meanwhile: the ledger moves, but the feed's number it starts from can no longer be trusted. The
      // hold settles the change; Sync History already says it, so it gets no second row.
      await createSalesOrder(f.db, f.store.id, { number: 'SO-1', lines: [{ sku: 'SKU-1', quantity: 3 }] });
      await adjustStock(f.db, f.store.id, { reason: 'recount', lines: [{ sku: 'SKU-2', set: 6 }] });
      expect(await engine.drain()).toMatchObject({ skipped: 1, pushed: 1 });

      expect(f.sim.server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(f.sim.quantityOf('SKU-1')).toBe(8);
      expect(f.sim.quantityOf('SKU-2')).toBe(6);
      const held = await listSyncHistory(f.db, f.store.id, { status: ['skipped'] });
      expect(held.items).toEqual(heldOnTurn.items);
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

    it('writes a hold once while the same feed keeps it stale, however old the snapshot grows', async () => {
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
      f = await createSyncFixture(dialect, { products: 1 });
      // Two feeds cover SKU-1's position; while both are stale the older one gives the reason.
      const warehouse = await createFeed(f.db, f.store.id, { name: 'Warehouse CSV', staleAfterMinutes: 60 });
      const backroom = await createFeed(f.db, f.store.id, { name: 'Backroom CSV', staleAfterMinutes: 60 });
      for (const feed of [warehouse, backroom])
        await applyFeedSnapshot(f.db, f.store.id, feed.id, { items: [{ sku: 'SKU-1', onHand: 8 }] });
      const engine = f.engine();
      await engine.drain();
      expect(f.sim.quantityOf('SKU-1')).toBe(8);
      const holds = async () =>
        (await listSyncHistory(f.db, f.store.id, { status: ['skipped'] })).items.map((h) => h.errorMessage);

      vi.setSystemTime(Date.now() + 5 * HOUR);
      await markStaleFeeds(f.db, Date.now());
      expect(await engine.drain()).toMatchObject({ skipped: 1 });
      expect(await holds()).toEqual(['feed "Warehouse CSV" is stale (last snapshot 5 h ago)']);

      // Every change still settles and counts as skipped; the reason's text now says 6 h, the feed is the same.
      vi.setSystemTime(Date.now() + HOUR);
      for (let i = 0; i < 3; i++) {
        await adjustStock(f.db, f.store.id, { reason: 'sold', lines: [{ sku: 'SKU-1', delta: -1 }] });
        expect(await engine.drain()).toMatchObject({ claimed: 1, skipped: 1, pushed: 0 });
      }
      expect(await holds()).toEqual(['feed "Warehouse CSV" is stale (last snapshot 5 h ago)']);
      expect(await f.db.selectFrom('syncDirty').selectAll().execute()).toEqual([]);

      // The warehouse feed is fresh again, but the backroom feed still holds the push: another reason, a new row.
      await applyFeedSnapshot(f.db, f.store.id, warehouse.id, { items: [{ sku: 'SKU-1', onHand: 8 }] });
      expect(await engine.drain()).toMatchObject({ skipped: 1, pushed: 0 });
      expect(await holds()).toEqual([
        'feed "Backroom CSV" is stale (last snapshot 6 h ago)',
        'feed "Warehouse CSV" is stale (last snapshot 5 h ago)',
      ]);
      expect(f.sim.server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    });

    it("writes a kit's hold once while the same stale feed holds its component, a new one for another", async () => {
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
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
      // Each component comes from its own feed.
      const warehouse = await createFeed(f.db, f.store.id, { name: 'Warehouse CSV', staleAfterMinutes: 60 });
      const backroom = await createFeed(f.db, f.store.id, { name: 'Backroom CSV', staleAfterMinutes: 60 });
      await applyFeedSnapshot(f.db, f.store.id, warehouse.id, { items: [{ sku: 'SKU-1', onHand: 8 }] });
      await applyFeedSnapshot(f.db, f.store.id, backroom.id, { items: [{ sku: 'SKU-2', onHand: 8 }] });
      const engine = f.engine();
      await engine.drain();
      expect(f.sim.quantityOf('KIT')).toBe(4);
      const kitHolds = async () =>
        (await listSyncHistory(f.db, f.store.id, { status: ['skipped'] })).items
          .filter((h) => h.sku === 'KIT')
          .map((h) => h.errorMessage);

      vi.setSystemTime(Date.now() + 5 * HOUR);
      await markStaleFeeds(f.db, Date.now());
      await engine.drain();
      const heldByWarehouse =
        'component SKU-1 of kit KIT is unknown: feed "Warehouse CSV" is stale (last snapshot 5 h ago)';
      expect(await kitHolds()).toEqual([heldByWarehouse]);

      // Sales of a component mark the kit again; its reason's text says 6 h now, the feed behind it is the same.
      vi.setSystemTime(Date.now() + HOUR);
      for (let i = 0; i < 2; i++) {
        await adjustStock(f.db, f.store.id, { reason: 'sold', lines: [{ sku: 'SKU-1', delta: -1 }] });
        expect(await engine.drain()).toMatchObject({ claimed: 2, skipped: 2, pushed: 0 });
      }
      expect(await kitHolds()).toEqual([heldByWarehouse]);

      // SKU-1 is fresh again, SKU-2's feed still holds the kit: another component and feed, a new row.
      await applyFeedSnapshot(f.db, f.store.id, warehouse.id, { items: [{ sku: 'SKU-1', onHand: 8 }] });
      await engine.drain();
      expect(await kitHolds()).toEqual([
        'component SKU-2 of kit KIT is unknown: feed "Backroom CSV" is stale (last snapshot 6 h ago)',
        heldByWarehouse,
      ]);
      expect(f.sim.quantityOf('KIT')).toBe(4);
    });

    it('never pushes a number computed before a rate-limit wait during which the feed went stale', async () => {
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
      f = await createSyncFixture(dialect, { products: 2 });
      // One call a second: the round after the first push has to wait for the channel's rate limit.
      f.config.requestsPerSecond = 1;
      const feed = await createFeed(f.db, f.store.id, { name: 'Warehouse CSV', staleAfterMinutes: 60 });
      await applyFeedSnapshot(f.db, f.store.id, feed.id, { items: [{ sku: 'SKU-1', onHand: 8 }] });
      let armed = false;
      let waits = 0;
      const engine = f.engine({
        sleep: async (ms) => {
          // While the round waits with SKU-1 planned at 7, the feed's last snapshot grows too old.
          if (armed && ms > 0 && waits++ === 0) vi.setSystemTime(Date.now() + 2 * HOUR);
          await new Promise((resolve) => setTimeout(resolve, ms));
        },
      });
      await engine.drain();
      expect(f.sim.quantityOf('SKU-1')).toBe(8);
      armed = true;

      await adjustStock(f.db, f.store.id, { reason: 'breakage', lines: [{ sku: 'SKU-1', delta: -1 }] });
      await adjustStock(f.db, f.store.id, { reason: 'recount', lines: [{ sku: 'SKU-2', set: 4 }] });
      await engine.drain();

      expect(waits).toBeGreaterThan(0);
      expect(f.sim.quantityOf('SKU-1')).toBe(8); // not the 7 planned before the wait
      expect(f.sim.quantityOf('SKU-2')).toBe(4); // the rest of the batch still went out
      const held = await listSyncHistory(f.db, f.store.id, { status: ['skipped'] });
      expect(held.items[0]).toMatchObject({
        sku: 'SKU-1',
        quantity: null,
        errorCode: 'unknown_quantity',
        errorMessage: expect.stringContaining('feed "Warehouse CSV" is stale'),
      });
      const pushedSku1 = await listSyncHistory(f.db, f.store.id, { status: ['succeeded'] });
      expect(pushedSku1.items.filter((h) => h.sku === 'SKU-1').map((h) => h.quantity)).toEqual([8]);
    });
  });
}
