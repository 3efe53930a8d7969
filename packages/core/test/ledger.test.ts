import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProduct,
  createStore,
  type Db,
  InsufficientStockError,
  recordMovements,
  runIdempotent,
  updateStore,
} from '../src/index.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../src/testing/index.ts';

for (const dialect of DIALECTS) {
  describe(`ledger [${dialect}]`, () => {
    let t: TestDatabase;
    let db: Db;
    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      db = t.db;
    });
    afterAll(() => t.drop());

    async function quantities(productId: number) {
      return db.selectFrom('quantities').selectAll().where('productId', '=', productId).execute();
    }

    it('appends movements and updates the projection in one transaction', async () => {
      const store = await createStore(db, { name: 'S' });
      const p = await createProduct(db, store.id, { sku: 'A', name: 'A' });
      await db.transaction().execute((trx) =>
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
      const moves = await db.selectFrom('movements').selectAll().where('productId', '=', p.id).execute();
      expect(moves.map((m) => [m.bucket, m.delta])).toEqual([
        ['on_hand', 10],
        ['committed', 3],
      ]);
    });

    it('rejects negative on hand when the store forbids it, writing nothing', async () => {
      const store = await createStore(db, { name: 'S2' });
      const p = await createProduct(db, store.id, { sku: 'B', name: 'B' });
      const move = (delta: number) =>
        db.transaction().execute((trx) =>
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
        await db.selectFrom('movements').select('id').where('productId', '=', p.id).execute(),
      ).toHaveLength(1);
      await updateStore(db, store.id, { allowNegative: true });
      await move(-3);
      expect((await quantities(p.id))[0]?.onHand).toBe(-1);
    });

    it('replays an idempotency key without writing again', async () => {
      const store = await createStore(db, { name: 'S3' });
      const p = await createProduct(db, store.id, { sku: 'C', name: 'C' });
      const run = () =>
        runIdempotent(
          db,
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
}
