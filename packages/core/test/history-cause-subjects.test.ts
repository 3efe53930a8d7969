import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  adjustStock,
  applyFeedSnapshot,
  applyUpload,
  type CauseType,
  createFeed,
  createPurchaseOrder,
  createSalesOrder,
  createWorkOrder,
  type Db,
  deleteFeed,
  getSyncHistoryEntries,
  getSyncHistoryEntry,
  listSyncHistory,
  recordSyncAttempts,
  type SalesOrder,
  type SyncAttemptInput,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';
import { newProduct, newStore } from './support/stock-fixtures.ts';

/** Counts statements as they run (prepared statements skip transformQuery once compiled). */
function countingDb(db: Db) {
  const counter = { queries: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      counter.queries++;
      return args.result;
    },
  };
  return { db: db.withPlugin(plugin), counter };
}

describeEachDialect('Sync History cause subjects', (ctx) => {
  /** A store with one channel, MUG and an assembly made of it. */
  async function storeWithChannel() {
    const store = await newStore(ctx.db, true);
    const channelId = (
      await ctx.db
        .insertInto('channels')
        .values({ storeId: store.id, connectorId: 'test', name: 'Shop', createdAt: 1 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const mug = await newProduct(ctx.db, store.id, 'MUG');
    await newProduct(ctx.db, store.id, 'GIFT', 'assembly', [{ sku: 'MUG', quantity: 1 }]);
    const record = (causes: readonly [CauseType, string][]) =>
      recordSyncAttempts(
        ctx.db,
        causes.map(
          ([type, ref], i): SyncAttemptInput => ({
            storeId: store.id,
            channelId,
            productId: mug,
            status: 'succeeded',
            quantity: i,
            cause: { type, ref, marks: 1, firstMarkedAt: 1 },
            explanation: { steps: [] },
            attempt: 1,
            seq: i,
            queuedAt: 1,
          }),
        ),
      );
    return { store, channelId, record };
  }

  const subjectsOf = async (storeId: number) =>
    (await listSyncHistory(ctx.db, storeId, { limit: 500 })).items
      .reverse()
      .map((e) => [e.cause.type, e.cause.ref, e.cause.subject]);

  it('names each cause as the merchant knows it, and links to the thing (a feed run to its feed)', async () => {
    const { store, channelId, record } = await storeWithChannel();
    const line = [{ sku: 'MUG', quantity: 1 }];
    const sale = await createSalesOrder(ctx.db, store.id, { number: '#1001', lines: line });
    const channelSale = await createSalesOrder(ctx.db, store.id, { number: 'W-77', channelId, lines: line });
    const purchase = await createPurchaseOrder(ctx.db, store.id, { number: 'PO-7', lines: line });
    const work = await createWorkOrder(ctx.db, store.id, { number: 'WO-3', sku: 'GIFT', quantity: 1 });
    const adjustment = await adjustStock(ctx.db, store.id, {
      reason: 'cycle count',
      note: 'shelf B',
      lines: [{ sku: 'MUG', set: 4 }],
    });
    const upload = await applyUpload(ctx.db, store.id, 'sku,quantity\nMUG,5\n', { filename: 'stock.csv' });
    const feed = await createFeed(ctx.db, store.id, { name: 'Supplier A' });
    const run = await applyFeedSnapshot(ctx.db, store.id, feed.id, { items: [{ sku: 'MUG', onHand: 6 }] });

    await record([
      ['sales_order', String(sale.id)],
      ['channel_order', String(channelSale.id)],
      ['purchase_order', String(purchase.id)],
      ['work_order', String(work.id)],
      ['adjustment', String(adjustment.id)],
      ['upload', String(upload.uploadId)],
      ['feed', String(run.runId)],
      ['feed', `feed-stale:${feed.id}`],
      ['feed', `feed-settings:${feed.id}`],
      ['auto_sync', `product:${sale.id}`],
      ['resync', 'drift-sweep'],
    ]);
    const supplierA = { id: feed.id, name: 'Supplier A' };
    expect(await subjectsOf(store.id)).toEqual([
      ['sales_order', String(sale.id), { id: sale.id, name: '#1001' }],
      ['channel_order', String(channelSale.id), { id: channelSale.id, name: 'W-77' }],
      ['purchase_order', String(purchase.id), { id: purchase.id, name: 'PO-7' }],
      ['work_order', String(work.id), { id: work.id, name: 'WO-3' }],
      ['adjustment', String(adjustment.id), { id: adjustment.id, name: 'cycle count' }],
      ['upload', String(upload.uploadId), { id: upload.uploadId, name: 'stock.csv' }],
      ['feed', String(run.runId), supplierA],
      ['feed', `feed-stale:${feed.id}`, supplierA],
      ['feed', `feed-settings:${feed.id}`, supplierA],
      // Auto Sync and resync refs describe an action, not a thing: the row's product already says what.
      ['auto_sync', `product:${sale.id}`, null],
      ['resync', 'drift-sweep', null],
    ]);

    // One entry and the stream's batch carry the same.
    const [newest] = (await listSyncHistory(ctx.db, store.id, { limit: 1 })).items;
    const firstIds = (await listSyncHistory(ctx.db, store.id, { limit: 500 })).items.map((e) => e.id);
    const oldest = firstIds.at(-1)!;
    expect((await getSyncHistoryEntry(ctx.db, store.id, oldest)).cause.subject).toEqual({
      id: sale.id,
      name: '#1001',
    });
    const batch = await getSyncHistoryEntries(ctx.db, store.id, [newest!.id, oldest, oldest]);
    expect(batch.map((e) => [e.id, e.cause.subject])).toEqual([
      [oldest, { id: sale.id, name: '#1001' }],
      [newest!.id, null],
    ]);
  });

  it('is null for a thing that is gone, a ref of the wrong type, one that names no row, and another store’s', async () => {
    const { store, record } = await storeWithChannel();
    const theirs = await storeWithChannel();
    const line = [{ sku: 'MUG', quantity: 1 }];
    const feed = await createFeed(ctx.db, store.id, { name: 'Old supplier' });
    const run = await applyFeedSnapshot(ctx.db, store.id, feed.id, { items: [{ sku: 'MUG', onHand: 1 }] });
    const theirOrder = await createSalesOrder(ctx.db, theirs.store.id, { number: 'THEIRS-1', lines: line });
    const theirFeed = await createFeed(ctx.db, theirs.store.id, { name: 'Their feed' });
    const theirRun = await applyFeedSnapshot(ctx.db, theirs.store.id, theirFeed.id, {
      items: [{ sku: 'MUG', onHand: 1 }],
    });
    const mine = await createSalesOrder(ctx.db, store.id, { number: 'MINE-1', lines: line });
    await deleteFeed(ctx.db, store.id, feed.id);

    await record([
      ['feed', String(run.runId)], // its feed was deleted, with its runs
      ['feed', `feed-removed:${feed.id}`],
      ['sales_order', '987654'], // never existed
      ['purchase_order', String(mine.id)], // a sales order's id under another type
      ['adjustment', 'adj-1'],
      ['adjustment', '007'],
      ['sales_order', String(theirOrder.id)],
      ['feed', String(theirRun.runId)],
      ['feed', `feed-stale:${theirFeed.id}`],
    ]);
    expect((await subjectsOf(store.id)).map(([, , subject]) => subject)).toEqual(Array(9).fill(null));

    // Their own history names them.
    await theirs.record([['sales_order', String(theirOrder.id)]]);
    expect(await subjectsOf(theirs.store.id)).toEqual([
      ['sales_order', String(theirOrder.id), { id: theirOrder.id, name: 'THEIRS-1' }],
    ]);
  });

  it('resolves a full page of 500 in one query besides the page itself', async () => {
    const { store, channelId, record } = await storeWithChannel();
    const line = [{ sku: 'MUG', quantity: 1 }];
    const orders: SalesOrder[] = [];
    for (let i = 0; i < 5; i++)
      orders.push(await createSalesOrder(ctx.db, store.id, { number: `SO-${i}`, channelId, lines: line }));
    const feed = await createFeed(ctx.db, store.id, { name: 'Supplier A' });
    const run = await applyFeedSnapshot(ctx.db, store.id, feed.id, { items: [{ sku: 'MUG', onHand: 6 }] });
    const kinds: [CauseType, string][] = [
      ['channel_order', String(orders[0]!.id)],
      ['feed', String(run.runId)],
      ['feed', `feed-stale:${feed.id}`],
      ['adjustment', '1'],
      ['upload', '1'],
      ['work_order', '1'],
      ['purchase_order', '1'],
      ['auto_sync', 'bulk:all'],
    ];
    // Every kind of lookup, with many distinct refs (most name nothing) and repeats.
    await record(
      Array.from({ length: 520 }, (_, i): [CauseType, string] =>
        i % 3 === 0 ? ['sales_order', String(orders[i % 5]!.id + (i % 7) * 1000)] : kinds[i % kinds.length]!,
      ),
    );

    const { db, counter } = countingDb(ctx.db);
    const page = await listSyncHistory(db, store.id, { limit: 500 });
    expect(page.items).toHaveLength(500);
    expect(counter.queries).toBe(2);
    // Ids 1 of the other kinds belong to other stores' tests, or to nothing: none of this store's.
    const names = new Map<string, string>([
      [`feed:${run.runId}`, 'Supplier A'],
      [`feed:feed-stale:${feed.id}`, 'Supplier A'],
      ...orders.flatMap((o, i): [string, string][] => [
        [`sales_order:${o.id}`, `SO-${i}`],
        [`channel_order:${o.id}`, `SO-${i}`],
      ]),
    ]);
    const named = page.items.map((e) => e.cause.subject?.name ?? null);
    expect(named).toEqual(page.items.map((e) => names.get(`${e.cause.type}:${e.cause.ref}`) ?? null));
    expect(new Set(named)).toEqual(new Set([null, 'Supplier A', 'SO-0', 'SO-1', 'SO-2', 'SO-3', 'SO-4']));

    counter.queries = 0;
    await getSyncHistoryEntries(
      db,
      store.id,
      page.items.map((e) => e.id),
    );
    expect(counter.queries).toBe(2);

    // Nothing to look up: no second query.
    counter.queries = 0;
    await listSyncHistory(db, store.id, { causeType: 'auto_sync', limit: 500 });
    expect(counter.queries).toBe(1);
  });

  describe('getSyncHistoryEntries', () => {
    it('refuses bad ids and more than a page', async () => {
      const { store } = await storeWithChannel();
      await expect(getSyncHistoryEntries(ctx.db, store.id, [1, 0])).rejects.toBeInstanceOf(ValidationError);
      await expect(
        getSyncHistoryEntries(
          ctx.db,
          store.id,
          Array.from({ length: 501 }, (_, i) => i + 1),
        ),
      ).rejects.toBeInstanceOf(ValidationError);
      expect(await getSyncHistoryEntries(ctx.db, store.id, [])).toEqual([]);
    });
  });
});
