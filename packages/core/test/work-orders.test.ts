import { expect, it } from 'vitest';
import {
  ConflictError,
  cancelWorkOrder,
  completeWorkOrder,
  createWorkOrder,
  getWorkOrder,
  InsufficientStockError,
  InvalidStateError,
  listWorkOrders,
  NotFoundError,
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

describeEachDialect('work orders', (ctx) => {
  /** GIFT (assembly) = 2 A + 1 PAIR, where PAIR (kit) = 3 B: one GIFT consumes 2 A and 3 B. */
  async function setup(allowNegative = false, stock = 50) {
    const store = await newStore(ctx.db, allowNegative);
    const loc = store.defaultLocationId;
    const a = await newProduct(ctx.db, store.id, 'A');
    const b = await newProduct(ctx.db, store.id, 'B');
    await newProduct(ctx.db, store.id, 'PAIR', 'kit', [{ sku: 'B', quantity: 3 }]);
    const gift = await newProduct(ctx.db, store.id, 'GIFT', 'assembly', [
      { sku: 'A', quantity: 2 },
      { sku: 'PAIR', quantity: 1 },
    ]);
    await seed(ctx.db, store.id, a, loc, stock);
    await seed(ctx.db, store.id, b, loc, stock);
    return { store, loc, a, b, gift };
  }

  it('creating commits the bill of materials; completing consumes it and produces the assembly', async () => {
    const { store, loc, a, b, gift } = await setup();
    const wo = await createWorkOrder(ctx.db, store.id, { number: 'WO-1', sku: 'GIFT', quantity: 5 });
    expect(wo).toMatchObject({
      number: 'WO-1',
      productId: gift,
      sku: 'GIFT',
      quantity: 5,
      status: 'in_progress',
    });
    expect(wo.components).toEqual([
      { productId: a, sku: 'A', required: 10 },
      { productId: b, sku: 'B', required: 15 },
    ]);
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 50, committed: 10, incoming: 0 });
    expect(await quantityOf(ctx.db, b, loc)).toEqual({ onHand: 50, committed: 15, incoming: 0 });
    expect(await getWorkOrder(ctx.db, store.id, wo.id)).toEqual(wo);

    const done = await completeWorkOrder(ctx.db, store.id, wo.id);
    expect(done.status).toBe('completed');
    expect(await getWorkOrder(ctx.db, store.id, wo.id)).toEqual(done);
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 40, committed: 0, incoming: 0 });
    expect(await quantityOf(ctx.db, b, loc)).toEqual({ onHand: 35, committed: 0, incoming: 0 });
    expect(await quantityOf(ctx.db, gift, loc)).toEqual({ onHand: 5, committed: 0, incoming: 0 });
    expect(await movementsOf(ctx.db, store.id, 'work_order', String(wo.id))).toEqual([
      [a, 'committed', 10],
      [b, 'committed', 15],
      [a, 'on_hand', -10],
      [a, 'committed', -10],
      [b, 'on_hand', -15],
      [b, 'committed', -15],
      [gift, 'on_hand', 5],
    ]);

    for (const call of [
      () => completeWorkOrder(ctx.db, store.id, wo.id),
      () => cancelWorkOrder(ctx.db, store.id, wo.id),
    ]) {
      await expectRejectedWithoutWrites(ctx.db, store.id, call, { type: InvalidStateError });
    }
  });

  it('cancelling releases the committed components', async () => {
    const { store, loc, a, b, gift } = await setup();
    const wo = await createWorkOrder(ctx.db, store.id, { number: 'WO-C', sku: 'GIFT', quantity: 2 });
    const cancelled = await cancelWorkOrder(ctx.db, store.id, wo.id);
    expect(cancelled.status).toBe('cancelled');
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 50, committed: 0, incoming: 0 });
    expect(await quantityOf(ctx.db, b, loc)).toEqual({ onHand: 50, committed: 0, incoming: 0 });
    expect(await quantityOf(ctx.db, gift, loc)).toEqual({ onHand: 0, committed: 0, incoming: 0 });
    await expectRejectedWithoutWrites(ctx.db, store.id, () => completeWorkOrder(ctx.db, store.id, wo.id), {
      type: InvalidStateError,
    });
  });

  it('refuses non-assemblies, bad quantities, other stores and duplicates, writing nothing', async () => {
    const { store } = await setup();
    await newProduct(ctx.db, store.id, 'EMPTY', 'assembly');
    const other = await newStore(ctx.db);
    await newProduct(ctx.db, other.id, 'X');
    await newProduct(ctx.db, other.id, 'OX', 'assembly', [{ sku: 'X', quantity: 1 }]);
    const otherWo = await createWorkOrder(ctx.db, other.id, { number: 'O', sku: 'OX', quantity: 1 });
    await createWorkOrder(ctx.db, store.id, { number: 'DUP', sku: 'GIFT', quantity: 1 });
    const cases: Refusal[] = [
      [{ number: 'N', sku: 'A', quantity: 1 }, ValidationError, ['sku']],
      [{ number: 'N', sku: 'PAIR', quantity: 1 }, ValidationError, ['sku']],
      [{ number: 'N', sku: 'EMPTY', quantity: 1 }, ValidationError, ['sku']],
      [{ number: 'N', sku: 'OX', quantity: 1 }, ValidationError, ['sku']],
      [{ number: 'N', sku: 'GIFT', quantity: 0 }, ValidationError, ['quantity']],
      [{ number: 'N', sku: 'GIFT', quantity: -1 }, ValidationError, ['quantity']],
      [
        { number: 'N', sku: 'GIFT', quantity: 1, locationId: other.defaultLocationId },
        NotFoundError,
        ['locationId'],
      ],
      [{ number: 'DUP', sku: 'GIFT', quantity: 1 }, ConflictError, ['number']],
    ];
    await expectEachRejectedWithoutWrites(
      ctx.db,
      store.id,
      (input) => createWorkOrder(ctx.db, store.id, input),
      cases,
    );
    for (const call of [
      () => getWorkOrder(ctx.db, store.id, otherWo.id),
      () => completeWorkOrder(ctx.db, store.id, otherWo.id),
      () => cancelWorkOrder(ctx.db, store.id, otherWo.id),
    ]) {
      await expectRejectedWithoutWrites(ctx.db, store.id, call, {
        type: NotFoundError,
        path: ['workOrderId'],
      });
    }
  });

  it('follows the store negative-stock setting when completing', async () => {
    const strict = await setup(false, 4);
    const wo = await createWorkOrder(ctx.db, strict.store.id, { number: 'WO-N', sku: 'GIFT', quantity: 3 });
    await expectRejectedWithoutWrites(
      ctx.db,
      strict.store.id,
      () => completeWorkOrder(ctx.db, strict.store.id, wo.id),
      {
        type: InsufficientStockError,
      },
    );
    expect((await getWorkOrder(ctx.db, strict.store.id, wo.id)).status).toBe('in_progress');

    const lax = await setup(true, 4);
    const wo2 = await createWorkOrder(ctx.db, lax.store.id, { number: 'WO-N', sku: 'GIFT', quantity: 3 });
    await completeWorkOrder(ctx.db, lax.store.id, wo2.id);
    expect(await quantityOf(ctx.db, lax.a, lax.loc)).toEqual({ onHand: -2, committed: 0, incoming: 0 });
    expect(await quantityOf(ctx.db, lax.gift, lax.loc)).toMatchObject({ onHand: 3 });
  });

  it('replays create and complete idempotency keys without a second write', async () => {
    const { store, loc, gift } = await setup();
    const input = { number: 'WO-I', sku: 'GIFT', quantity: 1 };
    const wo = await createWorkOrder(ctx.db, store.id, input, { idempotencyKey: 'wo-1' });
    const before = await storeState(ctx.db, store.id);
    expect(await createWorkOrder(ctx.db, store.id, input, { idempotencyKey: 'wo-1' })).toEqual(wo);
    expect(await storeState(ctx.db, store.id)).toEqual(before);
    const complete = () => completeWorkOrder(ctx.db, store.id, wo.id, { idempotencyKey: 'done-1' });
    const done = await complete();
    expect(await complete()).toEqual(done);
    expect(await quantityOf(ctx.db, gift, loc)).toMatchObject({ onHand: 1 });
  });

  it('marks the consumed components and the finished product dirty on completion', async () => {
    const { store, a, gift } = await setup();
    const channel = await autoSyncChannel(ctx.db, store.id, [a, gift]);
    const wo = await createWorkOrder(ctx.db, store.id, { number: 'WO-D', sku: 'GIFT', quantity: 1 });
    await clearDirty(ctx.db, store.id);
    await completeWorkOrder(ctx.db, store.id, wo.id);
    expect(await dirtyPairs(ctx.db, store.id)).toEqual([
      { channelId: channel, productId: a, lastCauseType: 'work_order', lastCauseRef: String(wo.id) },
      { channelId: channel, productId: gift, lastCauseType: 'work_order', lastCauseRef: String(wo.id) },
    ]);
  });

  it('lists work orders newest first with keyset pagination and a status filter', async () => {
    const { store } = await setup();
    const ids: number[] = [];
    for (let i = 1; i <= 3; i++) {
      ids.push((await createWorkOrder(ctx.db, store.id, { number: `L-${i}`, sku: 'GIFT', quantity: 1 })).id);
    }
    await completeWorkOrder(ctx.db, store.id, ids[1]!);
    const page1 = await listWorkOrders(ctx.db, store.id, { limit: 2 });
    expect(page1.items.map((w) => w.id)).toEqual([ids[2], ids[1]]);
    const page2 = await listWorkOrders(ctx.db, store.id, { limit: 2, cursor: page1.nextCursor! });
    expect(page2).toEqual({
      items: [expect.objectContaining({ id: ids[0], sku: 'GIFT' })],
      nextCursor: null,
    });
    expect((await listWorkOrders(ctx.db, store.id, { status: 'completed' })).items.map((w) => w.id)).toEqual([
      ids[1],
    ]);
  });
});
