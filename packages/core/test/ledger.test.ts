import { expect, it } from 'vitest';
import {
  createProduct,
  createStore,
  InsufficientStockError,
  recordMovements,
  runIdempotent,
  updateStore,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

describeEachDialect('ledger', (ctx) => {
  async function quantities(productId: number) {
    return ctx.db.selectFrom('quantities').selectAll().where('productId', '=', productId).execute();
  }

  it('appends movements and updates the projection in one transaction', async () => {
    const store = await createStore(ctx.db, { name: 'S' });
    const p = await createProduct(ctx.db, store.id, { sku: 'A', name: 'A' });
    await ctx.db.transaction().execute((trx) =>
      recordMovements(trx, {
        storeId: store.id,
        cause: { type: 'adjustment', ref: '1' },
        movements: [
          { productId: p.id, locationId: store.defaultLocationId, bucket: 'on_hand', delta: 10 },
          { productId: p.id, locationId: store.defaultLocationId, bucket: 'committed', delta: 3 },
        ],
      }),
    );
    const [row] = await quantities(p.id);
    expect(row).toMatchObject({ onHand: 10, committed: 3, incoming: 0 });
    const moves = await ctx.db.selectFrom('movements').selectAll().where('productId', '=', p.id).execute();
    expect(moves.map((m) => [m.bucket, m.delta])).toEqual([
      ['on_hand', 10],
      ['committed', 3],
    ]);
  });

  it('rejects negative on hand when the store forbids it, writing nothing', async () => {
    const store = await createStore(ctx.db, { name: 'S2' });
    const p = await createProduct(ctx.db, store.id, { sku: 'B', name: 'B' });
    const move = (delta: number) =>
      ctx.db.transaction().execute((trx) =>
        recordMovements(trx, {
          storeId: store.id,
          cause: { type: 'adjustment', ref: 'x' },
          movements: [{ productId: p.id, locationId: store.defaultLocationId, bucket: 'on_hand', delta }],
        }),
      );
    await move(2);
    await expect(move(-3)).rejects.toBeInstanceOf(InsufficientStockError);
    expect((await quantities(p.id))[0]?.onHand).toBe(2);
    expect(
      await ctx.db.selectFrom('movements').select('id').where('productId', '=', p.id).execute(),
    ).toHaveLength(1);
    await updateStore(ctx.db, store.id, { allowNegative: true });
    await move(-3);
    expect((await quantities(p.id))[0]?.onHand).toBe(-1);
  });

  it('replays an idempotency key without writing again', async () => {
    const store = await createStore(ctx.db, { name: 'S3' });
    const p = await createProduct(ctx.db, store.id, { sku: 'C', name: 'C' });
    const run = () =>
      runIdempotent(
        ctx.db,
        { storeId: store.id, key: 'k1', operation: 'test', request: { n: 5 } },
        async (trx) => {
          await recordMovements(trx, {
            storeId: store.id,
            cause: { type: 'adjustment', ref: 'y' },
            movements: [
              { productId: p.id, locationId: store.defaultLocationId, bucket: 'on_hand', delta: 5 },
            ],
          });
          return { applied: 5, at: Math.random() };
        },
      );
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    expect((await quantities(p.id))[0]?.onHand).toBe(5);
  });
});
