import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import {
  applyFeedSnapshot,
  bulkSetAutoSync,
  computeSyncableBalances,
  createChannel,
  createFeed,
  createProduct,
  createStore,
  deleteFeed,
  getFeed,
  getProductBalance,
  markStaleFeeds,
  updateFeed,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';
import { storeWithCatalogue } from './support/stock-fixtures.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2025, 0, 6, 8, 0, 0);

describeEachDialect('feed staleness', (ctx) => {
  // Only Date is faked: the database drivers keep their real timers.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());
  const at = (ms: number) => vi.setSystemTime(T0 + ms);

  let n = 0;
  /**
   * Locations Main (default) and Annex; channels counting all, Main only, Annex only; products A and B that
   * the feed "Warehouse CSV" (stale after 60 min) sets at T0 (A@Main = 10, B@Annex = 4), C that it does not
   * list (5 at Main), and KIT = 2 × A. Auto Sync is on for everything.
   */
  async function setup() {
    const {
      store,
      annexId: annex,
      ids: id,
    } = await storeWithCatalogue(ctx.db, { name: `Stale ${++n}`, skus: ['A', 'B', 'C'], kitOfA: 2 });
    const main = store.defaultLocationId;
    const all = (await createChannel(ctx.db, store.id, { connectorId: 'a', name: 'All' })).id;
    const mainOnly = (
      await createChannel(ctx.db, store.id, { connectorId: 'm', name: 'Main', locationIds: [main] })
    ).id;
    const annexOnly = (
      await createChannel(ctx.db, store.id, { connectorId: 'x', name: 'Annex', locationIds: [annex] })
    ).id;
    const other = await createFeed(ctx.db, store.id, { name: 'Other' });
    await applyFeedSnapshot(ctx.db, store.id, other.id, { items: [{ sku: 'C', onHand: 5 }] });
    await updateFeed(ctx.db, store.id, other.id, { staleAfterMinutes: 0 });
    const feed = await createFeed(ctx.db, store.id, { name: 'Warehouse CSV', staleAfterMinutes: 60 });
    await applyFeedSnapshot(ctx.db, store.id, feed.id, {
      items: [
        { sku: 'A', onHand: 10 },
        { sku: 'B', location: 'Annex', onHand: 4 },
      ],
    });
    await bulkSetAutoSync(ctx.db, store.id, { filter: {} }, true);
    await ctx.db.deleteFrom('syncDirty').where('storeId', '=', store.id).execute();
    const syncable = async (channelId: number, productId: number) =>
      (await computeSyncableBalances(ctx.db, store.id, channelId, [productId])).get(productId)!;
    const dirty = async () =>
      (
        await ctx.db
          .selectFrom('syncDirty as d')
          .innerJoin('products as p', 'p.id', 'd.productId')
          .innerJoin('channels as c', 'c.id', 'd.channelId')
          .select(['p.sku', 'c.name', 'd.lastCauseType', 'd.lastCauseRef'])
          .where('d.storeId', '=', store.id)
          .orderBy('p.sku')
          .orderBy('c.id')
          .execute()
      ).map((r) => `${r.sku}@${r.name} ${r.lastCauseType}:${r.lastCauseRef}`);
    return { store, main, annex, all, mainOnly, annexOnly, id, feed, syncable, dirty };
  }

  it('derives the staleness period: 3 pull intervals when scheduled, never otherwise, or the setting', async () => {
    const store = await createStore(ctx.db, { name: `Defaults ${++n}` });
    const url = 'https://erp.example.com/stock.csv';
    const scheduled = await createFeed(ctx.db, store.id, { name: 'S', url, intervalMinutes: 15 });
    expect(scheduled).toMatchObject({ staleAfterMinutes: null, staleAt: T0 + 45 * MINUTE, stale: false });
    expect(await createFeed(ctx.db, store.id, { name: 'Pushed' })).toMatchObject({
      staleAt: null,
      stale: false,
    });
    const pushed = await createFeed(ctx.db, store.id, { name: 'P', staleAfterMinutes: 120 });
    expect(pushed.staleAt).toBe(T0 + 2 * HOUR);
    const never = await createFeed(ctx.db, store.id, {
      name: 'N',
      url,
      intervalMinutes: 15,
      staleAfterMinutes: 0,
    });
    expect(never.staleAt).toBeNull();

    // A feed that never delivered counts from its creation.
    at(45 * MINUTE);
    expect(await getFeed(ctx.db, store.id, scheduled.id)).toMatchObject({ stale: true, lastAppliedAt: null });
    expect((await getFeed(ctx.db, store.id, never.id)).stale).toBe(false);
    expect(await updateFeed(ctx.db, store.id, scheduled.id, { intervalMinutes: 60 })).toMatchObject({
      staleAt: T0 + 3 * HOUR,
      stale: false,
    });
    expect((await updateFeed(ctx.db, store.id, pushed.id, { staleAfterMinutes: 30 })).stale).toBe(true);
    expect((await updateFeed(ctx.db, store.id, pushed.id, { staleAfterMinutes: null })).staleAt).toBeNull();
  });

  it('refuses a staleness period not longer than the pull interval, naming the field', async () => {
    const store = await createStore(ctx.db, { name: `Invalid ${++n}` });
    const url = 'https://erp.example.com/stock.csv';
    await expect(
      createFeed(ctx.db, store.id, { name: 'S', url, intervalMinutes: 30, staleAfterMinutes: 30 }),
    ).rejects.toMatchObject({ issues: [{ path: ['staleAfterMinutes'] }] });
    await expect(createFeed(ctx.db, store.id, { name: 'S', staleAfterMinutes: -1 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      createFeed(ctx.db, store.id, { name: 'S', staleAfterMinutes: 31 * 24 * 60 }),
    ).rejects.toMatchObject({ issues: [{ path: ['staleAfterMinutes'] }] });
    const feed = await createFeed(ctx.db, store.id, {
      name: 'S',
      url,
      intervalMinutes: 30,
      staleAfterMinutes: 90,
    });
    await expect(updateFeed(ctx.db, store.id, feed.id, { intervalMinutes: 90 })).rejects.toMatchObject({
      issues: [{ path: ['intervalMinutes'], message: 'must be longer than the pull interval' }],
    });
    expect((await getFeed(ctx.db, store.id, feed.id)).intervalMinutes).toBe(30);
  });

  it('holds what a stale feed covers at the channel’s locations as unknown, with the reason', async () => {
    const { all, mainOnly, annexOnly, id, syncable } = await setup();
    at(59 * MINUTE);
    expect((await syncable(all, id.A!)).quantity).toBe(10);

    at(5 * HOUR + 20 * MINUTE);
    const reason = 'feed "Warehouse CSV" is stale (last snapshot 5 h ago)';
    const a = await syncable(all, id.A!);
    expect(a).toMatchObject({ quantity: null, unknownReason: reason });
    // The last numbers stay visible; only what a channel would be sent is unknown.
    expect(a.explanation.inputs).toMatchObject({ onHand: 10, committed: 0, available: null });
    expect(a.explanation.steps).toEqual([`unknown: ${reason} → push held`]);

    const kit = await syncable(all, id.KIT!);
    expect(kit.quantity).toBeNull();
    expect(kit.unknownReason).toBe(`component A of kit KIT is unknown: ${reason}`);

    // B is covered at Annex only: a channel counting Main alone still knows it; A is the reverse.
    expect((await syncable(mainOnly, id.B!)).quantity).toBe(0);
    expect((await syncable(annexOnly, id.B!)).unknownReason).toBe(reason);
    expect((await syncable(all, id.B!)).quantity).toBeNull();
    expect((await syncable(annexOnly, id.A!)).quantity).toBe(0);
    // C is not in the stale feed's snapshot (its own feed never goes stale).
    expect((await syncable(all, id.C!)).quantity).toBe(5);
  });

  it('shows the unknown in the product balance: the total, the covered location and the channels', async () => {
    const { store, main, annex, id } = await setup();
    at(2 * HOUR);
    const reason = 'feed "Warehouse CSV" is stale (last snapshot 2 h ago)';
    const balance = await getProductBalance(ctx.db, store.id, id.A!);
    expect(balance).toMatchObject({ onHand: 10, available: null, unknownReason: reason });
    expect(balance.perLocation).toEqual([
      {
        locationId: main,
        name: 'Main',
        onHand: 10,
        committed: 0,
        incoming: 0,
        available: null,
        unknownReason: reason,
      },
      { locationId: annex, name: 'Annex', onHand: 0, committed: 0, incoming: 0, available: 0 },
    ]);
    expect(balance.channels.map((c) => [c.name, c.syncable.quantity])).toEqual([
      ['All', null],
      ['Main', null],
      ['Annex', 0],
    ]);
    const kit = await getProductBalance(ctx.db, store.id, id.KIT!);
    expect(kit.available).toBeNull();
    expect(kit.perLocation.map((l) => l.available)).toEqual([null, 0]);
  });

  it('raises a feed turning stale once: its products (and kits) are marked dirty, nothing else', async () => {
    const { store, feed, dirty } = await setup();
    // It looks at every store's feeds; the other tests' stores share this database.
    const raised = async (time: number) =>
      (await markStaleFeeds(ctx.db, time)).filter((notice) => notice.storeId === store.id);
    at(30 * MINUTE);
    expect(await raised(Date.now())).toEqual([]);
    at(61 * MINUTE);
    expect(await raised(Date.now())).toEqual([
      { feedId: feed.id, storeId: store.id, name: 'Warehouse CSV', marked: 9 },
    ]);
    const cause = `feed:feed-stale:${feed.id}`;
    expect(await dirty()).toEqual(
      ['A', 'B', 'KIT'].flatMap((sku) => ['All', 'Main', 'Annex'].map((c) => `${sku}@${c} ${cause}`)),
    );
    expect(await raised(Date.now() + HOUR)).toEqual([]);
  });

  it('resumes with the new values once a fresh snapshot arrives, and covers only what it lists', async () => {
    const { store, all, id, feed, syncable, dirty } = await setup();
    at(3 * HOUR);
    await markStaleFeeds(ctx.db, Date.now());
    await ctx.db.deleteFrom('syncDirty').where('storeId', '=', store.id).execute();

    // A is unchanged and B is no longer listed: both were held, so both are marked to go out again.
    const run = await applyFeedSnapshot(ctx.db, store.id, feed.id, { items: [{ sku: 'A', onHand: 10 }] });
    expect(run.changed).toBe(0);
    expect(await getFeed(ctx.db, store.id, feed.id)).toMatchObject({
      stale: false,
      lastAppliedAt: T0 + 3 * HOUR,
      staleAt: T0 + 4 * HOUR,
    });
    const marks = await dirty();
    expect(marks.filter((m) => m.startsWith('A@All') || m.startsWith('B@All'))).toEqual([
      `A@All feed:${run.runId}`,
      `B@All feed:${run.runId}`,
    ]);
    expect(marks.some((m) => m.startsWith('C@'))).toBe(false);
    expect((await syncable(all, id.A!)).quantity).toBe(10);

    // Gone stale again, the feed holds only what its last snapshot listed.
    at(4 * HOUR);
    expect((await syncable(all, id.A!)).quantity).toBeNull();
    expect((await syncable(all, id.B!)).quantity).toBe(4);
    const next = await applyFeedSnapshot(ctx.db, store.id, feed.id, { items: [{ sku: 'A', onHand: 7 }] });
    expect(next.changed).toBe(1);
    expect((await syncable(all, id.A!)).quantity).toBe(7);
    expect((await syncable(all, id.KIT!)).quantity).toBe(3);
  });

  it('releases the hold when the setting turns the check off or the feed is removed', async () => {
    const { store, all, id, feed, syncable, dirty } = await setup();
    at(2 * HOUR);
    await markStaleFeeds(ctx.db, Date.now());
    await ctx.db.deleteFrom('syncDirty').where('storeId', '=', store.id).execute();
    await updateFeed(ctx.db, store.id, feed.id, { staleAfterMinutes: 0 });
    expect((await syncable(all, id.A!)).quantity).toBe(10);
    expect(await dirty()).toContain(`A@All feed:feed-settings:${feed.id}`);

    // Stale again at once (shorter than its age): raised right away, not left for the next check.
    await ctx.db.deleteFrom('syncDirty').where('storeId', '=', store.id).execute();
    expect((await updateFeed(ctx.db, store.id, feed.id, { staleAfterMinutes: 90 })).stale).toBe(true);
    expect(await dirty()).toContain(`A@All feed:feed-settings:${feed.id}`);
    const raised = await markStaleFeeds(ctx.db, Date.now());
    expect(raised.filter((notice) => notice.feedId === feed.id)).toEqual([]);

    await ctx.db.deleteFrom('syncDirty').where('storeId', '=', store.id).execute();
    await deleteFeed(ctx.db, store.id, feed.id);
    expect(await dirty()).toContain(`B@Annex feed:feed-removed:${feed.id}`);
    expect((await syncable(all, id.B!)).quantity).toBe(4);
  });

  it('runs the same number of queries for 3 products as for 60 while a stale feed covers them', async () => {
    const store = await createStore(ctx.db, { name: `Bulk ${++n}` });
    const channel = (await createChannel(ctx.db, store.id, { connectorId: 'b', name: 'B' })).id;
    const ids: number[] = [];
    for (let i = 0; i < 60; i++)
      ids.push((await createProduct(ctx.db, store.id, { sku: `S-${i}`, name: 'x' })).id);
    const feed = await createFeed(ctx.db, store.id, { name: 'Bulk feed', staleAfterMinutes: 10 });
    await applyFeedSnapshot(ctx.db, store.id, feed.id, {
      items: ids.map((_, i) => ({ sku: `S-${i}`, onHand: i })),
    });
    at(HOUR);
    const count = async (productIds: number[]) => {
      let queries = 0;
      const counter: KyselyPlugin = {
        transformQuery: (args) => {
          queries++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const result = await computeSyncableBalances(ctx.db.withPlugin(counter), store.id, channel, productIds);
      expect([...result.values()].every((b) => b.quantity === null)).toBe(true);
      return queries;
    };
    expect(await count(ids)).toBe(await count(ids.slice(0, 3)));
  });
});
