import { SIMULATOR_PATHS } from '@ballast/connector-webhook/simulator';
import {
  adjustStock,
  createProduct,
  listSyncHistory,
  setAutoSync,
  updateChannel,
  updateProduct,
} from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncFixture, type SyncFixture } from './support/sync-fixture.ts';

/** The SKUs of every lookup call the channel received, one list per call. */
const lookups = (f: SyncFixture) =>
  f.sim.server.requests
    .filter((r) => r.method === 'GET' && r.path === SIMULATOR_PATHS.lookup)
    .map((r) => new URLSearchParams(r.query).get('skus')?.split(',') ?? []);

const sell = (f: SyncFixture, sku: string) =>
  adjustStock(f.db, f.store.id, { reason: 'sold', lines: [{ sku, delta: -1 }] });

const notListedRows = async (f: SyncFixture, productId: number) =>
  (await listSyncHistory(f.db, f.store.id, { productId })).items.filter((h) => h.errorCode === 'not_listed');

for (const dialect of DIALECTS) {
  describe(`SKUs the channel does not list [${dialect}]`, () => {
    let f: SyncFixture;
    afterEach(() => f.close());

    /** SKU-1 is on the channel; GHOST-1 is not, and has stock to sell. */
    const setUp = async () => {
      f = await createSyncFixture(dialect, { products: 1 });
      const ghost = await createProduct(f.db, f.store.id, { sku: 'GHOST-1', name: 'Ghost', autoSync: true });
      await adjustStock(f.db, f.store.id, { reason: 'count', lines: [{ sku: 'GHOST-1', set: 20 }] });
      return ghost.id;
    };

    it('looks a missing SKU up once, then settles its changes without asking the channel, across restarts', async () => {
      const ghost = await setUp();
      await f.engine().drain();
      expect(lookups(f).flat()).toContain('GHOST-1');
      f.sim.server.clearLog();

      const engine = f.engine();
      for (let i = 0; i < 3; i++) {
        await sell(f, 'GHOST-1');
        const summary = await engine.drain();
        expect(summary).toMatchObject({ claimed: 1, skipped: 1, pushed: 0 });
      }
      // Another engine (a restart, or a second worker) reads the same answer from the database.
      await sell(f, 'GHOST-1');
      await f.engine().drain();
      expect(lookups(f)).toEqual([]);
      expect(await f.db.selectFrom('syncDirty').selectAll().execute()).toEqual([]);
      // One row says it, from the lookup; the changes settled from it do not repeat it.
      expect(await notListedRows(f, ghost)).toEqual([
        expect.objectContaining({
          status: 'skipped',
          errorMessage: 'no item with SKU GHOST-1 was found on this channel',
        }),
      ]);
    });

    it('still looks up SKUs it has no answer for in the same round', async () => {
      await setUp();
      const engine = f.engine();
      await engine.drain();
      await createProduct(f.db, f.store.id, { sku: 'NEW-1', name: 'New', autoSync: true });
      f.sim.seed([{ sku: 'NEW-1', quantity: 0 }]);
      await adjustStock(f.db, f.store.id, {
        reason: 'count',
        lines: [
          { sku: 'NEW-1', set: 4 },
          { sku: 'GHOST-1', set: 5 },
        ],
      });
      f.sim.server.clearLog();
      await engine.drain();
      expect(lookups(f)).toEqual([['NEW-1']]);
      expect(f.sim.quantityOf('NEW-1')).toBe(4);
    });

    it('looks up again once the answer is older than the re-check period, and pushes if the item appeared', async () => {
      const ghost = await setUp();
      const engine = f.engine({ notListedRecheckMs: 1_000 });
      await engine.drain();
      f.sim.server.clearLog();
      await sell(f, 'GHOST-1');
      await engine.drain();
      expect(lookups(f)).toEqual([]);

      await new Promise((resolve) => setTimeout(resolve, 1_050));
      await sell(f, 'GHOST-1');
      await engine.drain();
      expect(lookups(f)).toEqual([['GHOST-1']]);
      // Each lookup's verdict is on record: two calls, two rows.
      expect(await notListedRows(f, ghost)).toHaveLength(2);

      // The merchant lists it on the channel; the next re-check finds it and the quantity goes out.
      f.sim.seed([{ sku: 'GHOST-1', quantity: 0 }]);
      await new Promise((resolve) => setTimeout(resolve, 1_050));
      await sell(f, 'GHOST-1');
      await engine.drain();
      expect(f.sim.quantityOf('GHOST-1')).toBe(17);
    });

    it('looks a product up under its new SKU after the SKU changed', async () => {
      const ghost = await setUp();
      const engine = f.engine();
      await engine.drain();
      f.sim.seed([{ sku: 'LISTED-1', quantity: 0 }]);
      await updateProduct(f.db, f.store.id, ghost, { sku: 'LISTED-1' });
      f.sim.server.clearLog();
      await sell(f, 'LISTED-1');
      await engine.drain();
      expect(lookups(f)).toEqual([['LISTED-1']]);
      expect(f.sim.quantityOf('LISTED-1')).toBe(19);
    });

    it('looks up again for a forced mark (Auto Sync turned on)', async () => {
      const ghost = await setUp();
      const engine = f.engine();
      await engine.drain();
      await setAutoSync(f.db, f.store.id, ghost, false);
      await setAutoSync(f.db, f.store.id, ghost, true);
      f.sim.server.clearLog();
      await engine.drain();
      expect(lookups(f)).toEqual([['GHOST-1']]);
      expect(await notListedRows(f, ghost)).toHaveLength(2);
    });

    it('looks up again after the channel is given new config', async () => {
      await setUp();
      const engine = f.engine();
      await engine.drain();
      await updateChannel(f.db, f.store.id, f.channelId, { configCiphertext: 'rotated credentials' });
      f.sim.server.clearLog();
      await sell(f, 'GHOST-1');
      await engine.drain();
      expect(lookups(f)).toEqual([['GHOST-1']]);
    });

    it('writes the settled skip, with when it was looked up, when the history no longer says it', async () => {
      const ghost = await setUp();
      const engine = f.engine();
      const before = Date.now();
      await engine.drain();
      const lookedUp = new Date(Math.floor(before / 60_000) * 60_000);
      // The pair's rows are gone (purged): the next settled change says again why nothing was pushed.
      await f.db.deleteFrom('syncHistory').where('productId', '=', ghost).execute();
      f.sim.server.clearLog();
      await sell(f, 'GHOST-1');
      await engine.drain();
      await sell(f, 'GHOST-1');
      await engine.drain();
      expect(lookups(f)).toEqual([]);
      const rows = await notListedRows(f, ghost);
      expect(rows).toEqual([
        expect.objectContaining({ status: 'skipped', quantity: 19, errorMessage: expect.any(String) }),
      ]);
      const shown = /^not listed on the channel \(looked up (\d{4}-\d\d-\d\d \d\d:\d\d) UTC\)$/.exec(
        rows[0]!.errorMessage ?? '',
      );
      expect(shown).not.toBeNull();
      expect(Date.parse(`${shown![1]!.replace(' ', 'T')}Z`)).toBeGreaterThanOrEqual(lookedUp.getTime());
    });
  });
}
