import { createChannel, type Feed, productIdsBySku, type StaleFeedNotice } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FeedScheduler, startFeedScheduler } from '../src/feeds/feed-scheduler.ts';
import { createTestServer, expectProblem, seedStock, type TestServer } from './support/test-server.ts';

const HOUR = 60 * 60_000;

for (const dialect of DIALECTS) {
  describe(`stale feeds over the API [${dialect}]`, () => {
    let s: TestServer;
    let scheduler: FeedScheduler | undefined;
    const feeds = (suffix = '') => `/stores/${s.store.id}/feeds${suffix}`;
    const idOf = async (sku: string) => (await productIdsBySku(s.t.db, s.store.id, [sku])).get(sku)!.id;
    const json = async <T>(res: Response, status = 200) => {
      expect(res.status).toBe(status);
      return (await res.json()) as T;
    };

    beforeAll(async () => {
      s = await createTestServer(dialect);
      await seedStock(s, { MUG: 10, CUP: 5 });
      await createChannel(s.t.db, s.store.id, { connectorId: 'webhook', name: 'Web store' });
    });
    afterAll(() => s.close());
    afterEach(async () => {
      await scheduler?.stop();
      scheduler = undefined;
      vi.useRealTimers();
    });

    it('takes a staleness setting, shows the stale flag, and holds the covered product’s balance', async () => {
      // Only Date is faked, and it keeps running: request handling and the database behave as usual.
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
      const created = await json<Feed>(
        await s.request('POST', feeds(), { body: { name: 'Warehouse CSV', staleAfterMinutes: 60 } }),
        201,
      );
      expect(created).toMatchObject({ staleAfterMinutes: 60, lastAppliedAt: null, stale: false });
      await json(
        await s.request('POST', feeds(`/${created.id}/snapshots`), {
          body: { items: [{ sku: 'MUG', onHand: 12 }] },
        }),
      );

      vi.setSystemTime(Date.now() + 3 * HOUR);
      const reason = 'feed "Warehouse CSV" is stale (last snapshot 3 h ago)';
      const read = await json<Feed>(await s.request('GET', feeds(`/${created.id}`)));
      expect(read).toMatchObject({ stale: true, staleAt: read.lastAppliedAt! + HOUR });
      const list = await json<{ items: Feed[] }>(await s.request('GET', feeds()));
      expect(list.items.find((f) => f.id === created.id)?.stale).toBe(true);

      const mug = await idOf('MUG');
      const cup = await idOf('CUP');
      type Balance = {
        onHand: number | null;
        available: number | null;
        unknownReason?: string;
        channels: {
          syncable: { quantity: number | null; unknownReason?: string; explanation: { steps: string[] } };
        }[];
      };
      const balance = await json<Balance>(
        await s.request('GET', `/stores/${s.store.id}/products/${mug}/balance`),
      );
      expect(balance).toMatchObject({ onHand: 12, available: null, unknownReason: reason });
      expect(balance.channels[0]?.syncable).toMatchObject({ quantity: null, unknownReason: reason });
      expect(balance.channels[0]?.syncable.explanation.steps).toEqual([`unknown: ${reason} → push held`]);
      // A product the feed does not list is unaffected.
      const other = await json<Balance>(
        await s.request('GET', `/stores/${s.store.id}/products/${cup}/balance`),
      );
      expect(other.channels[0]?.syncable.quantity).toBe(5);

      const off = await json<Feed>(
        await s.request('PATCH', feeds(`/${created.id}`), { body: { staleAfterMinutes: 0 } }),
      );
      expect(off).toMatchObject({ staleAfterMinutes: 0, staleAt: null, stale: false });
      const known = await json<Balance>(
        await s.request('GET', `/stores/${s.store.id}/products/${mug}/balance`),
      );
      expect(known.available).toBe(12);
      await s.request('DELETE', feeds(`/${created.id}`));
    });

    it('refuses a staleness setting the feed would outrun between two pulls, naming the field', async () => {
      const body = { name: 'Hourly', url: 'https://erp.example.com/x.csv', intervalMinutes: 60 };
      const problem = await expectProblem(
        await s.request('POST', feeds(), { body: { ...body, staleAfterMinutes: 45 } }),
        422,
      );
      expect(problem.errors).toEqual([
        expect.objectContaining({
          field: 'body.staleAfterMinutes',
          reason: 'must be longer than the pull interval',
        }),
      ]);
      await expectProblem(
        await s.request('POST', feeds(), { body: { ...body, staleAfterMinutes: 'x' } }),
        422,
      );
      const feed = await json<Feed>(await s.request('POST', feeds(), { body }), 201);
      expect(feed).toMatchObject({ staleAfterMinutes: null, stale: false });
      expect(feed.staleAt).toBe(feed.createdAt + 3 * HOUR);
      const patch = await expectProblem(
        await s.request('PATCH', feeds(`/${feed.id}`), { body: { staleAfterMinutes: 60 } }),
        422,
      );
      expect(patch.errors).toEqual([expect.objectContaining({ field: 'body.staleAfterMinutes' })]);
      await s.request('DELETE', feeds(`/${feed.id}`));
    });

    it('raises a feed turning stale on the scheduler’s tick: its products are marked dirty once', async () => {
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
      const feed = await json<Feed>(
        await s.request('POST', feeds(), { body: { name: 'Pushed', staleAfterMinutes: 30 } }),
        201,
      );
      await s.request('POST', feeds(`/${feed.id}/snapshots`), {
        body: { items: [{ sku: 'CUP', onHand: 5 }] },
      });
      await s.t.db.deleteFrom('syncDirty').execute();
      // Auto Sync on for CUP, so the mark has a pair to land on.
      const cup = await idOf('CUP');
      await s.t.db.updateTable('products').set({ autoSync: 1 }).where('id', '=', cup).execute();

      vi.setSystemTime(Date.now() + HOUR);
      const notices: StaleFeedNotice[] = [];
      let notified = 0;
      scheduler = startFeedScheduler({
        db: s.t.db,
        secrets: s.deps.secrets,
        intervalMs: 20,
        onStale: (n) => notices.push(n),
        notifySync: () => notified++,
      });
      for (let i = 0; i < 200 && notices.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 100)); // more ticks: raised only once
      expect(notices).toEqual([{ feedId: feed.id, storeId: s.store.id, name: 'Pushed', marked: 1 }]);
      // The sync loops are told once, for the raise (a pushed feed is never pulled).
      expect(notified).toBe(1);
      const marks = await s.t.db.selectFrom('syncDirty').select(['productId', 'lastCauseRef']).execute();
      expect(marks).toEqual([{ productId: cup, lastCauseRef: `feed-stale:${feed.id}` }]);
    });
  });
}
