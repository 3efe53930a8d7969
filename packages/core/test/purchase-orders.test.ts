import { expect, it } from 'vitest';
import {
  ConflictError,
  cancelPurchaseOrder,
  createLocation,
  createPurchaseOrder,
  getPurchaseOrder,
  InvalidStateError,
  listPurchaseOrders,
  NotFoundError,
  receivePurchaseOrder,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';
import {
  autoSyncChannel,
  dirtyPairs,
  expectEachRejectedWithoutWrites,
  expectRejectedWithoutWrites,
  movementsOf,
  newProduct,
  newStore,
  quantityOf,
  type Refusal,
  storeState,
} from './support/stock-fixtures.ts';

describeEachDialect('purchase orders', (ctx) => {
  async function setup() {
    const store = await newStore(ctx.db);
    const a = await newProduct(ctx.db, store.id, 'A');
    const b = await newProduct(ctx.db, store.id, 'B');
    await newProduct(ctx.db, store.id, 'KIT', 'kit', [{ sku: 'A', quantity: 2 }]);
    return { store, loc: store.defaultLocationId, a, b };
  }

  it('adds incoming on create, at the chosen location', async () => {
    const { store, a, b } = await setup();
    const dock = await createLocation(ctx.db, store.id, { name: 'Dock' });
    const po = await createPurchaseOrder(ctx.db, store.id, {
      number: 'PO-1',
      supplier: 'Acme',
      locationId: dock.id,
      lines: [
        { sku: 'A', quantity: 10 },
        { sku: 'B', quantity: 4 },
      ],
    });
    expect(po).toMatchObject({ number: 'PO-1', supplier: 'Acme', locationId: dock.id, status: 'open' });
    expect(po.lines.map((l) => [l.sku, l.quantity, l.received, l.outstanding])).toEqual([
      ['A', 10, 0, 10],
      ['B', 4, 0, 4],
    ]);
    expect(await quantityOf(ctx.db, a, dock.id)).toEqual({ onHand: 0, committed: 0, incoming: 10 });
    expect(await quantityOf(ctx.db, b, dock.id)).toEqual({ onHand: 0, committed: 0, incoming: 4 });
    expect(await movementsOf(ctx.db, store.id, 'purchase_order', String(po.id))).toEqual([
      [a, 'incoming', 10],
      [b, 'incoming', 4],
    ]);
    expect(await getPurchaseOrder(ctx.db, store.id, po.id)).toEqual(po);
  });

  it('receives partially, then fully, moving incoming to on hand', async () => {
    const { store, loc, a, b } = await setup();
    const po = await createPurchaseOrder(ctx.db, store.id, {
      number: 'PO-P',
      lines: [
        { sku: 'A', quantity: 10 },
        { sku: 'B', quantity: 4 },
      ],
    });
    const first = await receivePurchaseOrder(ctx.db, store.id, po.id, { lines: [{ sku: 'A', quantity: 6 }] });
    expect(first.status).toBe('partially_received');
    expect(first.lines.map((l) => [l.received, l.outstanding])).toEqual([
      [6, 4],
      [0, 4],
    ]);
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 6, committed: 0, incoming: 4 });
    expect(await getPurchaseOrder(ctx.db, store.id, po.id)).toEqual(first);

    const second = await receivePurchaseOrder(ctx.db, store.id, po.id, {
      lines: [
        { lineId: po.lines[0]!.id, quantity: 4 },
        { sku: 'B', quantity: 4 },
      ],
    });
    expect(second.status).toBe('received');
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 10, committed: 0, incoming: 0 });
    expect(await quantityOf(ctx.db, b, loc)).toEqual({ onHand: 4, committed: 0, incoming: 0 });
    await expectRejectedWithoutWrites(
      ctx.db,
      store.id,
      () => receivePurchaseOrder(ctx.db, store.id, po.id, { lines: [{ sku: 'A', quantity: 1 }] }),
      { type: InvalidStateError },
    );
  });

  it('over-receipt: all of it goes on hand, incoming drops only by what was outstanding', async () => {
    const { store, loc, a } = await setup();
    const po = await createPurchaseOrder(ctx.db, store.id, {
      number: 'PO-O',
      lines: [{ sku: 'A', quantity: 10 }],
    });
    await receivePurchaseOrder(ctx.db, store.id, po.id, { lines: [{ sku: 'A', quantity: 7 }] });
    const over = await receivePurchaseOrder(ctx.db, store.id, po.id, { lines: [{ sku: 'A', quantity: 5 }] });
    expect(over.status).toBe('received');
    expect(over.lines[0]).toMatchObject({ quantity: 10, received: 12, outstanding: 0 });
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 12, committed: 0, incoming: 0 });
    expect((await movementsOf(ctx.db, store.id, 'purchase_order', String(po.id))).slice(-2)).toEqual([
      [a, 'on_hand', 5],
      [a, 'incoming', -3],
    ]);
  });

  it('rejects zero, negative and unknown receipt lines with paths, writing nothing', async () => {
    const { store } = await setup();
    const po = await createPurchaseOrder(ctx.db, store.id, {
      number: 'PO-R',
      lines: [
        { sku: 'A', quantity: 10 },
        { sku: 'A', quantity: 5 },
      ],
    });
    const receive = (lines: unknown) => () =>
      receivePurchaseOrder(ctx.db, store.id, po.id, { lines } as never);
    const cases: [unknown, (string | number)[]][] = [
      [[{ sku: 'B', quantity: 0 }], ['lines', 0, 'quantity']],
      [[{ sku: 'B', quantity: -4 }], ['lines', 0, 'quantity']],
      [[{ sku: 'B', quantity: 1 }], ['lines', 0, 'sku']],
      [[{ sku: 'A', quantity: 1 }], ['lines', 0, 'sku']], // on two lines: ambiguous
      [[{ quantity: 1 }], ['lines', 0, 'lineId']],
      [
        [
          { lineId: po.lines[0]!.id, quantity: 1 },
          { lineId: po.lines[0]!.id, quantity: 1 },
        ],
        ['lines', 1],
      ],
      [[], ['lines']],
    ];
    for (const [lines, path] of cases) {
      await expectRejectedWithoutWrites(ctx.db, store.id, receive(lines), { type: ValidationError, path });
    }
  });

  it('cancel removes the outstanding incoming and keeps what was received', async () => {
    const { store, loc, a } = await setup();
    const po = await createPurchaseOrder(ctx.db, store.id, {
      number: 'PO-C',
      lines: [{ sku: 'A', quantity: 10 }],
    });
    await receivePurchaseOrder(ctx.db, store.id, po.id, { lines: [{ sku: 'A', quantity: 3 }] });
    const cancelled = await cancelPurchaseOrder(ctx.db, store.id, po.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.lines[0]).toMatchObject({ received: 3, outstanding: 0 });
    expect(await getPurchaseOrder(ctx.db, store.id, po.id)).toEqual(cancelled);
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 3, committed: 0, incoming: 0 });
    await expectRejectedWithoutWrites(ctx.db, store.id, () => cancelPurchaseOrder(ctx.db, store.id, po.id), {
      type: InvalidStateError,
    });
  });

  it('refuses kits, unknown SKUs, bad quantities, other stores and duplicates, writing nothing', async () => {
    const { store } = await setup();
    const other = await newStore(ctx.db);
    await newProduct(ctx.db, other.id, 'A');
    const otherPo = await createPurchaseOrder(ctx.db, other.id, {
      number: 'X',
      lines: [{ sku: 'A', quantity: 1 }],
    });
    await createPurchaseOrder(ctx.db, store.id, { number: 'DUP', lines: [{ sku: 'A', quantity: 1 }] });
    const line = { sku: 'A', quantity: 1 };
    const cases: Refusal[] = [
      [{ number: 'N', lines: [line, { sku: 'KIT', quantity: 1 }] }, ValidationError, ['lines', 1, 'sku']],
      [{ number: 'N', lines: [{ sku: 'NOPE', quantity: 1 }] }, ValidationError, ['lines', 0, 'sku']],
      [{ number: 'N', lines: [{ sku: 'A', quantity: 0 }] }, ValidationError, ['lines', 0, 'quantity']],
      [{ number: 'N', lines: Array.from({ length: 1001 }, () => line) }, ValidationError, ['lines']],
      [{ number: 'N', locationId: other.defaultLocationId, lines: [line] }, NotFoundError, ['locationId']],
      [{ number: 'DUP', lines: [line] }, ConflictError, ['number']],
    ];
    await expectEachRejectedWithoutWrites(
      ctx.db,
      store.id,
      (input) => createPurchaseOrder(ctx.db, store.id, input),
      cases,
    );
    for (const call of [
      () => getPurchaseOrder(ctx.db, store.id, otherPo.id),
      () => receivePurchaseOrder(ctx.db, store.id, otherPo.id, { lines: [{ sku: 'A', quantity: 1 }] }),
      () => cancelPurchaseOrder(ctx.db, store.id, otherPo.id),
    ]) {
      await expectRejectedWithoutWrites(ctx.db, store.id, call, { type: NotFoundError, path: ['orderId'] });
    }
  });

  it('replays create and receive idempotency keys without a second write', async () => {
    const { store, loc, a } = await setup();
    const input = { number: 'PO-I', lines: [{ sku: 'A', quantity: 8 }] };
    const po = await createPurchaseOrder(ctx.db, store.id, input, { idempotencyKey: 'po-1' });
    const before = await storeState(ctx.db, store.id);
    expect(await createPurchaseOrder(ctx.db, store.id, input, { idempotencyKey: 'po-1' })).toEqual(po);
    expect(await storeState(ctx.db, store.id)).toEqual(before);

    const receive = () =>
      receivePurchaseOrder(
        ctx.db,
        store.id,
        po.id,
        { lines: [{ sku: 'A', quantity: 2 }] },
        { idempotencyKey: 'rc-1' },
      );
    const received = await receive();
    expect(await receive()).toEqual(received);
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 2, committed: 0, incoming: 6 });
  });

  it('marks auto-synced products dirty on receipt (on hand changes), not on create (incoming only)', async () => {
    const { store, a } = await setup();
    const channel = await autoSyncChannel(ctx.db, store.id, [a]);
    const po = await createPurchaseOrder(ctx.db, store.id, {
      number: 'PO-D',
      lines: [{ sku: 'A', quantity: 3 }],
    });
    expect(await dirtyPairs(ctx.db, store.id)).toEqual([]);
    await receivePurchaseOrder(ctx.db, store.id, po.id, { lines: [{ sku: 'A', quantity: 3 }] });
    expect(await dirtyPairs(ctx.db, store.id)).toEqual([
      { channelId: channel, productId: a, lastCauseType: 'purchase_order', lastCauseRef: String(po.id) },
    ]);
  });

  it('lists purchase orders newest first with keyset pagination', async () => {
    const { store } = await setup();
    const ids: number[] = [];
    for (let i = 1; i <= 3; i++) {
      ids.push(
        (
          await createPurchaseOrder(ctx.db, store.id, {
            number: `L-${i}`,
            lines: [{ sku: 'A', quantity: 1 }],
          })
        ).id,
      );
    }
    await cancelPurchaseOrder(ctx.db, store.id, ids[0]!);
    const page1 = await listPurchaseOrders(ctx.db, store.id, { limit: 2 });
    expect(page1.items.map((o) => o.id)).toEqual([ids[2], ids[1]]);
    const page2 = await listPurchaseOrders(ctx.db, store.id, { limit: 2, cursor: page1.nextCursor! });
    expect(page2).toEqual({
      items: [expect.objectContaining({ id: ids[0], status: 'cancelled' })],
      nextCursor: null,
    });
    expect((await listPurchaseOrders(ctx.db, store.id, { status: 'open' })).items.map((o) => o.id)).toEqual([
      ids[2],
      ids[1],
    ]);
  });
});
