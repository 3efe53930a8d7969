import { expect, it } from 'vitest';
import {
  createChannel,
  createProduct,
  createStore,
  getListing,
  InvalidStateError,
  listListings,
  NotFoundError,
  recordChannelQuantity,
  setListingAutoSync,
  updateChannel,
  upsertListings,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';
import { clearDirty } from './support/stock-fixtures.ts';

describeEachDialect('listings', (ctx) => {
  let n = 0;
  async function setup() {
    const store = await createStore(ctx.db, { name: `S${++n}` });
    const on = await createProduct(ctx.db, store.id, { sku: 'ON', name: 'On', autoSync: true });
    const off = await createProduct(ctx.db, store.id, { sku: 'OFF', name: 'Off' });
    const a = await createChannel(ctx.db, store.id, { connectorId: 'a', name: 'A' });
    const b = await createChannel(ctx.db, store.id, { connectorId: 'b', name: 'B' });
    await clearDirty(ctx.db, store.id);
    return { store, on: on.id, off: off.id, a: a.id, b: b.id };
  }
  const dirty = (storeId: number) =>
    ctx.db
      .selectFrom('syncDirty')
      .select(['channelId', 'productId', 'lastCauseType'])
      .where('storeId', '=', storeId)
      .orderBy('channelId')
      .orderBy('productId')
      .execute();
  const forced = async (storeId: number) =>
    (await ctx.db.selectFrom('syncDirty').select('force').where('storeId', '=', storeId).execute()).map(
      (r) => r.force === 1,
    );
  const listingRows = (storeId: number) =>
    ctx.db.selectFrom('listings').selectAll().where('storeId', '=', storeId).orderBy('id').execute();

  it('links items by SKU, reports unknown and ambiguous SKUs, and marks new links dirty', async () => {
    const { store, on, off, a } = await setup();
    const result = await upsertListings(ctx.db, store.id, a, [
      { sku: 'ON', channelRef: { inventoryItemId: '11', locationId: 'L' }, quantity: 4 },
      { sku: 'OFF', channelRef: '22' },
      { sku: 'OFF', channelRef: '22' },
      { sku: 'NOPE', channelRef: '33' },
      { sku: 'TWICE', channelRef: '44' },
      { sku: 'TWICE', channelRef: '45' },
    ]);
    expect(result.unknownSkus).toEqual(['NOPE']);
    expect(result.duplicateSkus).toEqual(['TWICE']);
    expect(result.matched.map((m) => [m.sku, m.productId, m.created])).toEqual([
      ['ON', on, true],
      ['OFF', off, true],
    ]);
    const listings = await listListings(ctx.db, store.id, { channelId: a });
    expect(listings).toHaveLength(2);
    expect(listings[0]).toMatchObject({
      id: result.matched[0]!.listingId,
      productId: on,
      sku: 'ON',
      channelRef: { inventoryItemId: '11', locationId: 'L' },
      autoSyncOverride: null,
      autoSync: true,
      channelQuantity: 4,
      lastPushedQuantity: null,
    });
    expect(listings[1]).toMatchObject({ channelRef: '22', autoSync: false, channelQuantity: null });
    // Keyset pages: after an id, at most `limit`.
    const [first, second] = listings.map((l) => l.id);
    expect((await listListings(ctx.db, store.id, { channelId: a, limit: 1 })).map((l) => l.id)).toEqual([
      first,
    ]);
    expect(
      (await listListings(ctx.db, store.id, { channelId: a, afterId: first! })).map((l) => l.id),
    ).toEqual([second]);
    expect(await listListings(ctx.db, store.id, { channelId: a, afterId: second! })).toEqual([]);
    // Only the auto-synced product is pushed to its new item.
    expect(await dirty(store.id)).toEqual([{ channelId: a, productId: on, lastCauseType: 'resync' }]);
  });

  it('updates an existing link in place and re-marks it only when the item changed', async () => {
    const { store, on, a } = await setup();
    const first = await upsertListings(ctx.db, store.id, a, [
      { sku: 'ON', channelRef: { id: '1' }, quantity: 3 },
    ]);
    await clearDirty(ctx.db, store.id);
    const same = await upsertListings(ctx.db, store.id, a, [{ sku: 'ON', channelRef: { id: '1' } }]);
    expect(same.matched[0]).toMatchObject({ listingId: first.matched[0]!.listingId, created: false });
    expect(await dirty(store.id)).toEqual([]);
    // A lookup without a quantity keeps what the channel said before.
    expect((await getListing(ctx.db, store.id, first.matched[0]!.listingId)).channelQuantity).toBe(3);

    await upsertListings(ctx.db, store.id, a, [{ sku: 'ON', channelRef: { id: '2' } }]);
    expect(await dirty(store.id)).toEqual([{ channelId: a, productId: on, lastCauseType: 'resync' }]);
    expect((await listListings(ctx.db, store.id, { productId: on }))[0]?.channelRef).toEqual({ id: '2' });
    expect(await listingRows(store.id)).toHaveLength(1);
  });

  it('links without marking when asked to (the sync engine links the pairs it is already pushing)', async () => {
    const { store, on, a } = await setup();
    const { matched } = await upsertListings(ctx.db, store.id, a, [{ sku: 'ON', channelRef: 'a-on' }], {
      markPairs: false,
    });
    expect(matched).toEqual([expect.objectContaining({ productId: on, created: true })]);
    expect(await dirty(store.id)).toEqual([]);
  });

  it('filters by channel and product', async () => {
    const { store, on, off, a, b } = await setup();
    await upsertListings(ctx.db, store.id, a, [
      { sku: 'ON', channelRef: 'a-on' },
      { sku: 'OFF', channelRef: 'a-off' },
    ]);
    await upsertListings(ctx.db, store.id, b, [{ sku: 'ON', channelRef: 'b-on' }]);
    expect((await listListings(ctx.db, store.id)).map((l) => l.channelRef)).toEqual([
      'a-on',
      'a-off',
      'b-on',
    ]);
    expect((await listListings(ctx.db, store.id, { productId: on })).map((l) => l.channelId)).toEqual([a, b]);
    expect((await listListings(ctx.db, store.id, { channelId: b, productId: off })).length).toBe(0);
    const other = await createStore(ctx.db, { name: `other-${n}` });
    expect(await listListings(ctx.db, other.id, { channelId: a })).toEqual([]);
  });

  it('refuses bad input, another store’s channel and a disconnected channel, writing nothing', async () => {
    const { store, a } = await setup();
    const other = await createStore(ctx.db, { name: `other2-${n}` });
    const theirs = await createChannel(ctx.db, other.id, { connectorId: 'x', name: 'X' });
    const bad = await upsertListings(ctx.db, store.id, a, [
      { sku: 'ON', channelRef: 'ok' },
      { sku: 'OFF', channelRef: '' },
    ]).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).issues.map((i) => i.path)).toContainEqual(['items', 1, 'channelRef']);
    await expect(
      upsertListings(ctx.db, store.id, a, [{ sku: 'ON', channelRef: 'x', quantity: 1.5 }]),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      upsertListings(ctx.db, store.id, theirs.id, [{ sku: 'ON', channelRef: 'x' }]),
    ).rejects.toBeInstanceOf(NotFoundError);
    await updateChannel(ctx.db, store.id, a, { status: 'disconnected' });
    await expect(
      upsertListings(ctx.db, store.id, a, [{ sku: 'ON', channelRef: 'x' }]),
    ).rejects.toBeInstanceOf(InvalidStateError);
    expect(await listingRows(store.id)).toEqual([]);
    expect(await dirty(store.id)).toEqual([]);
  });

  it('overrides Auto Sync per listing and marks the pair, forced, when it turns on', async () => {
    const { store, on, off, a } = await setup();
    const { matched } = await upsertListings(ctx.db, store.id, a, [
      { sku: 'ON', channelRef: '1' },
      { sku: 'OFF', channelRef: '2' },
    ]);
    const [onListing, offListing] = matched.map((m) => m.listingId) as [number, number];
    await clearDirty(ctx.db, store.id);

    const turnedOn = await setListingAutoSync(ctx.db, store.id, offListing, true);
    expect(turnedOn).toMatchObject({
      autoSyncOverride: true,
      autoSync: true,
      productAutoSync: false,
      sku: 'OFF',
      productName: 'Off',
    });
    expect(await dirty(store.id)).toEqual([{ channelId: a, productId: off, lastCauseType: 'auto_sync' }]);
    // Forced like the product's own switch: the channel is overwritten even if it seems to show the value.
    expect(await forced(store.id)).toEqual([true]);
    await clearDirty(ctx.db, store.id);

    // Off, or back to following a product that is on anyway, pushes nothing new.
    expect(await setListingAutoSync(ctx.db, store.id, onListing, false)).toMatchObject({
      autoSyncOverride: false,
      autoSync: false,
    });
    expect(await dirty(store.id)).toEqual([]);
    // Back to following the product (on): the effective flag turns on again, only on channel A.
    expect(await setListingAutoSync(ctx.db, store.id, onListing, null)).toMatchObject({
      autoSyncOverride: null,
      autoSync: true,
    });
    expect(await dirty(store.id)).toEqual([{ channelId: a, productId: on, lastCauseType: 'auto_sync' }]);

    const other = await createStore(ctx.db, { name: `other3-${n}` });
    await expect(setListingAutoSync(ctx.db, other.id, onListing, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      setListingAutoSync(ctx.db, store.id, onListing, 'yes' as unknown as boolean),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await getListing(ctx.db, store.id, onListing)).autoSyncOverride).toBeNull();
  });

  it('drops the pair’s pending push when its Auto Sync turns off, and only that pair’s', async () => {
    const { store, on, a, b } = await setup();
    const onA = (await upsertListings(ctx.db, store.id, a, [{ sku: 'ON', channelRef: '1' }])).matched[0]!;
    await upsertListings(ctx.db, store.id, b, [{ sku: 'ON', channelRef: '1' }]);
    // Both pairs are owed a push (the new links marked them).
    expect(await dirty(store.id)).toHaveLength(2);

    await setListingAutoSync(ctx.db, store.id, onA.listingId, false);
    expect(await dirty(store.id)).toEqual([{ channelId: b, productId: on, lastCauseType: 'resync' }]);
    // Always on where the product is on changes no effective flag: nothing marked, nothing dropped.
    await setListingAutoSync(ctx.db, store.id, onA.listingId, true);
    await clearDirty(ctx.db, store.id);
    await setListingAutoSync(ctx.db, store.id, onA.listingId, null);
    expect(await dirty(store.id)).toEqual([]);
  });

  it('finds the listing only on the channel it is asked for, naming listingId, and writes nothing else', async () => {
    const { store, a, b } = await setup();
    const { matched } = await upsertListings(ctx.db, store.id, a, [{ sku: 'OFF', channelRef: '1' }]);
    const listingId = matched[0]!.listingId;
    const other = await createStore(ctx.db, { name: `other4-${n}` });
    const theirs = await createChannel(ctx.db, other.id, { connectorId: 'x', name: 'X' });
    for (const [storeId, channelId] of [
      [store.id, b],
      [store.id, 987_654],
      [other.id, a],
      [other.id, theirs.id],
    ] as const) {
      const error = await setListingAutoSync(ctx.db, storeId, listingId, true, { channelId }).catch(
        (e: unknown) => e,
      );
      expect(error, `store ${storeId} channel ${channelId}`).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).issues.map((i) => i.path)).toEqual([['listingId']]);
    }
    const badChannel = await setListingAutoSync(ctx.db, store.id, listingId, true, { channelId: 0 }).catch(
      (e: unknown) => e,
    );
    expect((badChannel as ValidationError).issues.map((i) => i.path)).toEqual([['channelId']]);
    expect(await listingRows(store.id)).toEqual([expect.objectContaining({ autoSyncOverride: null })]);
    expect(await dirty(store.id)).toEqual([]);

    expect(await setListingAutoSync(ctx.db, store.id, listingId, true, { channelId: a })).toMatchObject({
      id: listingId,
      channelId: a,
      autoSyncOverride: true,
    });
  });

  it('replays the same idempotency key without acting twice', async () => {
    const { store, a } = await setup();
    const { matched } = await upsertListings(ctx.db, store.id, a, [{ sku: 'OFF', channelRef: '1' }]);
    const listingId = matched[0]!.listingId;
    const options = { channelId: a, idempotencyKey: `override-${n}` };
    const first = await setListingAutoSync(ctx.db, store.id, listingId, true, options);
    await clearDirty(ctx.db, store.id);
    await ctx.db
      .updateTable('listings')
      .set({ autoSyncOverride: null })
      .where('id', '=', listingId)
      .execute();
    expect(await setListingAutoSync(ctx.db, store.id, listingId, true, options)).toEqual(first);
    expect((await getListing(ctx.db, store.id, listingId)).autoSyncOverride).toBeNull();
    expect(await dirty(store.id)).toEqual([]);
  });

  it('records what the channel reported, ignoring reports older than the stored one', async () => {
    const { store, a } = await setup();
    const { matched } = await upsertListings(ctx.db, store.id, a, [{ sku: 'ON', channelRef: '1' }]);
    const id = matched[0]!.listingId;
    expect(await recordChannelQuantity(ctx.db, id, 7, 2_000)).toBe(true);
    expect(await recordChannelQuantity(ctx.db, id, 9, 1_000)).toBe(false);
    expect(await getListing(ctx.db, store.id, id)).toMatchObject({
      channelQuantity: 7,
      channelQuantityAt: 2_000,
    });
    // Channels may report negative stock; that is what they show.
    expect(await recordChannelQuantity(ctx.db, id, -2, 3_000)).toBe(true);
    expect(await getListing(ctx.db, store.id, id)).toMatchObject({
      channelQuantity: -2,
      channelQuantityAt: 3_000,
    });
    await expect(recordChannelQuantity(ctx.db, 987_654, 1, 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordChannelQuantity(ctx.db, id, 1.5, 4_000)).rejects.toBeInstanceOf(ValidationError);
    expect((await getListing(ctx.db, store.id, id)).channelQuantity).toBe(-2);
  });
});
