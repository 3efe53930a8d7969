import { adjustStock } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncFixture, type SyncFixture } from './support/sync-fixture.ts';

for (const dialect of DIALECTS) {
  describe(`confirming a round's pushes [${dialect}]`, () => {
    let f: SyncFixture;
    afterEach(async () => {
      await f.close();
    });

    it('advances each listing the channel confirmed, and pushes again where a newer push was confirmed first', async () => {
      f = await createSyncFixture(dialect, { products: 3 });
      const engine = f.engine();
      await engine.drain();
      const listing = (sku: string) =>
        f.db
          .selectFrom('listings as l')
          .innerJoin('products as p', 'p.id', 'l.productId')
          .select(['l.id', 'l.productId', 'l.lastPushedQuantity', 'l.lastPushedSeq', 'l.channelQuantity'])
          .where('p.sku', '=', sku)
          .executeTakeFirstOrThrow();
      // A push with a later mark was confirmed for SKU-1 while this round's was in flight.
      const newer = Number((await listing('SKU-1')).lastPushedSeq) + 1_000_000;
      await f.db
        .updateTable('listings')
        .set({ lastPushedSeq: newer })
        .where('id', '=', (await listing('SKU-1')).id)
        .execute();
      await adjustStock(f.db, f.store.id, {
        reason: 'recount',
        lines: [
          { sku: 'SKU-1', set: 4 },
          { sku: 'SKU-2', set: 5 },
          { sku: 'SKU-3', set: 6 },
        ],
      });

      expect(await engine.runOnce()).toMatchObject({ claimed: 3, pushed: 3 });
      expect(await listing('SKU-2')).toMatchObject({ lastPushedQuantity: 5, channelQuantity: 5 });
      expect(await listing('SKU-3')).toMatchObject({ lastPushedQuantity: 6, channelQuantity: 6 });
      const one = await listing('SKU-1');
      expect(one).toMatchObject({ lastPushedQuantity: 10, channelQuantity: 10 });
      expect(Number(one.lastPushedSeq)).toBe(newer);
      const marks = await f.db.selectFrom('syncDirty').selectAll().execute();
      expect(marks).toEqual([
        expect.objectContaining({
          productId: one.productId,
          force: 1,
          lastCauseType: 'resync',
          lastCauseRef: `stale-confirmation:${one.id}`,
        }),
      ]);
    });
  });
}
