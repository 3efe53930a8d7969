import { expect, it } from 'vitest';
import {
  applyFeedSnapshot,
  CsvUploadError,
  createFeed,
  createStore,
  deleteFeed,
  dueFeeds,
  getFeed,
  IdempotencyKeyReusedError,
  listFeedRuns,
  listFeeds,
  NotFoundError,
  parseFeedBody,
  recordMovements,
  type Store,
  updateFeed,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';
import {
  autoSyncChannel,
  dirtyPairs,
  onHandByPosition,
  seedOnHand,
  storeWithCatalogue,
} from './support/stock-fixtures.ts';

describeEachDialect('feeds', (ctx) => {
  /** A store with products A, B (simple) and KIT, location Annex, A = 10 and B = 3 at the default location. */
  async function setup() {
    const { store, annexId, ids } = await storeWithCatalogue(ctx.db, {
      name: 'Feeds',
      skus: ['A', 'B'],
      kitOfA: 1,
    });
    await seedOnHand(ctx.db, store.id, [
      { productId: ids.A!, locationId: store.defaultLocationId, onHand: 10 },
      { productId: ids.B!, locationId: store.defaultLocationId, onHand: 3 },
    ]);
    const feed = await createFeed(ctx.db, store.id, { name: 'Warehouse' });
    return { store, annexId, ids, feed };
  }

  async function snapshot(store: Store) {
    const all = (table: 'movements' | 'feedRuns' | 'syncDirty' | 'idempotencyKeys' | 'feeds') =>
      ctx.db.selectFrom(table).selectAll().where('storeId', '=', store.id).execute();
    return {
      movements: await all('movements'),
      runs: await all('feedRuns'),
      dirty: await all('syncDirty'),
      keys: await all('idempotencyKeys'),
      feeds: await all('feeds'),
      quantities: await ctx.db
        .selectFrom('quantities')
        .select(['productId', 'locationId', 'onHand'])
        .where('storeId', '=', store.id)
        .orderBy('productId')
        .orderBy('locationId')
        .execute(),
    };
  }

  it('creates, lists, updates and deletes feeds, scoped to the store', async () => {
    const { store, feed } = await setup();
    expect(feed).toMatchObject({ name: 'Warehouse', url: null, intervalMinutes: null, lastRunAt: null });
    const pulled = await createFeed(ctx.db, store.id, {
      name: ' ERP ',
      url: 'https://erp.example.com/stock.csv',
      intervalMinutes: 60,
    });
    expect(pulled).toMatchObject({
      name: 'ERP',
      url: 'https://erp.example.com/stock.csv',
      intervalMinutes: 60,
    });
    expect((await listFeeds(ctx.db, store.id)).items.map((f) => f.name)).toEqual(['Warehouse', 'ERP']);
    const first = await listFeeds(ctx.db, store.id, { limit: 1 });
    expect(first.items.map((f) => f.name)).toEqual(['Warehouse']);
    // A feed added after the first page was read comes at the end, not again at the start.
    const late = await createFeed(ctx.db, store.id, { name: 'Late' });
    const rest = await listFeeds(ctx.db, store.id, { limit: 5, cursor: first.nextCursor });
    expect(rest).toEqual({ items: [pulled, late], nextCursor: null });
    await deleteFeed(ctx.db, store.id, late.id);
    await expect(listFeeds(ctx.db, store.id, { cursor: 'bogus' })).rejects.toMatchObject({
      issues: [{ path: ['cursor'] }],
    });
    await expect(listFeeds(ctx.db, store.id, { limit: 0 })).rejects.toMatchObject({
      issues: [{ path: ['limit'] }],
    });

    const renamed = await updateFeed(ctx.db, store.id, pulled.id, {
      name: 'ERP nightly',
      intervalMinutes: null,
    });
    expect(renamed).toMatchObject({
      name: 'ERP nightly',
      url: 'https://erp.example.com/stock.csv',
      intervalMinutes: null,
    });
    expect(await getFeed(ctx.db, store.id, pulled.id)).toEqual(renamed);

    const other = await createStore(ctx.db, { name: 'Other' });
    await expect(getFeed(ctx.db, other.id, pulled.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateFeed(ctx.db, other.id, pulled.id, { name: 'x' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(deleteFeed(ctx.db, other.id, pulled.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listFeeds(ctx.db, other.id)).toEqual({ items: [], nextCursor: null });

    await applyFeedSnapshot(ctx.db, store.id, pulled.id, { items: [{ sku: 'A', onHand: 1 }] });
    await deleteFeed(ctx.db, store.id, pulled.id);
    await expect(getFeed(ctx.db, store.id, pulled.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await ctx.db.selectFrom('feedRuns').select('id').where('feedId', '=', pulled.id).execute(),
    ).toEqual([]);
    // The ledger keeps what the feed did.
    expect(await onHandByPosition(ctx.db, store.id)).toMatchObject({ 'A@Main': 1 });
  });

  it('refuses invalid feed settings with field paths', async () => {
    const { store, feed } = await setup();
    const issuePaths = async (call: Promise<unknown>) => {
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues.map((i) => i.path);
    };
    expect(await issuePaths(createFeed(ctx.db, store.id, { name: 'x', intervalMinutes: 5 }))).toEqual([
      ['intervalMinutes'],
    ]);
    expect(
      await issuePaths(createFeed(ctx.db, store.id, { name: 'x', url: 'ftp://example.com/a.csv' })),
    ).toEqual([['url']]);
    expect(
      await issuePaths(createFeed(ctx.db, store.id, { name: '', url: 'https://x.test', intervalMinutes: 0 })),
    ).toEqual([['name'], ['intervalMinutes']]);
    expect(await issuePaths(updateFeed(ctx.db, store.id, feed.id, { intervalMinutes: 30 }))).toEqual([
      ['intervalMinutes'],
    ]);
    await expect(createFeed(ctx.db, 999_999, { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('sets absolute on hand per SKU and location, reporting unknown SKUs and recording the run', async () => {
    const { store, ids, feed } = await setup();
    const result = await applyFeedSnapshot(ctx.db, store.id, feed.id, {
      items: [
        { sku: 'A', onHand: 7 },
        { sku: 'B', onHand: 3 },
        { sku: 'B', location: 'annex', onHand: 5 },
        { sku: 'GHOST', onHand: 2 },
        { sku: 'KIT', onHand: 9 },
        { sku: 'GHOST', location: 'Annex', onHand: 1 },
      ],
    });
    expect(result).toMatchObject({
      feedId: feed.id,
      status: 'applied',
      rowCount: 6,
      changed: 2,
      unknownSkus: ['GHOST'],
      ignoredKits: ['KIT'],
      error: null,
    });
    expect(await onHandByPosition(ctx.db, store.id)).toEqual({ 'A@Main': 7, 'B@Main': 3, 'B@Annex': 5 });
    const movements = await ctx.db
      .selectFrom('movements')
      .select(['productId', 'delta', 'causeRef'])
      .where('storeId', '=', store.id)
      .where('causeType', '=', 'feed')
      .orderBy('id')
      .execute();
    expect(movements).toEqual([
      { productId: ids.A, delta: -3, causeRef: String(result.runId) },
      { productId: ids.B, delta: 5, causeRef: String(result.runId) },
    ]);
    expect(await ctx.db.selectFrom('products').select('sku').where('sku', '=', 'GHOST').execute()).toEqual(
      [],
    );

    const second = await applyFeedSnapshot(ctx.db, store.id, feed.id, { items: [{ sku: 'A', onHand: 7 }] });
    expect(second.changed).toBe(0);
    const runs = await listFeedRuns(ctx.db, store.id, feed.id);
    expect(runs.map((r) => [r.id, r.status, r.rowCount, r.changed, r.unknownSkus])).toEqual([
      [second.runId, 'applied', 1, 0, []],
      [result.runId, 'applied', 6, 2, ['GHOST']],
    ]);
    expect(await getFeed(ctx.db, store.id, feed.id)).toMatchObject({
      lastRunAt: second.at,
      lastStatus: 'applied',
      lastError: null,
    });
  });

  it('refuses invalid items with their paths and writes nothing', async () => {
    const { store, feed } = await setup();
    const before = await snapshot(store);
    const error = await applyFeedSnapshot(ctx.db, store.id, feed.id, {
      items: [
        { sku: 'A', onHand: 1 },
        { sku: 'B', onHand: -1 },
        { sku: 'A', onHand: 1.5 },
        { sku: '', onHand: 1 },
      ],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      ['items', 1, 'onHand'],
      ['items', 2, 'onHand'],
      ['items', 3, 'sku'],
    ]);

    const lookups = await applyFeedSnapshot(ctx.db, store.id, feed.id, {
      items: [
        { sku: 'A', onHand: 1 },
        { sku: 'B', location: 'Nowhere', onHand: 1 },
        { sku: 'A', location: 'Main', onHand: 2 },
      ],
    }).catch((e: unknown) => e);
    expect(lookups).toBeInstanceOf(ValidationError);
    expect((lookups as ValidationError).issues).toEqual([
      { path: ['items', 1, 'location'], message: 'unknown location "Nowhere"' },
      { path: ['items', 2], message: 'same SKU and location as items[0]' },
    ]);
    await expect(applyFeedSnapshot(ctx.db, store.id, 999_999, { items: [] })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await snapshot(store)).toEqual(before);
  });

  it('replays an idempotency key without applying twice', async () => {
    const { store, feed } = await setup();
    const items = [{ sku: 'A', onHand: 4 }];
    const first = await applyFeedSnapshot(ctx.db, store.id, feed.id, { items, idempotencyKey: 'snap-1' });
    // Stock moves in between; a replay must still not re-apply.
    await ctx.db.transaction().execute(async (trx) => {
      const a = await trx
        .selectFrom('products')
        .select('id')
        .where('storeId', '=', store.id)
        .where('sku', '=', 'A')
        .executeTakeFirstOrThrow();
      await recordMovements(trx, {
        storeId: store.id,
        cause: { type: 'adjustment', ref: 'x' },
        movements: [{ productId: a.id, locationId: store.defaultLocationId, bucket: 'on_hand', delta: 1 }],
      });
    });
    expect(await applyFeedSnapshot(ctx.db, store.id, feed.id, { items, idempotencyKey: 'snap-1' })).toEqual(
      first,
    );
    expect(await onHandByPosition(ctx.db, store.id)).toMatchObject({ 'A@Main': 5 });
    expect(await listFeedRuns(ctx.db, store.id, feed.id)).toHaveLength(1);
    await expect(
      applyFeedSnapshot(ctx.db, store.id, feed.id, {
        items: [{ sku: 'A', onHand: 9 }],
        idempotencyKey: 'snap-1',
      }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('marks auto-synced products dirty with the feed run as cause', async () => {
    const { store, ids, feed } = await setup();
    const channel = await autoSyncChannel(ctx.db, store.id, Object.values(ids));
    const run = await applyFeedSnapshot(ctx.db, store.id, feed.id, {
      items: [
        { sku: 'A', onHand: 2 },
        { sku: 'B', onHand: 3 },
      ],
    });
    const dirty = await dirtyPairs(ctx.db, store.id);
    // A changed (and so did the kit made of it); B was already 3.
    expect(dirty).toEqual([
      { channelId: channel, productId: ids.A, lastCauseType: 'feed', lastCauseRef: String(run.runId) },
      { channelId: channel, productId: ids.KIT, lastCauseType: 'feed', lastCauseRef: String(run.runId) },
    ]);
  });

  it('lists feeds that are due, across stores, oldest first', async () => {
    const base = Date.now() + 10 * 365 * 24 * 3600_000;
    const s1 = await createStore(ctx.db, { name: 'Due 1' });
    const s2 = await createStore(ctx.db, { name: 'Due 2' });
    const never = await createFeed(ctx.db, s1.id, {
      name: 'never ran',
      url: 'https://x.test/a',
      intervalMinutes: 60,
    });
    const recent = await createFeed(ctx.db, s1.id, {
      name: 'recent',
      url: 'https://x.test/b',
      intervalMinutes: 60,
    });
    const old = await createFeed(ctx.db, s2.id, {
      name: 'old',
      url: 'https://x.test/c',
      intervalMinutes: 60,
    });
    const pushOnly = await createFeed(ctx.db, s2.id, { name: 'push only' });
    const manual = await createFeed(ctx.db, s2.id, { name: 'manual', url: 'https://x.test/d' });
    const ids = [never.id, recent.id, old.id, pushOnly.id, manual.id];
    const mine = (feeds: { id: number }[]) => feeds.map((f) => f.id).filter((id) => ids.includes(id));
    await ctx.db
      .updateTable('feeds')
      .set({ lastRunAt: base - 30 * 60_000 })
      .where('id', '=', recent.id)
      .execute();
    await ctx.db
      .updateTable('feeds')
      .set({ lastRunAt: base - 60 * 60_000 })
      .where('id', '=', old.id)
      .execute();

    expect(mine(await dueFeeds(ctx.db, base))).toEqual([never.id, old.id]);
    expect(mine(await dueFeeds(ctx.db, base + 30 * 60_000))).toEqual([never.id, old.id, recent.id]);
  });

  it('parses feed bodies as CSV or JSON', async () => {
    expect(
      await parseFeedBody('text/csv; charset=utf-8', 'sku,quantity,location,mode\nA,3,,set\nB,0,Annex,\n'),
    ).toEqual({
      items: [
        { sku: 'A', onHand: 3 },
        { sku: 'B', onHand: 0, location: 'Annex' },
      ],
    });
    expect(
      await parseFeedBody('application/json', '{"items":[{"sku":"A","onHand":2,"location":"Annex"}]}'),
    ).toEqual({
      items: [{ sku: 'A', onHand: 2, location: 'Annex' }],
    });
    // Without a useful content type the body decides.
    expect(await parseFeedBody(null, Buffer.from(' {"items":[]}'))).toEqual({ items: [] });
    expect(await parseFeedBody('application/octet-stream', Buffer.from('sku,quantity\nA,1\n'))).toEqual({
      items: [{ sku: 'A', onHand: 1 }],
    });

    const csvError = await parseFeedBody('text/csv', 'sku,quantity,mode\nA,1,delta\nB,-2,\nC,x,set\n').catch(
      (e: unknown) => e,
    );
    expect(csvError).toBeInstanceOf(CsvUploadError);
    expect((csvError as CsvUploadError).rowErrors.map((e) => [e.row, e.column])).toEqual([
      [2, 'mode'],
      [3, 'quantity'],
      [4, 'quantity'],
    ]);
    const jsonError = await parseFeedBody('application/json', '{"items":[{"sku":"A","onHand":-1}]}').catch(
      (e: unknown) => e,
    );
    expect((jsonError as ValidationError).issues.map((i) => i.path)).toEqual([['items', 0, 'onHand']]);
    await expect(parseFeedBody('application/json', '{"items": [')).rejects.toBeInstanceOf(ValidationError);
  });
});
