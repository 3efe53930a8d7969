import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyFeedSnapshot,
  CsvUploadError,
  createFeed,
  createLocation,
  createProduct,
  createStore,
  type Db,
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
import { createTestDatabase, DIALECTS, type TestDatabase } from '../src/testing/index.ts';

for (const dialect of DIALECTS) {
  describe(`feeds [${dialect}]`, () => {
    let t: TestDatabase;
    let db: Db;
    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      db = t.db;
    });
    afterAll(() => t.drop());

    /** A store with products A, B (simple) and KIT, location Annex, A = 10 and B = 3 at the default location. */
    async function setup() {
      const store = await createStore(db, { name: 'Feeds', defaultLocationName: 'Main' });
      const annexId = (await createLocation(db, store.id, { name: 'Annex' })).id;
      const ids: Record<string, number> = {};
      for (const sku of ['A', 'B']) ids[sku] = (await createProduct(db, store.id, { sku, name: sku })).id;
      ids.KIT = (
        await createProduct(db, store.id, {
          sku: 'KIT',
          name: 'Kit',
          kind: 'kit',
          components: [{ sku: 'A', quantity: 1 }],
        })
      ).id;
      await db.transaction().execute((trx) =>
        recordMovements(trx, {
          storeId: store.id,
          cause: { type: 'adjustment', ref: 'seed' },
          movements: [
            { productId: ids.A!, locationId: store.defaultLocationId, bucket: 'on_hand', delta: 10 },
            { productId: ids.B!, locationId: store.defaultLocationId, bucket: 'on_hand', delta: 3 },
          ],
        }),
      );
      const feed = await createFeed(db, store.id, { name: 'Warehouse' });
      return { store, annexId, ids, feed };
    }

    async function onHand(store: Store) {
      const rows = await db
        .selectFrom('quantities as q')
        .innerJoin('products as p', 'p.id', 'q.productId')
        .innerJoin('locations as l', 'l.id', 'q.locationId')
        .select(['p.sku', 'l.name', 'q.onHand'])
        .where('q.storeId', '=', store.id)
        .where('q.onHand', '!=', 0)
        .execute();
      return Object.fromEntries(rows.map((r) => [`${r.sku}@${r.name}`, r.onHand]));
    }

    async function snapshot(store: Store) {
      const all = (table: 'movements' | 'feedRuns' | 'syncDirty' | 'idempotencyKeys' | 'feeds') =>
        db.selectFrom(table).selectAll().where('storeId', '=', store.id).execute();
      return {
        movements: await all('movements'),
        runs: await all('feedRuns'),
        dirty: await all('syncDirty'),
        keys: await all('idempotencyKeys'),
        feeds: await all('feeds'),
        quantities: await db
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
      const pulled = await createFeed(db, store.id, {
        name: ' ERP ',
        url: 'https://erp.example.com/stock.csv',
        intervalMinutes: 60,
      });
      expect(pulled).toMatchObject({
        name: 'ERP',
        url: 'https://erp.example.com/stock.csv',
        intervalMinutes: 60,
      });
      expect((await listFeeds(db, store.id)).items.map((f) => f.name)).toEqual(['Warehouse', 'ERP']);
      const first = await listFeeds(db, store.id, { limit: 1 });
      expect(first.items.map((f) => f.name)).toEqual(['Warehouse']);
      // A feed added after the first page was read comes at the end, not again at the start.
      const late = await createFeed(db, store.id, { name: 'Late' });
      const rest = await listFeeds(db, store.id, { limit: 5, cursor: first.nextCursor });
      expect(rest).toEqual({ items: [pulled, late], nextCursor: null });
      await deleteFeed(db, store.id, late.id);
      await expect(listFeeds(db, store.id, { cursor: 'bogus' })).rejects.toMatchObject({
        issues: [{ path: ['cursor'] }],
      });
      await expect(listFeeds(db, store.id, { limit: 0 })).rejects.toMatchObject({
        issues: [{ path: ['limit'] }],
      });

      const renamed = await updateFeed(db, store.id, pulled.id, {
        name: 'ERP nightly',
        intervalMinutes: null,
      });
      expect(renamed).toMatchObject({
        name: 'ERP nightly',
        url: 'https://erp.example.com/stock.csv',
        intervalMinutes: null,
      });
      expect(await getFeed(db, store.id, pulled.id)).toEqual(renamed);

      const other = await createStore(db, { name: 'Other' });
      await expect(getFeed(db, other.id, pulled.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateFeed(db, other.id, pulled.id, { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteFeed(db, other.id, pulled.id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await listFeeds(db, other.id)).toEqual({ items: [], nextCursor: null });

      await applyFeedSnapshot(db, store.id, pulled.id, { items: [{ sku: 'A', onHand: 1 }] });
      await deleteFeed(db, store.id, pulled.id);
      await expect(getFeed(db, store.id, pulled.id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await db.selectFrom('feedRuns').select('id').where('feedId', '=', pulled.id).execute()).toEqual(
        [],
      );
      // The ledger keeps what the feed did.
      expect(await onHand(store)).toMatchObject({ 'A@Main': 1 });
    });

    it('refuses invalid feed settings with field paths', async () => {
      const { store, feed } = await setup();
      const issuePaths = async (call: Promise<unknown>) => {
        const error = await call.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((i) => i.path);
      };
      expect(await issuePaths(createFeed(db, store.id, { name: 'x', intervalMinutes: 5 }))).toEqual([
        ['intervalMinutes'],
      ]);
      expect(
        await issuePaths(createFeed(db, store.id, { name: 'x', url: 'ftp://example.com/a.csv' })),
      ).toEqual([['url']]);
      expect(
        await issuePaths(createFeed(db, store.id, { name: '', url: 'https://x.test', intervalMinutes: 0 })),
      ).toEqual([['name'], ['intervalMinutes']]);
      expect(await issuePaths(updateFeed(db, store.id, feed.id, { intervalMinutes: 30 }))).toEqual([
        ['intervalMinutes'],
      ]);
      await expect(createFeed(db, 999_999, { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('sets absolute on hand per SKU and location, reporting unknown SKUs and recording the run', async () => {
      const { store, ids, feed } = await setup();
      const result = await applyFeedSnapshot(db, store.id, feed.id, {
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
      expect(await onHand(store)).toEqual({ 'A@Main': 7, 'B@Main': 3, 'B@Annex': 5 });
      const movements = await db
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
      expect(await db.selectFrom('products').select('sku').where('sku', '=', 'GHOST').execute()).toEqual([]);

      const second = await applyFeedSnapshot(db, store.id, feed.id, { items: [{ sku: 'A', onHand: 7 }] });
      expect(second.changed).toBe(0);
      const runs = await listFeedRuns(db, store.id, feed.id);
      expect(runs.map((r) => [r.id, r.status, r.rowCount, r.changed, r.unknownSkus])).toEqual([
        [second.runId, 'applied', 1, 0, []],
        [result.runId, 'applied', 6, 2, ['GHOST']],
      ]);
      expect(await getFeed(db, store.id, feed.id)).toMatchObject({
        lastRunAt: second.at,
        lastStatus: 'applied',
        lastError: null,
      });
    });

    it('refuses invalid items with their paths and writes nothing', async () => {
      const { store, feed } = await setup();
      const before = await snapshot(store);
      const error = await applyFeedSnapshot(db, store.id, feed.id, {
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

      const lookups = await applyFeedSnapshot(db, store.id, feed.id, {
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
      await expect(applyFeedSnapshot(db, store.id, 999_999, { items: [] })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await snapshot(store)).toEqual(before);
    });

    it('replays an idempotency key without applying twice', async () => {
      const { store, feed } = await setup();
      const items = [{ sku: 'A', onHand: 4 }];
      const first = await applyFeedSnapshot(db, store.id, feed.id, { items, idempotencyKey: 'snap-1' });
      // Stock moves in between; a replay must still not re-apply.
      await db.transaction().execute(async (trx) => {
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
      expect(await applyFeedSnapshot(db, store.id, feed.id, { items, idempotencyKey: 'snap-1' })).toEqual(
        first,
      );
      expect(await onHand(store)).toMatchObject({ 'A@Main': 5 });
      expect(await listFeedRuns(db, store.id, feed.id)).toHaveLength(1);
      await expect(
        applyFeedSnapshot(db, store.id, feed.id, {
          items: [{ sku: 'A', onHand: 9 }],
          idempotencyKey: 'snap-1',
        }),
      ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    });

    it('marks auto-synced products dirty with the feed run as cause', async () => {
      const { store, ids, feed } = await setup();
      const channel = await db
        .insertInto('channels')
        .values({ storeId: store.id, connectorId: 'test', name: 'Shop', createdAt: Date.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.updateTable('products').set({ autoSync: 1 }).where('storeId', '=', store.id).execute();
      const run = await applyFeedSnapshot(db, store.id, feed.id, {
        items: [
          { sku: 'A', onHand: 2 },
          { sku: 'B', onHand: 3 },
        ],
      });
      const dirty = await db
        .selectFrom('syncDirty')
        .select(['channelId', 'productId', 'lastCauseType', 'lastCauseRef'])
        .where('storeId', '=', store.id)
        .orderBy('productId')
        .execute();
      // A changed (and so did the kit made of it); B was already 3.
      expect(dirty).toEqual([
        { channelId: channel.id, productId: ids.A, lastCauseType: 'feed', lastCauseRef: String(run.runId) },
        { channelId: channel.id, productId: ids.KIT, lastCauseType: 'feed', lastCauseRef: String(run.runId) },
      ]);
    });

    it('lists feeds that are due, across stores, oldest first', async () => {
      const base = Date.now() + 10 * 365 * 24 * 3600_000;
      const s1 = await createStore(db, { name: 'Due 1' });
      const s2 = await createStore(db, { name: 'Due 2' });
      const never = await createFeed(db, s1.id, {
        name: 'never ran',
        url: 'https://x.test/a',
        intervalMinutes: 60,
      });
      const recent = await createFeed(db, s1.id, {
        name: 'recent',
        url: 'https://x.test/b',
        intervalMinutes: 60,
      });
      const old = await createFeed(db, s2.id, { name: 'old', url: 'https://x.test/c', intervalMinutes: 60 });
      const pushOnly = await createFeed(db, s2.id, { name: 'push only' });
      const manual = await createFeed(db, s2.id, { name: 'manual', url: 'https://x.test/d' });
      const ids = [never.id, recent.id, old.id, pushOnly.id, manual.id];
      const mine = (feeds: { id: number }[]) => feeds.map((f) => f.id).filter((id) => ids.includes(id));
      await db
        .updateTable('feeds')
        .set({ lastRunAt: base - 30 * 60_000 })
        .where('id', '=', recent.id)
        .execute();
      await db
        .updateTable('feeds')
        .set({ lastRunAt: base - 60 * 60_000 })
        .where('id', '=', old.id)
        .execute();

      expect(mine(await dueFeeds(db, base))).toEqual([never.id, old.id]);
      expect(mine(await dueFeeds(db, base + 30 * 60_000))).toEqual([never.id, old.id, recent.id]);
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

      const csvError = await parseFeedBody(
        'text/csv',
        'sku,quantity,mode\nA,1,delta\nB,-2,\nC,x,set\n',
      ).catch((e: unknown) => e);
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
}
