import { expect, it } from 'vitest';
import {
  createChannel,
  createLocation,
  createProduct,
  createStore,
  getChannel,
  listChannels,
  NotFoundError,
  setChannelLocations,
  setListingAutoSync,
  updateChannel,
  upsertListings,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';
import { clearDirty } from './support/stock-fixtures.ts';

describeEachDialect('channels', (ctx) => {
  let n = 0;
  async function setup() {
    const store = await createStore(ctx.db, { name: `S${++n}` });
    const second = await createLocation(ctx.db, store.id, { name: 'Overflow' });
    const on = await createProduct(ctx.db, store.id, { sku: 'ON', name: 'On', autoSync: true });
    const off = await createProduct(ctx.db, store.id, { sku: 'OFF', name: 'Off' });
    return { store, main: store.defaultLocationId, second: second.id, on: on.id, off: off.id };
  }
  const dirty = (storeId: number) =>
    ctx.db
      .selectFrom('syncDirty')
      .select(['channelId', 'productId', 'lastCauseType', 'lastCauseRef'])
      .where('storeId', '=', storeId)
      .orderBy('channelId')
      .orderBy('productId')
      .execute();
  const channelRows = (storeId: number) =>
    ctx.db.selectFrom('channels').selectAll().where('storeId', '=', storeId).orderBy('id').execute();

  it('creates channels counting all locations by default, or a subset', async () => {
    const { store, second } = await setup();
    const all = await createChannel(ctx.db, store.id, {
      connectorId: 'shopify',
      name: 'Web',
      configCiphertext: 'c1',
    });
    expect(all).toMatchObject({
      storeId: store.id,
      connectorId: 'shopify',
      name: 'Web',
      status: 'active',
      hasConfig: true,
      locationIds: null,
    });
    expect(all).not.toHaveProperty('configCiphertext');
    const subset = await createChannel(ctx.db, store.id, {
      connectorId: 'ebay',
      name: 'eBay',
      locationIds: [second],
    });
    expect(subset).toMatchObject({ locationIds: [second], hasConfig: false });
    expect((await listChannels(ctx.db, store.id)).map((c) => c.id)).toEqual([all.id, subset.id]);
    expect(await getChannel(ctx.db, store.id, subset.id)).toEqual(subset);
  });

  it('refuses bad input with field paths and writes nothing', async () => {
    const { store, main } = await setup();
    const other = await createStore(ctx.db, { name: `other-${n}` });
    const attempts: [() => Promise<unknown>, (string | number)[]][] = [
      [() => createChannel(ctx.db, store.id, { connectorId: '', name: 'x' }), ['connectorId']],
      [() => createChannel(ctx.db, store.id, { connectorId: 'a', name: ' ' }), ['name']],
      [
        () => createChannel(ctx.db, store.id, { connectorId: 'a', name: 'x', locationIds: [] }),
        ['locationIds'],
      ],
      [
        () => createChannel(ctx.db, store.id, { connectorId: 'a', name: 'x', locationIds: [main, main] }),
        ['locationIds', 1],
      ],
      // Another store's location behaves as unknown.
      [
        () =>
          createChannel(ctx.db, store.id, {
            connectorId: 'a',
            name: 'x',
            locationIds: [main, other.defaultLocationId],
          }),
        ['locationIds', 1],
      ],
    ];
    for (const [call, path] of attempts) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path)).toContainEqual(path);
    }
    expect(await channelRows(store.id)).toEqual([]);
    await expect(createChannel(ctx.db, 999_999, { connectorId: 'a', name: 'x' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('treats another store’s channel as not found', async () => {
    const { store } = await setup();
    const other = await createStore(ctx.db, { name: `other2-${n}` });
    const channel = await createChannel(ctx.db, other.id, { connectorId: 'a', name: 'Theirs' });
    await expect(getChannel(ctx.db, store.id, channel.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateChannel(ctx.db, store.id, channel.id, { name: 'Mine' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await getChannel(ctx.db, other.id, channel.id)).name).toBe('Theirs');
    await expect(getChannel(ctx.db, store.id, Number.NaN)).rejects.toBeInstanceOf(ValidationError);
  });

  it('disconnects without deleting, and re-activating marks the auto-synced products dirty', async () => {
    const { store, on } = await setup();
    const channel = await createChannel(ctx.db, store.id, { connectorId: 'a', name: 'A' });
    await updateChannel(ctx.db, store.id, channel.id, { status: 'disconnected' });
    expect(await channelRows(store.id)).toHaveLength(1);
    expect(await listChannels(ctx.db, store.id, { status: 'disconnected' })).toHaveLength(1);
    await clearDirty(ctx.db, store.id);

    await updateChannel(ctx.db, store.id, channel.id, { status: 'active' });
    expect(await dirty(store.id)).toEqual([
      {
        channelId: channel.id,
        productId: on,
        lastCauseType: 'resync',
        lastCauseRef: `channel:${channel.id}`,
      },
    ]);
    await clearDirty(ctx.db, store.id);
    // Already active: nothing changes, nothing is marked.
    await updateChannel(ctx.db, store.id, channel.id, { status: 'active', name: 'A2' });
    expect(await dirty(store.id)).toEqual([]);
    expect((await getChannel(ctx.db, store.id, channel.id)).name).toBe('A2');
  });

  it('marks only that channel’s auto-synced pairs (listing overrides included) when its locations change', async () => {
    const { store, main, second, on, off } = await setup();
    const a = await createChannel(ctx.db, store.id, { connectorId: 'a', name: 'A' });
    const b = await createChannel(ctx.db, store.id, { connectorId: 'b', name: 'B' });
    const { matched } = await upsertListings(ctx.db, store.id, a.id, [{ sku: 'OFF', channelRef: 'x' }]);
    await setListingAutoSync(ctx.db, store.id, matched[0]!.listingId, true);
    await clearDirty(ctx.db, store.id);

    const changed = await setChannelLocations(ctx.db, store.id, a.id, [second]);
    expect(changed.locationIds).toEqual([second]);
    expect((await dirty(store.id)).map((d) => [d.channelId, d.productId])).toEqual([
      [a.id, on],
      [a.id, off],
    ]);
    await clearDirty(ctx.db, store.id);
    // The same set again is no change.
    await setChannelLocations(ctx.db, store.id, a.id, [second]);
    expect(await dirty(store.id)).toEqual([]);
    // Back to all locations is a change; a subset of two is kept in order.
    expect((await setChannelLocations(ctx.db, store.id, a.id, null)).locationIds).toBeNull();
    expect(await dirty(store.id)).toHaveLength(2);
    expect((await setChannelLocations(ctx.db, store.id, a.id, [second, main])).locationIds).toEqual([
      main,
      second,
    ]);
    // Channel B was never touched.
    expect((await dirty(store.id)).every((d) => d.channelId === a.id)).toBe(true);
    expect((await getChannel(ctx.db, store.id, b.id)).locationIds).toBeNull();
  });

  it('does not mark a paused channel when its locations change, but does once it is re-activated', async () => {
    const { store, second, on } = await setup();
    const a = await createChannel(ctx.db, store.id, { connectorId: 'a', name: 'A' });
    await updateChannel(ctx.db, store.id, a.id, { status: 'paused' });
    await clearDirty(ctx.db, store.id);
    await updateChannel(ctx.db, store.id, a.id, { locationIds: [second] });
    expect(await dirty(store.id)).toEqual([]);
    await updateChannel(ctx.db, store.id, a.id, { status: 'active' });
    expect((await dirty(store.id)).map((d) => d.productId)).toEqual([on]);
  });

  it('serialises concurrent location edits of one channel', async () => {
    const { store, main, second } = await setup();
    const a = await createChannel(ctx.db, store.id, { connectorId: 'a', name: 'A' });
    const results = await Promise.allSettled([
      setChannelLocations(ctx.db, store.id, a.id, [second]),
      setChannelLocations(ctx.db, store.id, a.id, [second]),
      setChannelLocations(ctx.db, store.id, a.id, [main, second]),
      setChannelLocations(ctx.db, store.id, a.id, [main]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    const links = await ctx.db
      .selectFrom('channelLocations')
      .select('locationId')
      .where('channelId', '=', a.id)
      .execute();
    expect((await getChannel(ctx.db, store.id, a.id)).locationIds).toEqual(
      links.map((l) => l.locationId).sort((x, y) => x - y),
    );
  });

  it('rejects a bad location update without changing the channel', async () => {
    const { store, second } = await setup();
    const a = await createChannel(ctx.db, store.id, { connectorId: 'a', name: 'A', locationIds: [second] });
    const error = await updateChannel(ctx.db, store.id, a.id, {
      name: 'B',
      locationIds: [second, 424242],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toEqual(['locationIds', 1]);
    expect(await getChannel(ctx.db, store.id, a.id)).toEqual(a);
  });

  it('replays an idempotency key without creating a second channel', async () => {
    const { store } = await setup();
    const first = await createChannel(
      ctx.db,
      store.id,
      { connectorId: 'a', name: 'A' },
      { idempotencyKey: 'ch-1' },
    );
    const again = await createChannel(
      ctx.db,
      store.id,
      { connectorId: 'a', name: 'A' },
      { idempotencyKey: 'ch-1' },
    );
    expect(again).toEqual(first);
    expect(await channelRows(store.id)).toHaveLength(1);
  });
});
