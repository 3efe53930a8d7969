import type { Fault } from '@ballast/connector-kit/testing';
import { SIMULATOR_PATHS } from '@ballast/connector-webhook/simulator';
import { adjustStock, createProduct, listSyncHistory, setAutoSync } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncFixture, type SyncFixture } from './support/sync-fixture.ts';

/** The SKUs of every lookup call the channel received, one list per call. */
const lookups = (f: SyncFixture) =>
  f.sim.server.requests
    .filter((r) => r.method === 'GET' && r.path === SIMULATOR_PATHS.lookup)
    .map((r) => new URLSearchParams(r.query).get('skus')?.split(',') ?? []);

const pushes = (f: SyncFixture) =>
  f.sim.server.requests.filter((r) => r.method === 'POST' && r.path === SIMULATOR_PATHS.inventory);

const historyOf = async (f: SyncFixture, productId: number) =>
  (await listSyncHistory(f.db, f.store.id, { productId })).items;

const cachedMisses = (f: SyncFixture) => f.db.selectFrom('listingLookupMisses').selectAll().execute();

const marks = (f: SyncFixture) => f.db.selectFrom('syncDirty').selectAll().execute();

const onLookup = { path: SIMULATOR_PATHS.lookup };

for (const dialect of DIALECTS) {
  describe(`linking a product to its channel item when the lookup does not give a clear answer [${dialect}]`, () => {
    let f: SyncFixture;
    afterEach(() => f.close());

    /** SKU-1 is linked already; NEW-1 is on the channel, not linked yet, and has 4 to push. */
    const setUp = async () => {
      f = await createSyncFixture(dialect, { products: 1 });
      f.config.timeoutMs = 300;
      await f.engine().drain();
      const product = await createProduct(f.db, f.store.id, { sku: 'NEW-1', name: 'New', autoSync: true });
      f.sim.seed([{ sku: 'NEW-1', quantity: 0 }]);
      await adjustStock(f.db, f.store.id, { reason: 'count', lines: [{ sku: 'NEW-1', set: 4 }] });
      f.sim.server.clearLog();
      return product.id;
    };

    const transientFaults: [string, Fault][] = [
      ['a 503', { kind: 'status', status: 503 }],
      ['a dropped connection', { kind: 'reset' }],
      ['a timeout', { kind: 'hang' }],
    ];
    it.each(transientFaults)(
      'retries the pair after %s on the lookup, and never calls it not listed',
      async (_, fault) => {
        const id = await setUp();
        const engine = f.engine();
        f.sim.server.faults.next(fault, onLookup);
        const before = Date.now();
        expect(await engine.runOnce()).toMatchObject({ claimed: 1, retrying: 1, skipped: 0, failed: 0 });

        expect(await historyOf(f, id)).toEqual([
          expect.objectContaining({
            status: 'retrying',
            errorCode: expect.not.stringMatching(/^not_listed$/),
            errorMessage: expect.stringContaining('looking up SKU NEW-1 on the channel failed'),
          }),
        ]);
        expect(await cachedMisses(f)).toEqual([]);
        const [mark] = await marks(f);
        expect(mark).toMatchObject({ productId: id, attempts: 1, claimedBy: null });
        expect(mark!.notBefore).toBeGreaterThanOrEqual(before);

        // Once the backoff is over the next round looks it up again and the quantity goes out.
        await new Promise((resolve) => setTimeout(resolve, 60));
        await engine.drain();
        expect(lookups(f)).toEqual([['NEW-1'], ['NEW-1']]);
        expect(f.sim.quantityOf('NEW-1')).toBe(4);
        expect(await marks(f)).toEqual([]);
      },
    );

    it("holds the channel's next call back by a throttled lookup's Retry-After, without using up an attempt", async () => {
      const id = await setUp();
      const waits: number[] = [];
      const engine = f.engine({
        sleep: async (ms) => {
          waits.push(ms);
          await new Promise((resolve) => setTimeout(resolve, ms));
        },
      });
      f.sim.server.faults.next({ kind: 'status', status: 429, retryAfter: '1' }, onLookup);
      await adjustStock(f.db, f.store.id, { reason: 'sold', lines: [{ sku: 'SKU-1', delta: -1 }] });
      // One round: NEW-1's lookup is throttled; SKU-1, linked already, is pushed in the same round.
      expect(await engine.runOnce()).toMatchObject({ claimed: 2, pushed: 1, retrying: 1, failed: 0 });

      const lookup = f.sim.server.requests.find((r) => r.path === SIMULATOR_PATHS.lookup)!;
      const [push] = pushes(f);
      // The push waited out the lookup's Retry-After, by the engine's own reservation.
      expect(push!.at - lookup.at).toBeGreaterThanOrEqual(950);
      expect(Math.max(0, ...waits)).toBeGreaterThanOrEqual(500);
      expect(f.sim.quantityOf('SKU-1')).toBe(9);
      expect(await historyOf(f, id)).toEqual([
        expect.objectContaining({ status: 'retrying', errorCode: 'throttled' }),
      ]);
      const [mark] = await marks(f);
      expect(mark).toMatchObject({ productId: id, attempts: 0, claimedBy: null });
      expect(mark!.notBefore).toBeGreaterThanOrEqual(lookup.at + 950);
      expect(await cachedMisses(f)).toEqual([]);
    });

    it("gives the pair up after the engine's attempts when every lookup fails, still without a cached miss", async () => {
      const id = await setUp();
      const engine = f.engine({ maxAttempts: 2 });
      f.sim.server.faults.next({ kind: 'status', status: 503 }, { ...onLookup, times: 2 });
      expect(await engine.runOnce()).toMatchObject({ retrying: 1 });
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(await engine.drain()).toMatchObject({ failed: 1, retrying: 0, skipped: 0 });

      expect((await historyOf(f, id)).map((h) => [h.status, h.errorMessage])).toEqual([
        [
          'failed',
          expect.stringMatching(
            /^looking up SKU NEW-1 on the channel failed: .*\(gave up after 2 attempts\)$/,
          ),
        ],
        ['retrying', expect.stringContaining('looking up SKU NEW-1 on the channel failed')],
      ]);
      expect(lookups(f)).toHaveLength(2);
      expect(await cachedMisses(f)).toEqual([]);
      expect(await marks(f)).toEqual([]);
      expect(pushes(f)).toEqual([]);
    });

    it('fails the pair with the channel message on a permanent lookup error, and asks again on the next change', async () => {
      const id = await setUp();
      const engine = f.engine();
      f.sim.server.faults.next({ kind: 'status', status: 401 }, onLookup);
      expect(await engine.drain()).toMatchObject({ claimed: 1, failed: 1, skipped: 0, retrying: 0 });

      expect(await historyOf(f, id)).toEqual([
        expect.objectContaining({
          status: 'failed',
          errorCode: expect.not.stringMatching(/^not_listed$/),
          errorMessage: expect.stringContaining('looking up SKU NEW-1 on the channel failed'),
        }),
      ]);
      expect(await cachedMisses(f)).toEqual([]);
      expect(await marks(f)).toEqual([]);
      expect(pushes(f)).toEqual([]);

      // The credentials are fixed: the next change looks the SKU up again (no cached miss stands in the way).
      await adjustStock(f.db, f.store.id, { reason: 'sold', lines: [{ sku: 'NEW-1', delta: -1 }] });
      await engine.drain();
      expect(lookups(f)).toEqual([['NEW-1'], ['NEW-1']]);
      expect(f.sim.quantityOf('NEW-1')).toBe(3);
    });

    it('fails a SKU the channel lists twice, naming it, without linking, pushing or caching a miss', async () => {
      const id = await setUp();
      const twice = {
        items: [
          { sku: 'NEW-1', quantity: 1 },
          { sku: 'NEW-1', quantity: 2 },
        ],
      };
      f.sim.server.faults.next({ kind: 'status', status: 200, body: JSON.stringify(twice) }, onLookup);
      expect(await f.engine().drain()).toMatchObject({ claimed: 1, failed: 1, skipped: 0 });

      expect(await historyOf(f, id)).toEqual([
        expect.objectContaining({
          status: 'failed',
          errorCode: 'ambiguous_sku',
          errorMessage: expect.stringMatching(/SKU NEW-1 matches several items on this channel/),
        }),
      ]);
      expect(await f.db.selectFrom('listings').selectAll().where('productId', '=', id).execute()).toEqual([]);
      expect(await cachedMisses(f)).toEqual([]);
      expect(await marks(f)).toEqual([]);
      expect(pushes(f)).toEqual([]);
    });

    it('does not look up or push a product whose Auto Sync was turned off while its pair waited for the lookup', async () => {
      f = await createSyncFixture(dialect, { products: 1 });
      // One call a second: the lookup right after SKU-1's push has to wait for the channel's rate limit.
      f.config.requestsPerSecond = 1;
      let productId: number | undefined;
      let turnedOff = false;
      const engine = f.engine({
        sleep: async (ms) => {
          if (productId !== undefined && !turnedOff) {
            turnedOff = true;
            await setAutoSync(f.db, f.store.id, productId, false);
          }
          await new Promise((resolve) => setTimeout(resolve, ms));
        },
      });
      await engine.drain();
      const product = await createProduct(f.db, f.store.id, { sku: 'NEW-1', name: 'New', autoSync: true });
      f.sim.seed([{ sku: 'NEW-1', quantity: 0 }]);
      await adjustStock(f.db, f.store.id, { reason: 'count', lines: [{ sku: 'NEW-1', set: 4 }] });
      f.sim.server.clearLog();
      productId = product.id;
      expect(await engine.drain()).toMatchObject({ claimed: 1, skipped: 1, pushed: 0, failed: 0 });

      expect(turnedOff).toBe(true);
      expect(lookups(f)).toEqual([]);
      expect(pushes(f)).toEqual([]);
      expect(await historyOf(f, product.id)).toEqual([
        expect.objectContaining({ status: 'skipped', errorCode: 'auto_sync_off' }),
      ]);
      expect(await cachedMisses(f)).toEqual([]);
      expect(await marks(f)).toEqual([]);
    });
  });
}
