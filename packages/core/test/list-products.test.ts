import { beforeAll, expect, it } from 'vitest';
import {
  type BallastError,
  countProducts,
  createProduct,
  createStore,
  listProducts,
  type ProductFilter,
  type ProductSort,
  recordMovements,
  type SortDirection,
  type SyncStatus,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

describeEachDialect('listProducts and the product filter', (ctx) => {
  let storeId: number;
  let otherStoreId: number;
  let ch1: number;
  let ch2: number;
  let otherChannel: number;
  /** sku -> id in the main store. */
  const ids = new Map<string, number>();
  let historyAt = 1;

  const id = (sku: string) => ids.get(sku)!;

  async function channel(store: number, name: string) {
    const row = await ctx.db
      .insertInto('channels')
      .values({ storeId: store, connectorId: 'test', name, createdAt: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function listing(store: number, channelId: number, productId: number) {
    await ctx.db
      .insertInto('listings')
      .values({ storeId: store, channelId, productId, createdAt: 1 })
      .execute();
  }

  async function dirty(store: number, channelId: number, productId: number) {
    await ctx.db
      .insertInto('syncDirty')
      .values({
        storeId: store,
        channelId,
        productId,
        seq: 1,
        firstMarkedAt: 1,
        lastCauseType: 'adjustment',
        lastCauseRef: 'x',
        marks: 1,
        notBefore: 1,
      })
      .execute();
  }

  async function attempt(store: number, channelId: number, productId: number, status: SyncStatus) {
    const at = historyAt++;
    await ctx.db
      .insertInto('syncHistory')
      .values({
        storeId: store,
        channelId,
        productId,
        status,
        quantity: 1,
        causeType: 'adjustment',
        causeRef: 'x',
        cause: '{}',
        explanation: '{}',
        attempt: 1,
        seq: at,
        queuedAt: at,
        createdAt: at,
      })
      .execute();
  }

  const skusOf = async (filter: ProductFilter) =>
    (await listProducts(ctx.db, storeId, { filter, sort: 'sku', limit: 500 })).items.map((p) => p.sku).sort();

  beforeAll(async () => {
    const store = await createStore(ctx.db, { name: 'Main' });
    storeId = store.id;
    const products = [
      { sku: 'MUG-001', name: 'Blue Mug', autoSync: true },
      { sku: 'mug-002', name: 'Red MUG' },
      { sku: 'TEA_50%', name: 'Tea 50% off' },
      { sku: 'TEAX50Y', name: 'Teapot' },
      { sku: 'ASM-1', name: 'Assembled stand', kind: 'assembly' as const },
      { sku: 'PLAIN', name: 'Plain thing', autoSync: true },
      { sku: 'BACK\\SLASH', name: 'Odd sku' },
    ];
    for (const p of products) ids.set(p.sku, (await createProduct(ctx.db, storeId, p)).id);
    ids.set(
      'KIT-1',
      (
        await createProduct(ctx.db, storeId, {
          sku: 'KIT-1',
          name: 'Mug kit',
          kind: 'kit',
          components: [{ sku: 'MUG-001', quantity: 2 }],
        })
      ).id,
    );
    // Stock for the quantity columns (two locations summed), before any channel exists to mark.
    const second = await ctx.db
      .insertInto('locations')
      .values({ storeId, name: 'Second', createdAt: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db.transaction().execute((trx) =>
      recordMovements(trx, {
        storeId,
        cause: { type: 'adjustment', ref: 'seed' },
        movements: [
          { productId: id('MUG-001'), locationId: store.defaultLocationId, bucket: 'on_hand', delta: 10 },
          { productId: id('MUG-001'), locationId: second.id, bucket: 'on_hand', delta: 5 },
          { productId: id('MUG-001'), locationId: second.id, bucket: 'committed', delta: 3 },
        ],
      }),
    );
    ch1 = await channel(storeId, 'One');
    ch2 = await channel(storeId, 'Two');
    await listing(storeId, ch1, id('MUG-001'));
    await listing(storeId, ch1, id('KIT-1'));
    await listing(storeId, ch1, id('PLAIN'));
    await listing(storeId, ch2, id('mug-002'));
    await dirty(storeId, ch2, id('mug-002'));
    await dirty(storeId, ch2, id('ASM-1'));
    await attempt(storeId, ch1, id('MUG-001'), 'failed');
    await attempt(storeId, ch1, id('MUG-001'), 'succeeded');
    await attempt(storeId, ch1, id('PLAIN'), 'failed');
    await attempt(storeId, ch2, id('PLAIN'), 'succeeded');
    await attempt(storeId, ch2, id('ASM-1'), 'succeeded');
    await attempt(storeId, ch2, id('ASM-1'), 'failed');
    // Another store: same-looking data that must never show up.
    const other = await createStore(ctx.db, { name: 'Other' });
    otherStoreId = other.id;
    const otherMug = await createProduct(ctx.db, otherStoreId, { sku: 'MUG-OTHER', name: 'Blue Mug' });
    otherChannel = await channel(otherStoreId, 'Elsewhere');
    await listing(otherStoreId, otherChannel, otherMug.id);
    await dirty(otherStoreId, otherChannel, otherMug.id);
    await attempt(otherStoreId, otherChannel, otherMug.id, 'failed');
  });

  it('lists every product of the store with summed quantities; kits have none of their own', async () => {
    const page = await listProducts(ctx.db, storeId, { sort: 'sku' });
    expect(page.items.map((p) => p.sku).sort()).toEqual([...ids.keys()].sort());
    expect(page.nextCursor).toBeNull();
    const mug = page.items.find((p) => p.sku === 'MUG-001');
    expect(mug).toMatchObject({ kind: 'simple', autoSync: true, onHand: 15, committed: 3, available: 12 });
    expect(page.items.find((p) => p.sku === 'PLAIN')).toMatchObject({
      onHand: 0,
      committed: 0,
      available: 0,
    });
    expect(page.items.find((p) => p.sku === 'KIT-1')).toMatchObject({
      kind: 'kit',
      onHand: null,
      committed: null,
      available: null,
    });
    expect(page.total).toBeUndefined();
  });

  it('searches SKU or name case-insensitively, with % and _ matching only themselves', async () => {
    expect(await skusOf({ q: 'mug' })).toEqual(['KIT-1', 'MUG-001', 'mug-002']);
    expect(await skusOf({ q: '  MuG-00 ' })).toEqual(['MUG-001', 'mug-002']);
    expect(await skusOf({ q: 'red m' })).toEqual(['mug-002']);
    expect(await skusOf({ q: '50%' })).toEqual(['TEA_50%']);
    expect(await skusOf({ q: 'a_5' })).toEqual(['TEA_50%']);
    expect(await skusOf({ q: '%' })).toEqual(['TEA_50%']);
    expect(await skusOf({ q: '\\' })).toEqual(['BACK\\SLASH']);
    expect(await skusOf({ q: 'nothing like it' })).toEqual([]);
    expect(await skusOf({ q: '   ' })).toHaveLength(ids.size);
  });

  it('filters on Auto Sync, kind, channel listing and explicit ids', async () => {
    expect(await skusOf({ autoSync: true })).toEqual(['MUG-001', 'PLAIN']);
    expect(await skusOf({ autoSync: false })).toHaveLength(ids.size - 2);
    expect(await skusOf({ kind: 'kit' })).toEqual(['KIT-1']);
    expect(await skusOf({ kind: 'assembly' })).toEqual(['ASM-1']);
    expect(await skusOf({ channelId: ch1 })).toEqual(['KIT-1', 'MUG-001', 'PLAIN']);
    expect(await skusOf({ channelId: ch2 })).toEqual(['mug-002']);
    expect(await skusOf({ channelId: otherChannel })).toEqual([]);
    expect(await skusOf({ ids: [id('PLAIN'), id('ASM-1')] })).toEqual(['ASM-1', 'PLAIN']);
    expect(await skusOf({ ids: [] })).toEqual([]);
  });

  it('filters on sync status: pending = dirty, failed = latest attempt failed on some channel, ok = neither', async () => {
    expect(await skusOf({ syncStatus: 'pending' })).toEqual(['ASM-1', 'mug-002']);
    // MUG-001 failed once but its latest attempt succeeded; PLAIN failed on One; ASM-1 failed last on Two.
    expect(await skusOf({ syncStatus: 'failed' })).toEqual(['ASM-1', 'PLAIN']);
    expect(await skusOf({ syncStatus: 'ok' })).toEqual([
      'BACK\\SLASH',
      'KIT-1',
      'MUG-001',
      'TEAX50Y',
      'TEA_50%',
    ]);
    // With a channel, only that channel counts (and the product must be listed there).
    expect(await skusOf({ syncStatus: 'failed', channelId: ch1 })).toEqual(['PLAIN']);
    expect(await skusOf({ syncStatus: 'ok', channelId: ch1 })).toEqual(['KIT-1', 'MUG-001']);
    expect(await skusOf({ syncStatus: 'pending', channelId: ch2 })).toEqual(['mug-002']);
    // ASM-1 failed last on Two but is not listed there.
    expect(await skusOf({ syncStatus: 'failed', channelId: ch2 })).toEqual([]);
  });

  it('combines fields with AND', async () => {
    expect(await skusOf({ q: 'mug', autoSync: false })).toEqual(['KIT-1', 'mug-002']);
    expect(await skusOf({ q: 'mug', kind: 'simple', channelId: ch1 })).toEqual(['MUG-001']);
    expect(await skusOf({ syncStatus: 'failed', kind: 'assembly', autoSync: false })).toEqual(['ASM-1']);
    expect(await skusOf({ syncStatus: 'pending', ids: [id('ASM-1'), id('PLAIN')] })).toEqual(['ASM-1']);
    expect(await skusOf({ q: 'tea', ids: [id('TEAX50Y')], autoSync: false, kind: 'simple' })).toEqual([
      'TEAX50Y',
    ]);
  });

  it('counts what the list shows, for the same filter', async () => {
    expect(await countProducts(ctx.db, storeId)).toBe(ids.size);
    expect(await countProducts(ctx.db, storeId, { q: 'mug' })).toBe(3);
    expect(await countProducts(ctx.db, storeId, { syncStatus: 'ok' })).toBe(5);
    expect(await countProducts(ctx.db, otherStoreId, { q: 'mug' })).toBe(1);
    const page = await listProducts(ctx.db, storeId, { filter: { q: 'mug' }, limit: 1, includeTotal: true });
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
  });

  it('never shows another store\u2019s products', async () => {
    const everything = await listProducts(ctx.db, otherStoreId, { limit: 500 });
    expect(everything.items.map((p) => p.sku)).toEqual(['MUG-OTHER']);
    expect(await skusOf({ ids: [everything.items[0]!.id] })).toEqual([]);
    expect(
      (await listProducts(ctx.db, otherStoreId, { filter: { syncStatus: 'failed' } })).items,
    ).toHaveLength(1);
    expect((await listProducts(ctx.db, otherStoreId, { filter: { channelId: ch1 } })).items).toHaveLength(0);
  });

  it('rejects bad filters and options with field paths', async () => {
    const issuePaths = async (run: () => Promise<unknown>) => {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as BallastError).issues.map((i) => i.path);
    };
    expect(
      await issuePaths(() => listProducts(ctx.db, storeId, { filter: { kind: 'bundle' as 'kit' } })),
    ).toEqual([['filter', 'kind']]);
    expect(
      await issuePaths(() => listProducts(ctx.db, storeId, { filter: { autosync: true } as ProductFilter })),
    ).toEqual([['filter']]);
    expect(await issuePaths(() => listProducts(ctx.db, storeId, { limit: 501 }))).toEqual([['limit']]);
    expect(await issuePaths(() => listProducts(ctx.db, storeId, { limit: 0 }))).toEqual([['limit']]);
    expect(await issuePaths(() => listProducts(ctx.db, storeId, { sort: 'price' as 'id' }))).toEqual([
      ['sort'],
    ]);
    expect(await issuePaths(() => countProducts(ctx.db, storeId, { ids: [1.5] }))).toEqual([
      ['filter', 'ids', 0],
    ]);
    expect(await issuePaths(() => countProducts(ctx.db, storeId, { syncStatus: 'broken' as 'ok' }))).toEqual([
      ['filter', 'syncStatus'],
    ]);
  });

  it('refuses invalid cursors and cursors of another sort order', async () => {
    const first = await listProducts(ctx.db, storeId, { sort: 'name', limit: 2 });
    expect(first.nextCursor).toEqual(expect.any(String));
    const bad = [
      'not-a-cursor',
      Buffer.from('{"s":"name"}').toString('base64url'),
      Buffer.from(JSON.stringify({ s: 'name', d: 'asc', k: 5, i: 1 })).toString('base64url'),
      Buffer.from(JSON.stringify({ s: 'id', d: 'asc', k: 'x', i: 1 })).toString('base64url'),
    ];
    for (const cursor of bad) {
      await expect(listProducts(ctx.db, storeId, { sort: 'name', cursor })).rejects.toMatchObject({
        code: 'validation',
        issues: [{ path: ['cursor'] }],
      });
    }
    await expect(
      listProducts(ctx.db, storeId, { sort: 'sku', cursor: first.nextCursor }),
    ).rejects.toMatchObject({
      issues: [{ path: ['cursor'] }],
    });
    await expect(
      listProducts(ctx.db, storeId, { sort: 'name', direction: 'desc', cursor: first.nextCursor }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describeEachDialect('listProducts keyset paging', (ctx) => {
  let storeId: number;
  type Row = { id: number; sku: string; name: string; createdAt: number };
  let rows: Row[] = [];

  beforeAll(async () => {
    storeId = (await createStore(ctx.db, { name: 'Paging' })).id;
    // Repeated names and creation times force the id tie-break; lowercase ASCII sorts alike everywhere.
    const names = ['delta', 'alpha', 'charlie', 'alpha', 'bravo'];
    const values = Array.from({ length: 37 }, (_, i) => ({
      storeId,
      sku: `p${String((i * 17) % 37).padStart(3, '0')}`,
      name: names[i % names.length]!,
      kind: 'simple' as const,
      createdAt: 1000 + (i % 4),
      updatedAt: 1,
    }));
    rows = await ctx.db
      .insertInto('products')
      .values(values)
      .returning(['id', 'sku', 'name', 'createdAt'])
      .execute();
    // Noise in another store between them in id order.
    const other = await createStore(ctx.db, { name: 'Noise' });
    await createProduct(ctx.db, other.id, { sku: 'p000', name: 'alpha' });
  });

  const sorts: ProductSort[] = ['sku', 'name', 'createdAt', 'id'];
  const directions: SortDirection[] = ['asc', 'desc'];
  for (const sort of sorts) {
    for (const direction of directions) {
      it(`visits every row once in order: ${sort} ${direction}`, async () => {
        const expected = [...rows]
          .sort((a, b) => {
            const ka = a[sort];
            const kb = b[sort];
            const byKey = ka < kb ? -1 : ka > kb ? 1 : 0;
            return (byKey || a.id - b.id) * (direction === 'asc' ? 1 : -1);
          })
          .map((r) => r.id);
        for (const limit of [1, 5, 37, 50]) {
          const seen: number[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const page = await listProducts(ctx.db, storeId, { sort, direction, limit, cursor });
            expect(page.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.items.map((p) => p.id));
            cursor = page.nextCursor;
            pages++;
          } while (cursor && pages < 100);
          expect(seen).toEqual(expected);
          expect(pages).toBe(Math.max(1, Math.ceil(rows.length / limit)));
        }
      });
    }
  }

  it('folds ASCII case only, identically on both dialects', async () => {
    const store = await createStore(ctx.db, { name: 'Accents' });
    await createProduct(ctx.db, store.id, { sku: 'ECL-1', name: 'Éclair BOX' });
    const found = async (q: string) =>
      (await listProducts(ctx.db, store.id, { filter: { q } })).items.map((p) => p.sku);
    expect(await found('éclair box')).toEqual([]);
    expect(await found('Éclair box')).toEqual(['ECL-1']);
    expect(await found('ÉCLAIR')).toEqual(['ECL-1']);
    expect(await found('ecl-')).toEqual(['ECL-1']);
  });

  it('pages through a filtered list', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listProducts(ctx.db, storeId, {
        filter: { q: 'ALPHA' },
        sort: 'sku',
        limit: 3,
        cursor,
      });
      seen.push(...page.items.map((p) => p.sku));
      cursor = page.nextCursor;
    } while (cursor);
    const expected = rows
      .filter((r) => r.name === 'alpha')
      .map((r) => r.sku)
      .sort();
    expect(seen).toEqual(expected);
  });
});
