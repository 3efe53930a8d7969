import { bulkSetAutoSync, listSyncHistory, setAutoSync } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncFixture, type SyncFixture } from './support/sync-fixture.ts';

// The first push after Auto Sync is turned on finds the channel item by SKU in the same round. Linking it
// must not pass for a change of its own: Sync History names Auto Sync as the cause, not `resync`.
for (const dialect of DIALECTS) {
  describe(`cause of the first push after Auto Sync is turned on [${dialect}]`, () => {
    let f: SyncFixture;
    afterEach(() => f.close());

    const productIds = async () =>
      (await f.db.selectFrom('products').select('id').orderBy('id').execute()).map((p) => p.id);
    const pushes = async () =>
      (await listSyncHistory(f.db, f.store.id, {})).items.map((h) => ({
        sku: h.sku,
        status: h.status,
        quantity: h.quantity,
        cause: { type: h.cause.type, ref: h.cause.ref },
      }));

    it('one product: auto_sync, with the product as its reference', async () => {
      f = await createSyncFixture(dialect, { products: 2, autoSync: false });
      const [first] = await productIds();
      await setAutoSync(f.db, f.store.id, first!, true);
      await f.engine().drain();
      expect(f.sim.quantityOf('SKU-1')).toBe(10);
      expect(await pushes()).toEqual([
        {
          sku: 'SKU-1',
          status: 'succeeded',
          quantity: 10,
          cause: { type: 'auto_sync', ref: `product:${first}` },
        },
      ]);
    });

    it('in bulk: auto_sync for every product, with the bulk change as its reference', async () => {
      f = await createSyncFixture(dialect, { products: 3, autoSync: false });
      await bulkSetAutoSync(f.db, f.store.id, { filter: {} }, true, { idempotencyKey: 'turn-on-all' });
      await f.engine().drain();
      const history = await pushes();
      expect(history).toHaveLength(3);
      for (const entry of history) {
        expect(entry).toMatchObject({ status: 'succeeded', quantity: 10 });
        expect(entry.cause).toEqual({ type: 'auto_sync', ref: 'bulk:turn-on-all' });
      }
      expect((await f.db.selectFrom('listings').select('channelRef').execute()).length).toBe(3);
    });

    it('in bulk by ids, when some items were linked before: auto_sync for all of them', async () => {
      f = await createSyncFixture(dialect, { products: 2, autoSync: false });
      await f.engine().drain(); // nothing to push yet: nothing is linked
      await setAutoSync(f.db, f.store.id, (await productIds())[0]!, true);
      await f.engine().drain(); // links and pushes SKU-1
      await setAutoSync(f.db, f.store.id, (await productIds())[0]!, false);
      await bulkSetAutoSync(f.db, f.store.id, { ids: await productIds() }, true, { idempotencyKey: 'both' });
      await f.engine().drain();
      const latest = (await pushes()).slice(0, 2);
      expect(latest.map((h) => h.sku).sort()).toEqual(['SKU-1', 'SKU-2']);
      for (const entry of latest) expect(entry.cause).toEqual({ type: 'auto_sync', ref: 'bulk:both' });
    });
  });
}
