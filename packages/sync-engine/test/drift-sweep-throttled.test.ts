import { SIMULATOR_PATHS } from '@ballast/connector-webhook/simulator';
import { adjustStock } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncFixture, type SyncFixture } from './support/sync-fixture.ts';

for (const dialect of DIALECTS) {
  describe(`a drift sweep the channel throttles [${dialect}]`, () => {
    let f: SyncFixture;
    afterEach(() => f.close());

    it("reads nothing and holds the channel's next call, from any worker, back by its Retry-After", async () => {
      f = await createSyncFixture(dialect, { products: 1 });
      await f.engine().drain();
      f.sim.setQuantity('SKU-1', 99); // drift the sweep would have found
      f.sim.server.clearLog();
      f.sim.server.faults.next(
        { kind: 'status', status: 429, retryAfter: '1' },
        { path: SIMULATOR_PATHS.readBack },
      );

      const sweeper = f.engine();
      // The read failed, so nothing was read or repaired (the next sweep tries again).
      expect(await sweeper.sweepDrift(f.channelId)).toEqual({ read: 0, drifted: 0 });
      const read = f.sim.server.requests.find((r) => r.path === SIMULATOR_PATHS.readBack)!;
      expect(read).toBeDefined();
      const listing = await f.db.selectFrom('listings').select('channelQuantity').executeTakeFirstOrThrow();
      expect(listing.channelQuantity).not.toBe(99);

      // Another worker's push right after waits out the read-back's Retry-After, by its own reservation.
      const pusher = f.engine();
      await adjustStock(f.db, f.store.id, { reason: 'sold', lines: [{ sku: 'SKU-1', delta: -1 }] });
      expect(await pusher.runOnce()).toMatchObject({ claimed: 1, pushed: 1, failed: 0 });
      const [push] = f.sim.server.requests.filter(
        (r) => r.method === 'POST' && r.path === SIMULATOR_PATHS.inventory,
      );
      expect(push!.at - read.at).toBeGreaterThanOrEqual(950);
      expect(f.sim.quantityOf('SKU-1')).toBe(9);
    });
  });
}
