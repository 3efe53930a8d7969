import type { KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import {
  clearRule,
  computeSyncableBalances,
  createChannel,
  createLocation,
  createProduct,
  createStore,
  getProductBalance,
  NotFoundError,
  type ProductKind,
  recordMovements,
  type SyncableBalance,
  setAutoSync,
  setListingAutoSync,
  setRule,
  upsertListings,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

describeEachDialect('balances', (ctx) => {
  let n = 0;
  /** A store with two locations and three channels: all locations, main only, second only. */
  async function setup(allowNegative = false) {
    const store = await createStore(ctx.db, { name: `S${++n}`, allowNegative });
    const main = store.defaultLocationId;
    const second = (await createLocation(ctx.db, store.id, { name: 'Second' })).id;
    const all = (await createChannel(ctx.db, store.id, { connectorId: 'a', name: 'All' })).id;
    const mainOnly = (
      await createChannel(ctx.db, store.id, { connectorId: 'm', name: 'Main', locationIds: [main] })
    ).id;
    const secondOnly = (
      await createChannel(ctx.db, store.id, { connectorId: 's', name: 'Second', locationIds: [second] })
    ).id;
    const product = async (sku: string, kind: ProductKind = 'simple', components: [string, number][] = []) =>
      (
        await createProduct(ctx.db, store.id, {
          sku,
          name: sku,
          kind,
          components: components.map(([c, quantity]) => ({ sku: c, quantity })),
        })
      ).id;
    const stock = (productId: number, locationId: number, onHand: number, committed = 0) =>
      ctx.db.transaction().execute((trx) =>
        recordMovements(trx, {
          storeId: store.id,
          cause: { type: 'adjustment', ref: 'test' },
          movements: [
            { productId, locationId, bucket: 'on_hand', delta: onHand },
            { productId, locationId, bucket: 'committed', delta: committed },
          ],
        }),
      );
    const syncable = async (channelId: number, productId: number) =>
      (await computeSyncableBalances(ctx.db, store.id, channelId, [productId])).get(productId)!;
    return { store, main, second, all, mainOnly, secondOnly, product, stock, syncable };
  }

  it('counts only the channel’s locations: available = on hand − committed summed over them', async () => {
    const { store, main, second, all, mainOnly, secondOnly, product, stock, syncable } = await setup();
    const a = await product('A');
    await stock(a, main, 10, 1);
    await stock(a, second, 5, 2);
    expect((await syncable(all, a)).explanation.inputs).toEqual({
      onHand: 15,
      committed: 3,
      available: 12,
      locations: [main, second],
    });
    expect(await syncable(mainOnly, a)).toMatchObject({
      quantity: 9,
      explanation: { inputs: { onHand: 10, committed: 1, available: 9, locations: [main] } },
    });
    expect((await syncable(secondOnly, a)).quantity).toBe(3);

    const balance = await getProductBalance(ctx.db, store.id, a);
    expect(balance).toMatchObject({
      sku: 'A',
      kind: 'simple',
      onHand: 15,
      committed: 3,
      incoming: 0,
      available: 12,
    });
    expect(balance.perLocation).toEqual([
      { locationId: main, name: expect.any(String), onHand: 10, committed: 1, incoming: 0, available: 9 },
      { locationId: second, name: 'Second', onHand: 5, committed: 2, incoming: 0, available: 3 },
    ]);
    expect(balance.channels.map((c) => [c.channelId, c.syncable.quantity])).toEqual([
      [all, 12],
      [mainOnly, 9],
      [secondOnly, 3],
    ]);
  });

  it('computes kits nested two deep from each channel’s own locations', async () => {
    const { store, main, second, all, mainOnly, secondOnly, product, stock, syncable } = await setup();
    const c1 = await product('C1');
    const c2 = await product('C2');
    const c3 = await product('C3');
    await stock(c1, main, 10);
    await stock(c1, second, 4);
    await stock(c2, main, 3);
    await stock(c2, second, 9);
    await stock(c3, main, 12);
    const inner = await product('K1', 'kit', [
      ['C1', 2],
      ['C2', 1],
    ]);
    const outer = await product('K2', 'kit', [
      ['K1', 1],
      ['C3', 3],
    ]);
    // all: C1 14/2 = 7, C2 12 -> K1 7; C3 12/3 = 4 -> K2 4.
    // main: C1 10/2 = 5, C2 3 -> K1 3; C3 12/3 = 4 -> K2 3.
    // second: C1 4/2 = 2, C2 9 -> K1 2; C3 0 -> K2 0.
    expect((await syncable(all, outer)).quantity).toBe(4);
    expect((await syncable(secondOnly, outer)).quantity).toBe(0);
    const onMain = await syncable(mainOnly, outer);
    expect(onMain.quantity).toBe(3);
    expect(onMain.explanation.inputs).toEqual({
      onHand: null,
      committed: null,
      available: 3,
      locations: [main],
      components: [
        { productId: c3, sku: 'C3', available: 12, perKit: 3, yields: 4 },
        { productId: inner, sku: 'K1', available: 3, perKit: 1, yields: 3 },
      ],
    });
    expect(onMain.explanation.steps[0]).toBe(
      'kit available = min(C3: floor(12 / 3) = 4, K1: floor(3 / 1) = 3) = 3',
    );

    // A rule on a component changes the component's syncable, never the kit's: kits use raw available.
    await setRule(ctx.db, store.id, { scope: 'product', scopeId: c1, buffer: 100 });
    expect((await syncable(mainOnly, c1)).quantity).toBe(0);
    expect((await syncable(mainOnly, inner)).quantity).toBe(3);

    const balance = await getProductBalance(ctx.db, store.id, outer);
    expect(balance).toMatchObject({
      kind: 'kit',
      onHand: null,
      committed: null,
      incoming: null,
      available: 4,
    });
    expect(balance.perLocation.map((l) => [l.locationId, l.available, l.onHand])).toEqual([
      [main, 3, null],
      [second, 0, null],
    ]);
  });

  it('applies the most specific rule: listing > product > channel > store', async () => {
    const { store, main, all, mainOnly, product, stock, syncable } = await setup();
    const p = await product('P');
    await stock(p, main, 20);
    const { matched } = await upsertListings(ctx.db, store.id, all, [{ sku: 'P', channelRef: 'p' }]);
    const listing = matched[0]!.listingId;
    const expectRule = async (source: string, quantity: number) => {
      const result = await syncable(all, p);
      expect(result.explanation.rule.source).toBe(source);
      expect(result.quantity).toBe(quantity);
    };

    await expectRule('none', 20);
    const storeRule = await setRule(ctx.db, store.id, { scope: 'store', scopeId: store.id, buffer: 1 });
    await expectRule('store', 19);
    await setRule(ctx.db, store.id, { scope: 'channel', scopeId: all, percent: 50 });
    // The channel rule wins as a whole: the store's buffer no longer applies.
    await expectRule('channel', 10);
    await setRule(ctx.db, store.id, { scope: 'product', scopeId: p, maxQuantity: 7 });
    await expectRule('product', 7);
    const listingRule = await setRule(ctx.db, store.id, { scope: 'listing', scopeId: listing, endWhen: 25 });
    await expectRule('listing', 0);
    expect((await syncable(all, p)).explanation.rule).toEqual({
      source: 'listing',
      id: listingRule.id,
      buffer: 0,
      percent: 100,
      maxQuantity: null,
      endWhen: 25,
    });
    // Other channels have no listing rule and no channel rule: the product rule governs them.
    expect((await syncable(mainOnly, p)).explanation.rule).toMatchObject({
      source: 'product',
      maxQuantity: 7,
    });
    await clearRule(ctx.db, store.id, { scope: 'listing', scopeId: listing });
    await clearRule(ctx.db, store.id, { scope: 'product', scopeId: p });
    await expectRule('channel', 10);
    expect((await syncable(mainOnly, p)).explanation.rule).toMatchObject({
      source: 'store',
      id: storeRule.id,
    });
  });

  it('reports a kit without components (and any kit containing it) as unknown, never 0', async () => {
    const { store, main, all, product, stock, syncable } = await setup();
    const c = await product('C');
    await stock(c, main, 5);
    const empty = await product('EMPTY', 'kit', [['C', 1]]);
    const outer = await product('OUTER', 'kit', [
      ['EMPTY', 1],
      ['C', 1],
    ]);
    // Writes refuse a kit without components; such a kit can still arrive through imports or old data.
    await ctx.db.deleteFrom('productComponents').where('parentId', '=', empty).execute();

    const result = await syncable(all, empty);
    expect(result).toMatchObject({ quantity: null, unknownReason: 'kit EMPTY has no components' });
    expect(result.explanation.inputs.available).toBeNull();
    expect(result.explanation.steps).toEqual(['unknown: kit EMPTY has no components → push held']);

    const containing = await syncable(all, outer);
    expect(containing.quantity).toBeNull();
    expect(containing.unknownReason).toBe(
      'component EMPTY of kit OUTER is unknown: kit EMPTY has no components',
    );
    expect(containing.explanation.inputs.components).toEqual([
      { productId: c, sku: 'C', available: 5, perKit: 1, yields: 5 },
      { productId: empty, sku: 'EMPTY', available: null, perKit: 1, yields: null },
    ]);
    const balance = await getProductBalance(ctx.db, store.id, outer);
    expect(balance.available).toBeNull();
    expect(balance.channels[0]?.syncable.quantity).toBeNull();
  });

  it('floors negative available at 0, and a kit of an oversold component too', async () => {
    const { store, main, second, all, product, stock, syncable } = await setup(true);
    const p = await product('NEG');
    await stock(p, main, -3);
    await stock(p, second, 2, 4);
    await setRule(ctx.db, store.id, { scope: 'store', scopeId: store.id, percent: 50, buffer: 1 });
    const result = await syncable(all, p);
    expect(result.quantity).toBe(0);
    expect(result.explanation.inputs).toMatchObject({ onHand: -1, committed: 4, available: -5 });
    expect(result.explanation.steps).toEqual([
      'available -5',
      'floor(-5 × 50%) = -3',
      '-3 − buffer 1 = -4',
      'floor at 0 → 0',
    ]);
    const kit = await product('NEGKIT', 'kit', [['NEG', 2]]);
    const kitResult = await syncable(all, kit);
    expect(kitResult.explanation.inputs.components?.[0]).toMatchObject({ available: -5, yields: -3 });
    expect(kitResult.quantity).toBe(0);
  });

  it('returns a plain JSON explanation that survives a round trip', async () => {
    const { store, main, all, product, stock } = await setup();
    const c = await product('J1');
    await stock(c, main, 8, 1);
    const kit = await product('JK', 'kit', [['J1', 2]]);
    const result = await computeSyncableBalances(ctx.db, store.id, all, [c, kit]);
    expect(result.size).toBe(2);
    for (const balance of result.values()) {
      expect(JSON.parse(JSON.stringify(balance)) as SyncableBalance).toEqual(balance);
    }
  });

  it('says per channel whether the product is pushed there: the listing’s override, else the product’s flag', async () => {
    const { store, all, mainOnly, secondOnly, product } = await setup();
    const a = await product('FLAGS');
    const [onAll, offMain] = (
      await Promise.all(
        [all, mainOnly].map((channel) =>
          upsertListings(ctx.db, store.id, channel, [{ sku: 'FLAGS', channelRef: 'x' }]),
        ),
      )
    ).map((r) => r.matched[0]!.listingId) as [number, number];
    await setListingAutoSync(ctx.db, store.id, onAll, true);
    await setListingAutoSync(ctx.db, store.id, offMain, false);
    const flags = async () =>
      (await getProductBalance(ctx.db, store.id, a)).channels.map((c) => [
        c.channelId,
        c.listingId,
        c.autoSyncOverride,
        c.autoSync,
      ]);
    // The product's own flag is off; Second has no listing, so it follows the product.
    expect(await flags()).toEqual([
      [all, onAll, true, true],
      [mainOnly, offMain, false, false],
      [secondOnly, null, null, false],
    ]);
    await setAutoSync(ctx.db, store.id, a, true);
    expect(await flags()).toEqual([
      [all, onAll, true, true],
      [mainOnly, offMain, false, false],
      [secondOnly, null, null, true],
    ]);
  });

  it('omits products that are not the store’s, and refuses another store’s channel', async () => {
    const { store, main, all, product, stock } = await setup();
    const a = await product('MINE');
    await stock(a, main, 2);
    const other = await createStore(ctx.db, { name: `other-${n}` });
    const theirs = (await createProduct(ctx.db, other.id, { sku: 'THEIRS', name: 'T' })).id;
    const theirChannel = (await createChannel(ctx.db, other.id, { connectorId: 'x', name: 'X' })).id;
    const result = await computeSyncableBalances(ctx.db, store.id, all, [a, theirs, a, 987_654]);
    expect([...result.keys()]).toEqual([a]);
    await expect(computeSyncableBalances(ctx.db, store.id, theirChannel, [a])).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getProductBalance(ctx.db, store.id, theirs)).rejects.toBeInstanceOf(NotFoundError);
    await expect(computeSyncableBalances(ctx.db, store.id, all, [a, -1])).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await computeSyncableBalances(ctx.db, store.id, all, [])).size).toBe(0);
  });

  it('runs the same number of queries for 3 products as for 60 (set-based, no per-product loop)', async () => {
    const { store, main, second, mainOnly, product, stock } = await setup();
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      const id = await product(`BULK-${i}`);
      await stock(id, i % 2 ? main : second, i);
      ids.push(id);
    }
    const kits: number[] = [];
    for (let i = 0; i < 10; i++) kits.push(await product(`BK-${i}`, 'kit', [[`BULK-${i}`, 1]]));
    for (const id of ids.slice(0, 30))
      await setRule(ctx.db, store.id, { scope: 'product', scopeId: id, buffer: 1 });

    const count = async (channelId: number, productIds: number[]) => {
      let queries = 0;
      // Counted as they run: prepared statements skip the query builder (and transformQuery) once compiled.
      const counter: KyselyPlugin = {
        transformQuery: (args) => args.node,
        transformResult: async (args) => {
          queries++;
          return args.result;
        },
      };
      const result = await computeSyncableBalances(
        ctx.db.withPlugin(counter),
        store.id,
        channelId,
        productIds,
      );
      return { queries, size: result.size };
    };
    const few = await count(mainOnly, [ids[0]!, ids[1]!, kits[0]!]);
    const many = await count(mainOnly, [...ids, ...kits]);
    expect(few.size).toBe(3);
    expect(many.size).toBe(70);
    expect(many.queries).toBe(few.queries);
    expect(many.queries).toBeLessThanOrEqual(7);
  });
});
