import { expect, it } from 'vitest';
import { turnAutoSyncOn } from '../src/auto-sync/apply-auto-sync.ts';
import {
  type BallastError,
  bulkSetAutoSync,
  type ChannelStatus,
  createProduct,
  createStore,
  IdempotencyKeyReusedError,
  NotFoundError,
  type ProductFilter,
  recordMovements,
  setAutoSync,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

describeEachDialect('Auto Sync', (ctx) => {
  /** A store with channels A, B (active), P (paused), D (disconnected) and products by SKU. */
  async function setup(skus: string[], options: { on?: string[] } = {}) {
    const store = await createStore(ctx.db, { name: 'S' });
    const channel = async (name: string, status: ChannelStatus) =>
      (
        await ctx.db
          .insertInto('channels')
          .values({ storeId: store.id, connectorId: 'test', name, status, createdAt: 1 })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const channels = {
      A: await channel('A', 'active'),
      B: await channel('B', 'active'),
      P: await channel('P', 'paused'),
      D: await channel('D', 'disconnected'),
    };
    const ids: Record<string, number> = {};
    for (const sku of skus) {
      ids[sku] = (
        await createProduct(ctx.db, store.id, {
          sku,
          name: `Name ${sku}`,
          autoSync: options.on?.includes(sku),
        })
      ).id;
    }
    // Creating a product with Auto Sync on marks it; start every test from an empty outbox.
    await ctx.db.deleteFrom('syncDirty').where('storeId', '=', store.id).execute();
    const skuOf = new Map(Object.entries(ids).map(([sku, id]) => [id, sku]));
    const nameOf = new Map(Object.entries(channels).map(([name, id]) => [id, name]));

    return {
      storeId: store.id,
      locationId: store.defaultLocationId,
      channels,
      ids,
      async listing(sku: string, channelName: keyof typeof channels, override: 0 | 1 | null) {
        await ctx.db
          .insertInto('listings')
          .values({
            storeId: store.id,
            channelId: channels[channelName],
            productId: ids[sku]!,
            autoSyncOverride: override,
            createdAt: 1,
          })
          .execute();
      },
      /** Dirty pairs as "SKU@channel", sorted. */
      async pairs() {
        const rows = await ctx.db
          .selectFrom('syncDirty')
          .select(['productId', 'channelId'])
          .where('storeId', '=', store.id)
          .execute();
        return rows.map((r) => `${skuOf.get(r.productId)}@${nameOf.get(r.channelId)}`).sort();
      },
      async dirtyRows() {
        return ctx.db.selectFrom('syncDirty').selectAll().where('storeId', '=', store.id).execute();
      },
      async flags() {
        const rows = await ctx.db
          .selectFrom('products')
          .select(['sku', 'autoSync'])
          .where('storeId', '=', store.id)
          .orderBy('sku')
          .execute();
        return Object.fromEntries(rows.map((r) => [r.sku, r.autoSync === 1]));
      },
    };
  }

  it('turning one product on marks it dirty, forced, on every active channel at once', async () => {
    const s = await setup(['A1', 'A2']);
    const result = await setAutoSync(ctx.db, s.storeId, s.ids.A1!, true);
    expect(result).toEqual({ updated: 1, marked: 2, unmarked: 0 });
    expect(await s.flags()).toEqual({ A1: true, A2: false });
    expect(await s.pairs()).toEqual(['A1@A', 'A1@B']);
    for (const row of await s.dirtyRows()) {
      expect(row).toMatchObject({
        force: 1,
        lastCauseType: 'auto_sync',
        lastCauseRef: `product:${s.ids.A1}`,
      });
    }
  });

  it('setting the value a product already has changes nothing', async () => {
    const s = await setup(['X'], { on: ['X'] });
    expect(await setAutoSync(ctx.db, s.storeId, s.ids.X!, true)).toEqual({
      updated: 0,
      marked: 0,
      unmarked: 0,
    });
    expect(await s.pairs()).toEqual([]);
    await setAutoSync(ctx.db, s.storeId, s.ids.X!, false);
    const before = await ctx.db
      .selectFrom('products')
      .select('updatedAt')
      .where('id', '=', s.ids.X!)
      .execute();
    expect(await setAutoSync(ctx.db, s.storeId, s.ids.X!, false)).toEqual({
      updated: 0,
      marked: 0,
      unmarked: 0,
    });
    expect(
      await ctx.db.selectFrom('products').select('updatedAt').where('id', '=', s.ids.X!).execute(),
    ).toEqual(before);
  });

  it('respects listing overrides: off stays unmarked, and forces a re-push on a pair already pending', async () => {
    const s = await setup(['P1']);
    await s.listing('P1', 'A', 0);
    await s.listing('P1', 'B', 1);
    // The override on B already syncs the pair: a stock change marks it (not forced).
    await ctx.db.transaction().execute((trx) =>
      recordMovements(trx, {
        storeId: s.storeId,
        cause: { type: 'adjustment', ref: 'a' },
        movements: [{ productId: s.ids.P1!, locationId: s.locationId, bucket: 'on_hand', delta: 4 }],
      }),
    );
    expect(await s.pairs()).toEqual(['P1@B']);
    expect((await s.dirtyRows())[0]).toMatchObject({ force: 0, marks: 1 });
    const result = await bulkSetAutoSync(ctx.db, s.storeId, { ids: [s.ids.P1!] }, true);
    expect(result).toEqual({ updated: 1, marked: 1, unmarked: 0 });
    expect(await s.pairs()).toEqual(['P1@B']);
    expect((await s.dirtyRows())[0]).toMatchObject({ force: 1, marks: 2, lastCauseType: 'auto_sync' });
  });

  it('never marks paused or disconnected channels, nor the kits that contain the product', async () => {
    const s = await setup(['C1']);
    const kit = await createProduct(ctx.db, s.storeId, {
      sku: 'KIT',
      name: 'Kit',
      kind: 'kit',
      autoSync: true,
      components: [{ sku: 'C1', quantity: 1 }],
    });
    await ctx.db.deleteFrom('syncDirty').where('productId', '=', kit.id).execute();
    await s.listing('C1', 'P', 1);
    await s.listing('C1', 'D', 1);
    await setAutoSync(ctx.db, s.storeId, s.ids.C1!, true);
    expect(await s.pairs()).toEqual(['C1@A', 'C1@B']);
  });

  it('bulk by ids marks exactly the products whose flag changed', async () => {
    const s = await setup(['B1', 'B2', 'B3', 'B4'], { on: ['B2'] });
    const result = await bulkSetAutoSync(ctx.db, s.storeId, { ids: [s.ids.B1!, s.ids.B2!, s.ids.B3!] }, true);
    expect(result).toEqual({ updated: 2, marked: 4, unmarked: 0 });
    expect(await s.flags()).toEqual({ B1: true, B2: true, B3: true, B4: false });
    expect(await s.pairs()).toEqual(['B1@A', 'B1@B', 'B3@A', 'B3@B']);
  });

  it('bulk by filter acts on exactly the products the list shows for that filter', async () => {
    const s = await setup(['MUG-1', 'MUG-2', 'TEA-1', 'mug-3']);
    const other = await setup(['MUG-9']);
    await s.listing('MUG-2', 'A', null);
    const result = await bulkSetAutoSync(
      ctx.db,
      s.storeId,
      { filter: { q: 'MUG', channelId: s.channels.A } },
      true,
    );
    expect(result).toEqual({ updated: 1, marked: 2, unmarked: 0 });
    expect(await s.pairs()).toEqual(['MUG-2@A', 'MUG-2@B']);

    const all = await bulkSetAutoSync(ctx.db, s.storeId, { filter: { q: 'mug' } }, true);
    expect(all).toEqual({ updated: 2, marked: 4, unmarked: 0 });
    expect(await s.flags()).toEqual({ 'MUG-1': true, 'MUG-2': true, 'TEA-1': false, 'mug-3': true });
    expect(await other.flags()).toEqual({ 'MUG-9': false });
    expect(await other.pairs()).toEqual([]);

    expect(await bulkSetAutoSync(ctx.db, s.storeId, { filter: {} }, true)).toEqual({
      updated: 1,
      marked: 2,
      unmarked: 0,
    });
    expect(await other.flags()).toEqual({ 'MUG-9': false });
  });

  it('turning off removes pending pushes on every channel, except where a listing override keeps it on', async () => {
    const s = await setup(['O1', 'O2', 'O3'], { on: ['O1', 'O2', 'O3'] });
    await s.listing('O1', 'B', 1);
    await s.listing('O1', 'P', 1);
    const mark = (rows: { sku: string; channel: keyof typeof s.channels }[]) =>
      ctx.db
        .insertInto('syncDirty')
        .values(
          rows.map((r) => ({
            storeId: s.storeId,
            channelId: s.channels[r.channel],
            productId: s.ids[r.sku]!,
            seq: 1,
            firstMarkedAt: 1,
            lastCauseType: 'adjustment' as const,
            lastCauseRef: 'x',
            marks: 1,
            notBefore: 1,
            claimedBy: r.channel === 'A' ? 'worker-1' : null,
          })),
        )
        .execute();
    await mark([
      { sku: 'O1', channel: 'A' },
      { sku: 'O1', channel: 'B' },
      { sku: 'O1', channel: 'P' },
      { sku: 'O2', channel: 'A' },
      { sku: 'O2', channel: 'P' },
      { sku: 'O3', channel: 'A' },
    ]);
    const result = await bulkSetAutoSync(ctx.db, s.storeId, { ids: [s.ids.O1!, s.ids.O2!] }, false);
    expect(result).toEqual({ updated: 2, marked: 0, unmarked: 3 });
    expect(await s.flags()).toEqual({ O1: false, O2: false, O3: true });
    expect(await s.pairs()).toEqual(['O1@B', 'O1@P', 'O3@A']);
  });

  it('refuses ids of another store or unknown ids, writing nothing', async () => {
    const s = await setup(['N1', 'N2']);
    const other = await setup(['N9']);
    const error = await bulkSetAutoSync(ctx.db, s.storeId, { ids: [s.ids.N1!, other.ids.N9!] }, true).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as BallastError).issues[0]?.path).toEqual(['ids', 1]);
    await expect(setAutoSync(ctx.db, s.storeId, other.ids.N9!, true)).rejects.toMatchObject({
      code: 'not_found',
      issues: [{ path: ['productId'] }],
    });
    expect(await s.flags()).toEqual({ N1: false, N2: false });
    expect(await other.flags()).toEqual({ N9: false });
    expect(await s.pairs()).toEqual([]);
    expect(await other.pairs()).toEqual([]);
  });

  it('rejects malformed selections with field paths, writing nothing', async () => {
    const s = await setup(['V1']);
    const paths = async (run: () => Promise<unknown>) => {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as BallastError).issues.map((i) => i.path);
    };
    expect(
      await paths(() =>
        bulkSetAutoSync(ctx.db, s.storeId, { ids: [s.ids.V1!], filter: {} } as { ids: number[] }, true),
      ),
    ).toEqual([['ids']]);
    expect(await paths(() => bulkSetAutoSync(ctx.db, s.storeId, {} as { ids: number[] }, true))).toEqual([
      ['ids'],
    ]);
    expect(await paths(() => bulkSetAutoSync(ctx.db, s.storeId, { ids: [0] }, true))).toEqual([['ids', 0]]);
    expect(
      await paths(() => bulkSetAutoSync(ctx.db, s.storeId, { filter: { kind: 'x' as 'kit' } }, true)),
    ).toEqual([['filter', 'kind']]);
    // A typo must not widen the action to the whole store.
    expect(
      await paths(() =>
        bulkSetAutoSync(ctx.db, s.storeId, { filter: { sku: 'V1' } as unknown as ProductFilter }, true),
      ),
    ).toEqual([['filter']]);
    expect(
      await paths(() => bulkSetAutoSync(ctx.db, s.storeId, { filter: {} }, 'yes' as unknown as boolean)),
    ).toEqual([['enabled']]);
    expect(await paths(() => setAutoSync(ctx.db, s.storeId, Number.NaN, true))).toEqual([['productId']]);
    expect(await s.flags()).toEqual({ V1: false });
    expect(await s.pairs()).toEqual([]);
  });

  it('replays an idempotency key: the first result, and nothing written again', async () => {
    const s = await setup(['K1', 'K2']);
    const first = await bulkSetAutoSync(ctx.db, s.storeId, { filter: {} }, true, {
      idempotencyKey: 'bulk-1',
    });
    expect(first).toEqual({ updated: 2, marked: 4, unmarked: 0 });
    await setAutoSync(ctx.db, s.storeId, s.ids.K1!, false);
    const replay = await bulkSetAutoSync(ctx.db, s.storeId, { filter: {} }, true, {
      idempotencyKey: 'bulk-1',
    });
    expect(replay).toEqual(first);
    expect(await s.flags()).toEqual({ K1: false, K2: true });
    expect(await s.pairs()).toEqual(['K2@A', 'K2@B']);
    await expect(
      bulkSetAutoSync(ctx.db, s.storeId, { filter: {} }, false, { idempotencyKey: 'bulk-1' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('turns on twice in one transaction (the selection table is emptied and reused)', async () => {
    const s = await setup(['T1', 'T2']);
    const cause = { type: 'auto_sync' as const, ref: 'test' };
    await ctx.db.transaction().execute(async (trx) => {
      expect(await turnAutoSyncOn(trx, s.storeId, { ids: [s.ids.T1!] }, cause)).toEqual({
        updated: 1,
        marked: 2,
        unmarked: 0,
      });
      expect(await turnAutoSyncOn(trx, s.storeId, { ids: [s.ids.T2!] }, cause)).toEqual({
        updated: 1,
        marked: 2,
        unmarked: 0,
      });
    });
    expect(await s.pairs()).toEqual(['T1@A', 'T1@B', 'T2@A', 'T2@B']);
  });
});
