import { expect, it } from 'vitest';
import {
  ConflictError,
  cancelSalesOrder,
  createSalesOrder,
  getSalesOrder,
  IdempotencyKeyReusedError,
  InsufficientStockError,
  InvalidStateError,
  listSalesOrders,
  NotFoundError,
  shipSalesOrder,
  updateProduct,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';
import {
  autoSyncChannel,
  clearDirty,
  dirtyPairs,
  expectEachRejectedWithoutWrites,
  expectRejectedWithoutWrites,
  movementsOf,
  newProduct,
  newStore,
  quantityOf,
  type Refusal,
  seed,
  storeState,
} from './support/stock-fixtures.ts';

describeEachDialect('sales orders', (ctx) => {
  async function storeWithStock(allowNegative = false) {
    const store = await newStore(ctx.db, allowNegative);
    const loc = store.defaultLocationId;
    const a = await newProduct(ctx.db, store.id, 'A');
    const b = await newProduct(ctx.db, store.id, 'B');
    await seed(ctx.db, store.id, a, loc, 100);
    await seed(ctx.db, store.id, b, loc, 100);
    return { store, loc, a, b };
  }

  it('commits stock on create and reads back the same order', async () => {
    const { store, loc, a, b } = await storeWithStock();
    const order = await createSalesOrder(ctx.db, store.id, {
      number: 'SO-1',
      lines: [
        { sku: 'A', quantity: 3 },
        { sku: 'B', quantity: 2 },
      ],
    });
    expect(order).toMatchObject({ number: 'SO-1', status: 'open', channelId: null, locationId: loc });
    expect(order.lines.map((l) => [l.sku, l.quantity, l.outstanding, l.allocations])).toEqual([
      ['A', 3, 3, [{ productId: a, sku: 'A', perUnit: 1 }]],
      ['B', 2, 2, [{ productId: b, sku: 'B', perUnit: 1 }]],
    ]);
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 100, committed: 3, incoming: 0 });
    expect(await quantityOf(ctx.db, b, loc)).toEqual({ onHand: 100, committed: 2, incoming: 0 });
    expect(await movementsOf(ctx.db, store.id, 'sales_order', String(order.id))).toEqual([
      [a, 'committed', 3],
      [b, 'committed', 2],
    ]);
    expect(await getSalesOrder(ctx.db, store.id, order.id)).toEqual(order);
  });

  it('stores allocations for kit lines only; a simple line takes one of itself, stored row or not', async () => {
    const { store, loc, a, b } = await storeWithStock();
    await newProduct(ctx.db, store.id, 'K', 'kit', [{ sku: 'B', quantity: 2 }]);
    const order = await createSalesOrder(ctx.db, store.id, {
      number: 'MIX-1',
      lines: [
        { sku: 'A', quantity: 1 },
        { sku: 'K', quantity: 1 },
      ],
    });
    const stored = await ctx.db
      .selectFrom('salesOrderAllocations')
      .select(['lineId', 'productId', 'perUnit'])
      .where(
        'lineId',
        'in',
        order.lines.map((l) => l.id),
      )
      .execute();
    expect(stored).toEqual([{ lineId: order.lines[1]!.id, productId: b, perUnit: 2 }]);
    // Orders written before: a simple line with its own row reads the same.
    await ctx.db
      .insertInto('salesOrderAllocations')
      .values({ lineId: order.lines[0]!.id, productId: a, perUnit: 1 })
      .execute();
    const read = await getSalesOrder(ctx.db, store.id, order.id);
    expect(read).toEqual(order);
    expect(read.lines[0]!.allocations).toEqual([{ productId: a, sku: 'A', perUnit: 1 }]);
    await shipSalesOrder(ctx.db, store.id, order.id);
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 99, committed: 0, incoming: 0 });
    expect(await quantityOf(ctx.db, b, loc)).toEqual({ onHand: 98, committed: 0, incoming: 0 });
  });

  it('allocates nested kits to their stocked components and keeps the snapshot after kit edits', async () => {
    const { store, loc, a, b } = await storeWithStock();
    await newProduct(ctx.db, store.id, 'K1', 'kit', [
      { sku: 'A', quantity: 1 },
      { sku: 'B', quantity: 3 },
    ]);
    const k2 = await newProduct(ctx.db, store.id, 'K2', 'kit', [
      { sku: 'A', quantity: 1 },
      { sku: 'K1', quantity: 2 },
    ]);
    const order = await createSalesOrder(ctx.db, store.id, {
      number: 'KIT-1',
      lines: [{ sku: 'K2', quantity: 2 }],
    });
    // One K2 = 1 A + 2 x (1 A + 3 B) = 3 A + 6 B.
    expect(order.lines[0]!.allocations).toEqual([
      { productId: a, sku: 'A', perUnit: 3 },
      { productId: b, sku: 'B', perUnit: 6 },
    ]);
    expect(await quantityOf(ctx.db, a, loc)).toMatchObject({ committed: 6 });
    expect(await quantityOf(ctx.db, b, loc)).toMatchObject({ committed: 12 });
    expect(await quantityOf(ctx.db, k2, loc)).toEqual({ onHand: 0, committed: 0, incoming: 0 });

    const k1 = (
      await ctx.db
        .selectFrom('products')
        .select('id')
        .where('sku', '=', 'K1')
        .where('storeId', '=', store.id)
        .executeTakeFirstOrThrow()
    ).id;
    await updateProduct(ctx.db, store.id, k1, { components: [{ sku: 'B', quantity: 1 }] });
    expect((await getSalesOrder(ctx.db, store.id, order.id)).lines[0]!.allocations).toEqual(
      order.lines[0]!.allocations,
    );

    const shipped = await shipSalesOrder(ctx.db, store.id, order.id);
    expect(shipped.status).toBe('shipped');
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 94, committed: 0, incoming: 0 });
    expect(await quantityOf(ctx.db, b, loc)).toEqual({ onHand: 88, committed: 0, incoming: 0 });
  });

  it('ships partially by SKU and line id, then the rest, moving status along', async () => {
    const { store, loc, a, b } = await storeWithStock();
    const order = await createSalesOrder(ctx.db, store.id, {
      number: 'SO-P',
      lines: [
        { sku: 'A', quantity: 5 },
        { sku: 'B', quantity: 4 },
      ],
    });
    const first = await shipSalesOrder(ctx.db, store.id, order.id, {
      lines: [
        { sku: 'A', quantity: 2 },
        { lineId: order.lines[1]!.id, quantity: 4 },
      ],
    });
    expect(first.status).toBe('partially_shipped');
    expect(first.lines.map((l) => [l.shipped, l.outstanding])).toEqual([
      [2, 3],
      [4, 0],
    ]);
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 98, committed: 3, incoming: 0 });
    expect(await quantityOf(ctx.db, b, loc)).toEqual({ onHand: 96, committed: 0, incoming: 0 });
    expect(await getSalesOrder(ctx.db, store.id, order.id)).toEqual(first);

    const rest = await shipSalesOrder(ctx.db, store.id, order.id);
    expect(rest.status).toBe('shipped');
    expect(rest.lines.map((l) => l.shipped)).toEqual([5, 4]);
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 95, committed: 0, incoming: 0 });
    expect(await movementsOf(ctx.db, store.id, 'sales_order', String(order.id))).toEqual([
      [a, 'committed', 5],
      [b, 'committed', 4],
      [a, 'on_hand', -2],
      [a, 'committed', -2],
      [b, 'on_hand', -4],
      [b, 'committed', -4],
      [a, 'on_hand', -3],
      [a, 'committed', -3],
    ]);
    await expectRejectedWithoutWrites(ctx.db, store.id, () => shipSalesOrder(ctx.db, store.id, order.id), {
      type: InvalidStateError,
    });
  });

  it('rejects over-shipment with the offending line path and writes nothing', async () => {
    const { store } = await storeWithStock();
    const order = await createSalesOrder(ctx.db, store.id, {
      number: 'SO-O',
      lines: [
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 2 },
      ],
    });
    await shipSalesOrder(ctx.db, store.id, order.id, { lines: [{ sku: 'B', quantity: 1 }] });
    await expectRejectedWithoutWrites(
      ctx.db,
      store.id,
      () =>
        shipSalesOrder(ctx.db, store.id, order.id, {
          lines: [
            { sku: 'A', quantity: 1 },
            { sku: 'B', quantity: 2 },
          ],
        }),
      { type: ValidationError, path: ['lines', 1, 'quantity'] },
    );
    await expectRejectedWithoutWrites(
      ctx.db,
      store.id,
      () => shipSalesOrder(ctx.db, store.id, order.id, { lines: [{ lineId: 999_999, quantity: 1 }] }),
      { type: ValidationError, path: ['lines', 0, 'lineId'] },
    );
    await expectRejectedWithoutWrites(
      ctx.db,
      store.id,
      () => shipSalesOrder(ctx.db, store.id, order.id, { lines: [{ sku: 'A', quantity: 0 }] }),
      { type: ValidationError, path: ['lines', 0, 'quantity'] },
    );
  });

  it('cancelling after a partial shipment releases only the unshipped remainder', async () => {
    const { store, loc, a } = await storeWithStock();
    const order = await createSalesOrder(ctx.db, store.id, {
      number: 'SO-C',
      lines: [{ sku: 'A', quantity: 5 }],
    });
    await shipSalesOrder(ctx.db, store.id, order.id, { lines: [{ sku: 'A', quantity: 2 }] });
    const cancelled = await cancelSalesOrder(ctx.db, store.id, order.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.lines[0]).toMatchObject({ quantity: 5, shipped: 2, cancelled: 3, outstanding: 0 });
    expect(await getSalesOrder(ctx.db, store.id, order.id)).toEqual(cancelled);
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 98, committed: 0, incoming: 0 });
    expect((await movementsOf(ctx.db, store.id, 'sales_order', String(order.id))).slice(-1)).toEqual([
      [a, 'committed', -3],
    ]);

    await expectRejectedWithoutWrites(ctx.db, store.id, () => cancelSalesOrder(ctx.db, store.id, order.id), {
      type: InvalidStateError,
    });
    await expectRejectedWithoutWrites(ctx.db, store.id, () => shipSalesOrder(ctx.db, store.id, order.id), {
      type: InvalidStateError,
    });
    const shipped = await createSalesOrder(ctx.db, store.id, {
      number: 'SO-C2',
      lines: [{ sku: 'A', quantity: 1 }],
    });
    await shipSalesOrder(ctx.db, store.id, shipped.id);
    await expectRejectedWithoutWrites(
      ctx.db,
      store.id,
      () => cancelSalesOrder(ctx.db, store.id, shipped.id),
      {
        type: InvalidStateError,
      },
    );
  });

  it('refuses bad input with typed errors and field paths, writing nothing', async () => {
    const { store } = await storeWithStock();
    const other = await newStore(ctx.db);
    await newProduct(ctx.db, other.id, 'OTHER');
    const otherChannel = await autoSyncChannel(ctx.db, other.id, []);
    const otherOrder = await createSalesOrder(ctx.db, other.id, {
      number: 'X',
      lines: [{ sku: 'OTHER', quantity: 1 }],
    });
    await createSalesOrder(ctx.db, store.id, { number: 'DUP', lines: [{ sku: 'A', quantity: 1 }] });
    const line = { sku: 'A', quantity: 1 };
    const cases: Refusal[] = [
      [{ number: 'N1', lines: [line, { sku: 'NOPE', quantity: 1 }] }, ValidationError, ['lines', 1, 'sku']],
      [{ number: 'N1', lines: [{ sku: 'OTHER', quantity: 1 }] }, ValidationError, ['lines', 0, 'sku']],
      [{ number: 'N1', lines: [{ sku: 'A', quantity: 0 }] }, ValidationError, ['lines', 0, 'quantity']],
      [{ number: 'N1', lines: [{ sku: 'A', quantity: -2 }] }, ValidationError, ['lines', 0, 'quantity']],
      [{ number: 'N1', lines: [{ sku: 'A', quantity: 1.5 }] }, ValidationError, ['lines', 0, 'quantity']],
      [{ number: 'N1', lines: [] }, ValidationError, ['lines']],
      [{ number: 'N1', lines: Array.from({ length: 1001 }, () => line) }, ValidationError, ['lines']],
      [{ number: '', lines: [line] }, ValidationError, ['number']],
      [{ number: 'N1', locationId: other.defaultLocationId, lines: [line] }, NotFoundError, ['locationId']],
      [{ number: 'N1', channelId: otherChannel, lines: [line] }, NotFoundError, ['channelId']],
      [{ number: 'DUP', lines: [line] }, ConflictError, ['number']],
    ];
    await expectEachRejectedWithoutWrites(
      ctx.db,
      store.id,
      (input) => createSalesOrder(ctx.db, store.id, input),
      cases,
    );
    for (const call of [
      () => getSalesOrder(ctx.db, store.id, otherOrder.id),
      () => shipSalesOrder(ctx.db, store.id, otherOrder.id),
      () => cancelSalesOrder(ctx.db, store.id, otherOrder.id),
    ]) {
      await expectRejectedWithoutWrites(ctx.db, store.id, call, { type: NotFoundError, path: ['orderId'] });
    }
    expect((await getSalesOrder(ctx.db, other.id, otherOrder.id)).status).toBe('open');
  });

  it('follows the store negative-stock setting when shipping', async () => {
    for (const allowNegative of [false, true]) {
      const store = await newStore(ctx.db, allowNegative);
      const loc = store.defaultLocationId;
      const a = await newProduct(ctx.db, store.id, 'A');
      await seed(ctx.db, store.id, a, loc, 2);
      const order = await createSalesOrder(ctx.db, store.id, {
        number: 'NEG',
        lines: [{ sku: 'A', quantity: 5 }],
      });
      expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 2, committed: 5, incoming: 0 });
      if (!allowNegative) {
        await expectRejectedWithoutWrites(
          ctx.db,
          store.id,
          () => shipSalesOrder(ctx.db, store.id, order.id),
          {
            type: InsufficientStockError,
            path: ['lines', 0],
          },
        );
        expect((await getSalesOrder(ctx.db, store.id, order.id)).status).toBe('open');
      } else {
        await shipSalesOrder(ctx.db, store.id, order.id);
        expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: -3, committed: 0, incoming: 0 });
      }
    }
  });

  it('replays an idempotency key without a second write', async () => {
    const { store, loc, a } = await storeWithStock();
    const input = { number: 'IDEM', lines: [{ sku: 'A', quantity: 4 }] };
    const first = await createSalesOrder(ctx.db, store.id, input, { idempotencyKey: 'create-1' });
    const before = await storeState(ctx.db, store.id);
    const again = await createSalesOrder(ctx.db, store.id, input, { idempotencyKey: 'create-1' });
    expect(again).toEqual(first);
    expect(await storeState(ctx.db, store.id)).toEqual(before);
    expect(await quantityOf(ctx.db, a, loc)).toMatchObject({ committed: 4 });
    await expectRejectedWithoutWrites(
      ctx.db,
      store.id,
      () =>
        createSalesOrder(ctx.db, store.id, { ...input, number: 'IDEM-2' }, { idempotencyKey: 'create-1' }),
      { type: IdempotencyKeyReusedError, path: ['idempotencyKey'] },
    );

    const ship = () =>
      shipSalesOrder(
        ctx.db,
        store.id,
        first.id,
        { lines: [{ sku: 'A', quantity: 1 }] },
        { idempotencyKey: 'ship-1' },
      );
    const shipped = await ship();
    expect(await ship()).toEqual(shipped);
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 99, committed: 3, incoming: 0 });
  });

  it('records channel orders and marks auto-synced products and their kits dirty on shipment', async () => {
    const { store, a, b } = await storeWithStock();
    const kit = await newProduct(ctx.db, store.id, 'KA', 'kit', [{ sku: 'A', quantity: 2 }]);
    const channel = await autoSyncChannel(ctx.db, store.id, [a, kit]);
    const order = await createSalesOrder(ctx.db, store.id, {
      number: 'CH-1',
      channelId: channel,
      lines: [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 1 },
      ],
    });
    expect(order.channelId).toBe(channel);
    expect(await movementsOf(ctx.db, store.id, 'channel_order', String(order.id))).toHaveLength(2);
    expect((await dirtyPairs(ctx.db, store.id)).map((d) => d.productId)).toEqual([a, kit]);

    await clearDirty(ctx.db, store.id);
    await shipSalesOrder(ctx.db, store.id, order.id, { lines: [{ sku: 'A', quantity: 1 }] });
    expect(await dirtyPairs(ctx.db, store.id)).toEqual([
      { channelId: channel, productId: a, lastCauseType: 'channel_order', lastCauseRef: String(order.id) },
      {
        channelId: channel,
        productId: kit,
        lastCauseType: 'channel_order',
        lastCauseRef: String(order.id),
      },
    ]);
    expect(b).toBeGreaterThan(0);
  });

  it('lists orders newest first with keyset pagination and a status filter', async () => {
    const { store } = await storeWithStock();
    const other = await newStore(ctx.db);
    await newProduct(ctx.db, other.id, 'A');
    await createSalesOrder(ctx.db, other.id, { number: 'O-1', lines: [{ sku: 'A', quantity: 1 }] });
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) {
      ids.push(
        (await createSalesOrder(ctx.db, store.id, { number: `L-${i}`, lines: [{ sku: 'A', quantity: 1 }] }))
          .id,
      );
    }
    await cancelSalesOrder(ctx.db, store.id, ids[1]!);

    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSalesOrders(ctx.db, store.id, { limit: 2, ...(cursor && { cursor }) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const cancelled = await listSalesOrders(ctx.db, store.id, { status: 'cancelled' });
    expect(cancelled).toEqual({
      items: [expect.objectContaining({ id: ids[1], status: 'cancelled' })],
      nextCursor: null,
    });
    await expect(listSalesOrders(ctx.db, store.id, { cursor: 'garbage' })).rejects.toMatchObject({
      issues: [{ path: ['cursor'] }],
    });
    await expect(listSalesOrders(ctx.db, store.id, { status: 'lost' as never })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
