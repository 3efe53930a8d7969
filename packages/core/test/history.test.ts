import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type BalanceExplanation,
  type BallastError,
  type CauseType,
  createProduct,
  createStore,
  finishSyncAttempts,
  getSyncHistoryEntry,
  InvalidStateError,
  listSyncHistory,
  MAX_ERROR_MESSAGE,
  NotFoundError,
  recordSyncAttempt,
  recordSyncAttempts,
  type SyncAttemptInput,
  type SyncStatus,
  syncActivity,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

const explanation: BalanceExplanation = {
  inputs: { onHand: 12, committed: 2, available: 10, locations: [1] },
  rule: { source: 'none', buffer: 0, percent: 100, maxQuantity: null, endWhen: null },
  steps: ['available 10', 'floor(10 × 100%) = 10'],
};

describeEachDialect('Sync History storage', (ctx) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function setup() {
    const store = await createStore(ctx.db, { name: 'S' });
    const channel = async (name: string) =>
      (
        await ctx.db
          .insertInto('channels')
          .values({ storeId: store.id, connectorId: 'test', name, createdAt: 1 })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const shop = await channel('Shop');
    const market = await channel('Market');
    const mug = await createProduct(ctx.db, store.id, { sku: 'MUG', name: 'Blue mug' });
    const tea = await createProduct(ctx.db, store.id, { sku: 'TEA', name: 'Green tea' });
    const listing = await ctx.db
      .insertInto('listings')
      .values({ storeId: store.id, channelId: shop, productId: mug.id, createdAt: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attempt = (over: Partial<SyncAttemptInput> = {}): SyncAttemptInput => ({
      storeId: store.id,
      channelId: shop,
      productId: mug.id,
      status: 'pending',
      quantity: 10,
      cause: { type: 'adjustment', ref: 'adj-1', marks: 3, firstMarkedAt: 500 },
      explanation: { steps: ['x'] },
      attempt: 1,
      seq: 7,
      queuedAt: 600,
      ...over,
    });
    const count = async () =>
      Number(
        (
          await ctx.db
            .selectFrom('syncHistory')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('storeId', '=', store.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      storeId: store.id,
      shop,
      market,
      mug: mug.id,
      tea: tea.id,
      listingId: listing.id,
      attempt,
      count,
    };
  }

  const issuePaths = async (run: () => Promise<unknown>, type: new (...args: never[]) => BallastError) => {
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    return (error as BallastError).issues.map((i) => i.path);
  };

  it('records an attempt and reads it back with parsed cause, explanation, SKU and channel name', async () => {
    const s = await setup();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
    const id = await recordSyncAttempt(ctx.db, {
      ...s.attempt(),
      listingId: s.listingId,
      previousQuantity: 8,
      explanation,
      idempotencyKey: 'idem-1',
      workerId: 'w1',
      startedAt: 700,
    });
    const entry = await getSyncHistoryEntry(ctx.db, s.storeId, id);
    expect(entry).toEqual({
      id,
      channelId: s.shop,
      channelName: 'Shop',
      productId: s.mug,
      sku: 'MUG',
      productName: 'Blue mug',
      listingId: s.listingId,
      status: 'pending',
      quantity: 10,
      previousQuantity: 8,
      // A ref that is no adjustment's id names nothing.
      cause: { type: 'adjustment', ref: 'adj-1', marks: 3, firstMarkedAt: 500, subject: null },
      explanation,
      errorCode: null,
      errorMessage: null,
      attempt: 1,
      seq: 7,
      idempotencyKey: 'idem-1',
      workerId: 'w1',
      pendingHandle: null,
      queuedAt: 600,
      startedAt: 700,
      finishedAt: null,
      createdAt: 1_000_000,
    });
  });

  it('records a batch with multi-row inserts, ids in input order', async () => {
    const s = await setup();
    const rows = Array.from({ length: 620 }, (_, i) =>
      s.attempt({
        productId: i % 3 === 0 ? s.tea : s.mug,
        quantity: i,
        status: 'skipped',
        finishedAt: 601,
      }),
    );
    const ids = await recordSyncAttempts(ctx.db, rows);
    expect(ids).toHaveLength(620);
    const stored = await ctx.db
      .selectFrom('syncHistory')
      .select(['id', 'productId', 'quantity'])
      .where('id', 'in', ids)
      .execute();
    const byId = new Map(stored.map((r) => [r.id, r]));
    ids.forEach((id, i) => {
      expect(byId.get(id)).toEqual({ id, productId: rows[i]!.productId, quantity: i });
    });
    expect(await recordSyncAttempts(ctx.db, [])).toEqual([]);
  });

  it('rejects bad attempts with paths, writing nothing of the batch', async () => {
    const s = await setup();
    const other = await setup();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cases: [SyncAttemptInput[], (string | number)[], new (...args: never[]) => BallastError][] = [
      [
        [s.attempt(), s.attempt({ status: 'done' as SyncStatus })],
        ['attempts', 1, 'status'],
        ValidationError,
      ],
      [[s.attempt({ attempt: 0 })], ['attempts', 0, 'attempt'], ValidationError],
      [[s.attempt({ quantity: 1.5 })], ['attempts', 0, 'quantity'], ValidationError],
      [
        [s.attempt({ cause: { type: 'x' as 'feed', ref: '', marks: 1, firstMarkedAt: 1 } })],
        ['attempts', 0, 'cause', 'type'],
        ValidationError,
      ],
      [[s.attempt(), s.attempt({ explanation: cyclic })], ['attempts', 1, 'explanation'], ValidationError],
      [[s.attempt(), s.attempt({ channelId: other.shop })], ['attempts', 1, 'channelId'], NotFoundError],
      [[s.attempt({ productId: other.mug })], ['attempts', 0, 'productId'], NotFoundError],
      [[s.attempt({ listingId: other.listingId })], ['attempts', 0, 'listingId'], NotFoundError],
      [
        [s.attempt({ productId: s.tea, listingId: s.listingId })],
        ['attempts', 0, 'listingId'],
        ValidationError,
      ],
    ];
    for (const [rows, path, type] of cases) {
      expect(await issuePaths(() => recordSyncAttempts(ctx.db, rows), type)).toEqual([path]);
    }
    expect(
      await issuePaths(() => recordSyncAttempt(ctx.db, s.attempt({ seq: -1 })), ValidationError),
    ).toEqual([['seq']]);
    expect(await s.count()).toBe(0);
    expect(await other.count()).toBe(0);
  });

  it('keeps long channel error messages short', async () => {
    const s = await setup();
    const id = await recordSyncAttempt(
      ctx.db,
      s.attempt({ status: 'failed', errorMessage: 'x'.repeat(50_000) }),
    );
    const entry = await getSyncHistoryEntry(ctx.db, s.storeId, id);
    expect(entry.errorMessage).toHaveLength(MAX_ERROR_MESSAGE);
  });

  it('finishes pending attempts in one batch, keeping what the outcome leaves out', async () => {
    const s = await setup();
    const [a, b, c] = await recordSyncAttempts(ctx.db, [
      s.attempt({ previousQuantity: 4 }),
      s.attempt({ productId: s.tea, previousQuantity: 5 }),
      s.attempt({ channelId: s.market }),
    ]);
    const finished = await finishSyncAttempts(ctx.db, [
      { id: a!, status: 'succeeded', finishedAt: 900 },
      {
        id: b!,
        status: 'failed',
        errorCode: 'validation',
        errorMessage: 'bad sku',
        previousQuantity: 6,
        finishedAt: 901,
      },
      { id: c!, status: 'pending', pendingHandle: 'feed-42', finishedAt: 902 },
    ]);
    expect(finished).toBe(3);
    expect(await getSyncHistoryEntry(ctx.db, s.storeId, a!)).toMatchObject({
      status: 'succeeded',
      previousQuantity: 4,
      errorCode: null,
      finishedAt: 900,
    });
    expect(await getSyncHistoryEntry(ctx.db, s.storeId, b!)).toMatchObject({
      status: 'failed',
      errorCode: 'validation',
      errorMessage: 'bad sku',
      previousQuantity: 6,
      finishedAt: 901,
    });
    expect(await getSyncHistoryEntry(ctx.db, s.storeId, c!)).toMatchObject({
      status: 'pending',
      pendingHandle: 'feed-42',
    });
    // A feed-style attempt still pending gets its verdict later.
    await finishSyncAttempts(ctx.db, [{ id: c!, status: 'failed', errorCode: 'rejected', finishedAt: 950 }]);
    expect(await getSyncHistoryEntry(ctx.db, s.storeId, c!)).toMatchObject({
      status: 'failed',
      pendingHandle: 'feed-42',
      finishedAt: 950,
    });
  });

  it('refuses to finish unknown or already finished attempts, writing nothing', async () => {
    const s = await setup();
    const [a, b] = await recordSyncAttempts(ctx.db, [s.attempt(), s.attempt()]);
    await finishSyncAttempts(ctx.db, [{ id: a!, status: 'succeeded', finishedAt: 1 }]);
    await expect(
      finishSyncAttempts(ctx.db, [
        { id: b!, status: 'succeeded', finishedAt: 2 },
        { id: a!, status: 'failed', finishedAt: 2 },
      ]),
    ).rejects.toBeInstanceOf(InvalidStateError);
    expect(
      await issuePaths(
        () =>
          finishSyncAttempts(ctx.db, [
            { id: b!, status: 'succeeded', finishedAt: 2 },
            { id: 999_999_999, status: 'failed', finishedAt: 2 },
          ]),
        NotFoundError,
      ),
    ).toEqual([['attempts', 1, 'id']]);
    expect(
      await issuePaths(
        () =>
          finishSyncAttempts(ctx.db, [
            { id: b!, status: 'succeeded', finishedAt: 2 },
            { id: b!, status: 'failed', finishedAt: 2 },
          ]),
        ValidationError,
      ),
    ).toEqual([['attempts', 1, 'id']]);
    expect(
      await issuePaths(
        () => finishSyncAttempts(ctx.db, [{ id: b!, status: 'gone' as 'failed', finishedAt: 2 }]),
        ValidationError,
      ),
    ).toEqual([['attempts', 0, 'status']]);
    expect((await getSyncHistoryEntry(ctx.db, s.storeId, b!)).status).toBe('pending');
    expect((await getSyncHistoryEntry(ctx.db, s.storeId, a!)).status).toBe('succeeded');
  });

  describe('listing', () => {
    let s: Awaited<ReturnType<typeof setup>>;
    let other: Awaited<ReturnType<typeof setup>>;
    /** What each row was written with, oldest first. */
    const rows: {
      id: number;
      productId: number;
      channelId: number;
      status: SyncStatus;
      causeType: CauseType;
      causeRef: string;
      createdAt: number;
    }[] = [];
    const statuses: SyncStatus[] = ['succeeded', 'failed', 'skipped', 'retrying', 'succeeded', 'pending'];
    // Purchase order 1001 shares its ref with sales order 1001: a ref only means something within its type.
    const causes: [CauseType, string][] = [
      ['sales_order', '1001'],
      ['purchase_order', '1001'],
      ['sales_order', '1002'],
      ['feed', '7'],
      ['adjustment', 'adj-1'],
    ];

    beforeAll(async () => {
      s = await setup();
      other = await setup();
      vi.useFakeTimers({ toFake: ['Date'] });
      for (let i = 0; i < 30; i++) {
        const createdAt = 10_000 + i * 100;
        vi.setSystemTime(createdAt);
        const [causeType, causeRef] = causes[i % causes.length]!;
        const row = {
          productId: i % 2 === 0 ? s.mug : s.tea,
          channelId: i % 3 === 0 ? s.market : s.shop,
          status: statuses[i % statuses.length]!,
        };
        const cause = { ...s.attempt().cause, type: causeType, ref: causeRef };
        const id = await recordSyncAttempt(ctx.db, s.attempt({ ...row, cause }));
        rows.push({ id, ...row, causeType, causeRef, createdAt });
        // The other store writes at the same moments, for the same causes.
        await recordSyncAttempt(ctx.db, other.attempt({ status: row.status, cause }));
      }
      vi.useRealTimers();
    });

    /** Every page, following cursors. */
    async function all(query: Parameters<typeof listSyncHistory>[2]) {
      const ids: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await listSyncHistory(ctx.db, s.storeId, { ...query, cursor });
        ids.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    }
    const newestFirst = (keep: (r: (typeof rows)[number]) => boolean) =>
      rows
        .filter(keep)
        .map((r) => r.id)
        .reverse();

    it('lists newest first, every row once across pages, with names joined', async () => {
      expect(await all({ limit: 7 })).toEqual(newestFirst(() => true));
      expect(await all({ limit: 500 })).toEqual(newestFirst(() => true));
      const page = await listSyncHistory(ctx.db, s.storeId, { limit: 2 });
      expect(page.items[0]).toMatchObject({ sku: 'TEA', productName: 'Green tea', channelName: 'Shop' });
      expect(page.items[0]!.cause).toEqual({
        type: 'adjustment',
        ref: 'adj-1',
        marks: 3,
        firstMarkedAt: 500,
        subject: null,
      });
    });

    it('filters by product, channel, one or several statuses and time, alone and combined', async () => {
      const { mug, market } = s;
      expect(await all({ productId: mug, limit: 4 })).toEqual(newestFirst((r) => r.productId === mug));
      expect(await all({ channelId: market, limit: 4 })).toEqual(newestFirst((r) => r.channelId === market));
      expect(await all({ status: 'failed', limit: 2 })).toEqual(newestFirst((r) => r.status === 'failed'));
      expect(await all({ status: ['failed', 'retrying'], limit: 3 })).toEqual(
        newestFirst((r) => r.status === 'failed' || r.status === 'retrying'),
      );
      expect(await all({ from: 10_500, to: 11_500, limit: 4 })).toEqual(
        newestFirst((r) => r.createdAt >= 10_500 && r.createdAt < 11_500),
      );
      expect(await all({ productId: mug, channelId: market, limit: 2 })).toEqual(
        newestFirst((r) => r.productId === mug && r.channelId === market),
      );
      expect(
        await all({ productId: mug, status: ['succeeded', 'skipped'], from: 10_200, to: 12_000 }),
      ).toEqual(
        newestFirst(
          (r) =>
            r.productId === mug &&
            (r.status === 'succeeded' || r.status === 'skipped') &&
            r.createdAt >= 10_200 &&
            r.createdAt < 12_000,
        ),
      );
      expect(await all({ channelId: other.shop })).toEqual([]);
      expect(await all({ productId: other.mug })).toEqual([]);
    });

    it('filters by one or several cause types, and by a cause ref within its one type', async () => {
      const { mug, shop } = s;
      expect(await all({ causeType: 'sales_order', limit: 3 })).toEqual(
        newestFirst((r) => r.causeType === 'sales_order'),
      );
      expect(await all({ causeType: ['feed', 'purchase_order'], limit: 2 })).toEqual(
        newestFirst((r) => r.causeType === 'feed' || r.causeType === 'purchase_order'),
      );
      const salesOrder1001 = newestFirst((r) => r.causeType === 'sales_order' && r.causeRef === '1001');
      expect(salesOrder1001).toHaveLength(6);
      expect(await all({ causeType: 'sales_order', causeRef: '1001', limit: 4 })).toEqual(salesOrder1001);
      expect(await all({ causeType: ['sales_order'], causeRef: '1001' })).toEqual(salesOrder1001);
      expect(await all({ causeType: 'purchase_order', causeRef: '1001', limit: 4 })).toEqual(
        newestFirst((r) => r.causeType === 'purchase_order'),
      );
      expect(await all({ causeType: 'sales_order', causeRef: '100' })).toEqual([]);
      expect(
        await all({ causeType: 'sales_order', causeRef: '1001', productId: mug, channelId: shop }),
      ).toEqual(
        newestFirst(
          (r) =>
            r.causeType === 'sales_order' &&
            r.causeRef === '1001' &&
            r.productId === mug &&
            r.channelId === shop,
        ),
      );
      expect(
        await all({ causeType: ['sales_order', 'feed'], status: ['succeeded'], from: 10_500, limit: 2 }),
      ).toEqual(
        newestFirst(
          (r) =>
            (r.causeType === 'sales_order' || r.causeType === 'feed') &&
            r.status === 'succeeded' &&
            r.createdAt >= 10_500,
        ),
      );
      // The other store has the same causes; its rows stay its own.
      const theirs = await listSyncHistory(ctx.db, other.storeId, {
        causeType: 'sales_order',
        causeRef: '1001',
        limit: 500,
      });
      expect(theirs.items).toHaveLength(6);
      expect(theirs.items.some((e) => salesOrder1001.includes(e.id))).toBe(false);
    });

    it('never shows another store\u2019s rows', async () => {
      const mine = new Set(rows.map((r) => r.id));
      const theirs = await listSyncHistory(ctx.db, other.storeId, { limit: 500 });
      expect(theirs.items).toHaveLength(30);
      expect(theirs.items.some((e) => mine.has(e.id))).toBe(false);
      await expect(getSyncHistoryEntry(ctx.db, other.storeId, rows[0]!.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it('counts attempts per time bucket and status in SQL, for the dashboard', async () => {
      const expected = (from: number, to: number, bucketMs: number) => {
        const buckets: { start: number; counts: Record<SyncStatus, number>; total: number }[] = [];
        for (let start = from; start < to; start += bucketMs) {
          const counts = { pending: 0, succeeded: 0, failed: 0, retrying: 0, skipped: 0 };
          for (const r of rows) {
            if (r.createdAt >= start && r.createdAt < Math.min(start + bucketMs, to)) counts[r.status]++;
          }
          buckets.push({ start, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) });
        }
        return { from, to, bucketMs, buckets };
      };
      const chart = await syncActivity(ctx.db, s.storeId, { from: 10_000, to: 11_000, bucketMs: 300 });
      expect(chart).toEqual(expected(10_000, 11_000, 300));
      expect(chart.buckets.map((b) => b.total)).toEqual([3, 3, 3, 1]);
      // Bounds: from inclusive, to exclusive; rows exactly on a bucket edge open the next bucket.
      expect(await syncActivity(ctx.db, s.storeId, { from: 10_100, to: 10_400, bucketMs: 100 })).toEqual(
        expected(10_100, 10_400, 100),
      );
      expect(await syncActivity(ctx.db, s.storeId, { from: 9_000, to: 20_000, bucketMs: 1_000 })).toEqual(
        expected(9_000, 20_000, 1_000),
      );
      const empty = await syncActivity(ctx.db, s.storeId, { from: 0, to: 5_000, bucketMs: 2_500 });
      expect(empty.buckets.map((b) => b.total)).toEqual([0, 0]);
    });

    it('rejects activity ranges that are empty or too finely cut', async () => {
      expect(
        await issuePaths(
          () => syncActivity(ctx.db, s.storeId, { from: 5, to: 5, bucketMs: 1 }),
          ValidationError,
        ),
      ).toEqual([['to']]);
      expect(
        await issuePaths(
          () => syncActivity(ctx.db, s.storeId, { from: 0, to: 2001, bucketMs: 1 }),
          ValidationError,
        ),
      ).toEqual([['bucketMs']]);
      expect(
        await issuePaths(
          () => syncActivity(ctx.db, s.storeId, { from: 0, to: 10, bucketMs: 0 }),
          ValidationError,
        ),
      ).toEqual([['bucketMs']]);
    });

    it('rejects invalid cursors and queries', async () => {
      for (const cursor of ['garbage', Buffer.from('{"id":-3}').toString('base64url')]) {
        expect(
          await issuePaths(() => listSyncHistory(ctx.db, s.storeId, { cursor }), ValidationError),
        ).toEqual([['cursor']]);
      }
      expect(
        await issuePaths(() => listSyncHistory(ctx.db, s.storeId, { from: 5, to: 5 }), ValidationError),
      ).toEqual([['to']]);
      expect(
        await issuePaths(() => listSyncHistory(ctx.db, s.storeId, { limit: 501 }), ValidationError),
      ).toEqual([['limit']]);
      expect(
        await issuePaths(
          () => listSyncHistory(ctx.db, s.storeId, { status: ['failed', 'nope' as 'failed'] }),
          ValidationError,
        ),
      ).toEqual([['status']]);
      expect(
        await issuePaths(
          () => listSyncHistory(ctx.db, s.storeId, { causeType: ['feed', 'nope' as 'feed'] }),
          ValidationError,
        ),
      ).toEqual([['causeType']]);
      // A ref alone or with several types names no one cause.
      for (const causeType of [undefined, ['sales_order', 'purchase_order'] as CauseType[]]) {
        expect(
          await issuePaths(
            () => listSyncHistory(ctx.db, s.storeId, { causeType, causeRef: '1001' }),
            ValidationError,
          ),
        ).toEqual([['causeRef']]);
      }
      expect(
        await issuePaths(
          () => listSyncHistory(ctx.db, s.storeId, { causeType: 'feed', causeRef: '' }),
          ValidationError,
        ),
      ).toEqual([['causeRef']]);
      expect(await issuePaths(() => getSyncHistoryEntry(ctx.db, s.storeId, 0), ValidationError)).toEqual([
        ['id'],
      ]);
    });
  });
});
