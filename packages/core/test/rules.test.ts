import { expect, it } from 'vitest';
import {
  clearRule,
  createChannel,
  createProduct,
  createStore,
  listRules,
  NotFoundError,
  type RuleInput,
  setRule,
  upsertListings,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

describeEachDialect('sync rules', (ctx) => {
  let n = 0;
  async function setup() {
    const store = await createStore(ctx.db, { name: `S${++n}` });
    const p1 = (await createProduct(ctx.db, store.id, { sku: 'P1', name: 'P1', autoSync: true })).id;
    const p2 = (await createProduct(ctx.db, store.id, { sku: 'P2', name: 'P2', autoSync: true })).id;
    const p3 = (await createProduct(ctx.db, store.id, { sku: 'P3', name: 'P3' })).id;
    const kit = (
      await createProduct(ctx.db, store.id, {
        sku: 'KIT',
        name: 'Kit',
        kind: 'kit',
        autoSync: true,
        components: [{ sku: 'P1', quantity: 2 }],
      })
    ).id;
    const a = (await createChannel(ctx.db, store.id, { connectorId: 'a', name: 'A' })).id;
    const b = (await createChannel(ctx.db, store.id, { connectorId: 'b', name: 'B' })).id;
    const paused = (await createChannel(ctx.db, store.id, { connectorId: 'c', name: 'Paused' })).id;
    await ctx.db.updateTable('channels').set({ status: 'paused' }).where('id', '=', paused).execute();
    const { matched } = await upsertListings(ctx.db, store.id, a, [{ sku: 'P2', channelRef: 'x' }]);
    await clearDirty(store.id);
    return { store, p1, p2, p3, kit, a, b, listing: matched[0]!.listingId };
  }
  const pairs = async (storeId: number) =>
    (
      await ctx.db
        .selectFrom('syncDirty')
        .select(['channelId', 'productId', 'lastCauseRef'])
        .where('storeId', '=', storeId)
        .orderBy('channelId')
        .orderBy('productId')
        .execute()
    ).map((r) => [r.channelId, r.productId]);
  const clearDirty = (storeId: number) =>
    ctx.db.deleteFrom('syncDirty').where('storeId', '=', storeId).execute();

  it('creates, replaces and lists rules; omitted fields are stored as null', async () => {
    const { store, a } = await setup();
    const rule = await setRule(ctx.db, store.id, { scope: 'channel', scopeId: a, buffer: 2, percent: 80 });
    expect(rule).toMatchObject({
      scope: 'channel',
      scopeId: a,
      buffer: 2,
      percent: 80,
      maxQuantity: null,
      endWhen: null,
    });
    const replaced = await setRule(ctx.db, store.id, { scope: 'channel', scopeId: a, maxQuantity: 10 });
    expect(replaced).toMatchObject({ id: rule.id, buffer: null, percent: null, maxQuantity: 10 });
    await setRule(ctx.db, store.id, { scope: 'store', scopeId: store.id, endWhen: 1 });
    expect((await listRules(ctx.db, store.id)).map((r) => [r.scope, r.scopeId])).toEqual([
      ['channel', a],
      ['store', store.id],
    ]);
    expect(await listRules(ctx.db, store.id, { scope: 'store' })).toHaveLength(1);
  });

  it('refuses out-of-range knobs and ids outside the store with field paths, writing nothing', async () => {
    const { store, p1 } = await setup();
    const other = await createStore(ctx.db, { name: `other-${n}` });
    const theirs = (await createProduct(ctx.db, other.id, { sku: 'T', name: 'T' })).id;
    const invalid: [RuleInput, string][] = [
      [{ scope: 'product', scopeId: p1, buffer: -1 }, 'buffer'],
      [{ scope: 'product', scopeId: p1, percent: 101 }, 'percent'],
      [{ scope: 'product', scopeId: p1, percent: -1 }, 'percent'],
      [{ scope: 'product', scopeId: p1, percent: 50.5 }, 'percent'],
      [{ scope: 'product', scopeId: p1, maxQuantity: -3 }, 'maxQuantity'],
      [{ scope: 'product', scopeId: p1, endWhen: -1 }, 'endWhen'],
      [{ scope: 'nope' as 'store', scopeId: p1 }, 'scope'],
      [{ scope: 'product', scopeId: 0 }, 'scopeId'],
    ];
    for (const [input, field] of invalid) {
      const error = await setRule(ctx.db, store.id, input).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path)).toContainEqual([field]);
    }
    const missing: RuleInput[] = [
      { scope: 'store', scopeId: other.id },
      { scope: 'product', scopeId: theirs },
      { scope: 'channel', scopeId: 987_654 },
      { scope: 'listing', scopeId: 987_654 },
    ];
    for (const input of missing) {
      const error = await setRule(ctx.db, store.id, { ...input, buffer: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).issues[0]?.path).toEqual(['scopeId']);
    }
    await expect(clearRule(ctx.db, store.id, { scope: 'product', scopeId: theirs })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await listRules(ctx.db, store.id)).toEqual([]);
    expect(await pairs(store.id)).toEqual([]);
  });

  it('a store rule marks every auto-synced product on every active channel', async () => {
    const { store, p1, p2, kit, a, b } = await setup();
    await setRule(ctx.db, store.id, { scope: 'store', scopeId: store.id, buffer: 1 });
    expect(await pairs(store.id)).toEqual([
      [a, p1],
      [a, p2],
      [a, kit],
      [b, p1],
      [b, p2],
      [b, kit],
    ]);
  });

  it('a channel rule marks only that channel', async () => {
    const { store, p1, p2, kit, a } = await setup();
    await setRule(ctx.db, store.id, { scope: 'channel', scopeId: a, percent: 50 });
    expect(await pairs(store.id)).toEqual([
      [a, p1],
      [a, p2],
      [a, kit],
    ]);
  });

  it('a product rule marks that product on every channel, not the kits that contain it', async () => {
    const { store, p1, a, b } = await setup();
    await setRule(ctx.db, store.id, { scope: 'product', scopeId: p1, maxQuantity: 5 });
    expect(await pairs(store.id)).toEqual([
      [a, p1],
      [b, p1],
    ]);
  });

  it('a listing rule marks just that pair; clearing it marks it again', async () => {
    const { store, p2, a, listing } = await setup();
    await setRule(ctx.db, store.id, { scope: 'listing', scopeId: listing, endWhen: 3 });
    expect(await pairs(store.id)).toEqual([[a, p2]]);
    await clearDirty(store.id);
    expect(await clearRule(ctx.db, store.id, { scope: 'listing', scopeId: listing })).toEqual({
      cleared: true,
    });
    expect(await pairs(store.id)).toEqual([[a, p2]]);
    await clearDirty(store.id);
    expect(await clearRule(ctx.db, store.id, { scope: 'listing', scopeId: listing })).toEqual({
      cleared: false,
    });
    expect(await pairs(store.id)).toEqual([]);
    expect(await listRules(ctx.db, store.id)).toEqual([]);
  });

  it('a product without Auto Sync is never marked', async () => {
    const { store, p3 } = await setup();
    await setRule(ctx.db, store.id, { scope: 'product', scopeId: p3, buffer: 1 });
    expect(await pairs(store.id)).toEqual([]);
    expect(await listRules(ctx.db, store.id, { scope: 'product', scopeId: p3 })).toHaveLength(1);
  });

  it('replays an idempotency key without writing again', async () => {
    const { store, p1 } = await setup();
    const first = await setRule(
      ctx.db,
      store.id,
      { scope: 'product', scopeId: p1, buffer: 1 },
      { idempotencyKey: 'r1' },
    );
    await clearDirty(store.id);
    const again = await setRule(
      ctx.db,
      store.id,
      { scope: 'product', scopeId: p1, buffer: 1 },
      { idempotencyKey: 'r1' },
    );
    expect(again).toEqual(first);
    expect(await pairs(store.id)).toEqual([]);
  });
});
