import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  adjustStock,
  createLocation,
  type Db,
  getAdjustment,
  InsufficientStockError,
  NotFoundError,
  recordMovements,
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
  seed,
  storeState,
} from './support/stock-fixtures.ts';

describeEachDialect('adjustments', (ctx) => {
  async function setup(allowNegative = false) {
    const store = await newStore(ctx.db, allowNegative);
    const loc = store.defaultLocationId;
    const a = await newProduct(ctx.db, store.id, 'A');
    const b = await newProduct(ctx.db, store.id, 'B');
    const kit = await newProduct(ctx.db, store.id, 'KIT', 'kit', [{ sku: 'A', quantity: 2 }]);
    await seed(ctx.db, store.id, a, loc, 10);
    return { store, loc, a, b, kit };
  }

  it('sets counted quantities and applies deltas, reporting before and after per line', async () => {
    const { store, loc, a, b } = await setup();
    const back = await createLocation(ctx.db, store.id, { name: 'Back room' });
    const adjustment = await adjustStock(ctx.db, store.id, {
      reason: 'cycle count',
      note: 'aisle 4',
      lines: [
        { sku: 'A', set: 7 },
        { sku: 'B', delta: 5 },
        { sku: 'A', locationId: back.id, set: 3 },
      ],
    });
    expect(adjustment).toMatchObject({ storeId: store.id, reason: 'cycle count', note: 'aisle 4' });
    expect(adjustment.lines).toEqual([
      {
        sku: 'A',
        productId: a,
        locationId: loc,
        mode: 'set',
        quantity: 7,
        before: 10,
        after: 7,
        delta: -3,
      },
      {
        sku: 'B',
        productId: b,
        locationId: loc,
        mode: 'delta',
        quantity: 5,
        before: 0,
        after: 5,
        delta: 5,
      },
      {
        sku: 'A',
        productId: a,
        locationId: back.id,
        mode: 'set',
        quantity: 3,
        before: 0,
        after: 3,
        delta: 3,
      },
    ]);
    expect(await quantityOf(ctx.db, a, loc)).toEqual({ onHand: 7, committed: 0, incoming: 0 });
    expect(await quantityOf(ctx.db, a, back.id)).toEqual({ onHand: 3, committed: 0, incoming: 0 });
    expect(await quantityOf(ctx.db, b, loc)).toEqual({ onHand: 5, committed: 0, incoming: 0 });
    expect(await movementsOf(ctx.db, store.id, 'adjustment', String(adjustment.id))).toEqual([
      [a, 'on_hand', -3],
      [b, 'on_hand', 5],
      [a, 'on_hand', 3],
    ]);
    const row = await ctx.db
      .selectFrom('adjustments')
      .select(['reason', 'note'])
      .where('id', '=', adjustment.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ reason: 'cycle count', note: 'aisle 4' });

    const same = await adjustStock(ctx.db, store.id, { reason: 'recount', lines: [{ sku: 'A', set: 7 }] });
    expect(same.lines[0]).toMatchObject({ before: 7, after: 7, delta: 0 });
    expect(await movementsOf(ctx.db, store.id, 'adjustment', String(same.id))).toEqual([]);
  });

  it('keeps every line of an adjustment larger than one insert statement, in order', async () => {
    const { store } = await setup();
    const count = 1_000; // MAX_LINES: two statements of lines
    const at = Date.now();
    await ctx.db
      .insertInto('products')
      .values(
        Array.from({ length: count }, (_, i) => ({
          storeId: store.id,
          sku: `MANY-${i}`,
          name: `Many ${i}`,
          kind: 'simple' as const,
          autoSync: 0 as const,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .execute();
    const adjustment = await adjustStock(ctx.db, store.id, {
      reason: 'opening stock',
      lines: Array.from({ length: count }, (_, i) => ({ sku: `MANY-${i}`, delta: i + 1 })),
    });
    const stored = await getAdjustment(ctx.db, store.id, adjustment.id);
    expect(stored.lines).toHaveLength(count);
    expect(stored.lines).toEqual(adjustment.lines);
    expect(stored.lines.map((l) => l.sku)).toEqual(adjustment.lines.map((_, i) => `MANY-${i}`));
    expect(stored.lines[count - 1]).toMatchObject({
      mode: 'delta',
      quantity: count,
      before: 0,
      after: count,
    });
  });

  it('refuses bad lines with typed errors and field paths, writing nothing', async () => {
    const { store } = await setup();
    const other = await newStore(ctx.db);
    const line = { sku: 'A', delta: 1 };
    const cases: Refusal[] = [
      [{ reason: 'r', lines: [{ sku: 'A', set: 1, delta: 1 }] }, ValidationError, ['lines', 0, 'set']],
      [{ reason: 'r', lines: [line, { sku: 'A' }] }, ValidationError, ['lines', 1, 'set']],
      [{ reason: 'r', lines: [{ sku: 'A', delta: 0 }] }, ValidationError, ['lines', 0, 'delta']],
      [{ reason: 'r', lines: [{ sku: 'A', delta: 1.5 }] }, ValidationError, ['lines', 0, 'delta']],
      [{ reason: 'r', lines: [{ sku: 'A', set: -1 }] }, ValidationError, ['lines', 0, 'set']],
      [{ reason: ' ', lines: [line] }, ValidationError, ['reason']],
      [{ lines: [line] }, ValidationError, ['reason']],
      [{ reason: 'r', lines: [] }, ValidationError, ['lines']],
      [{ reason: 'r', lines: Array.from({ length: 1001 }, () => line) }, ValidationError, ['lines']],
      [{ reason: 'r', lines: [line, { sku: 'KIT', delta: 1 }] }, ValidationError, ['lines', 1, 'sku']],
      [{ reason: 'r', lines: [{ sku: 'NOPE', delta: 1 }] }, ValidationError, ['lines', 0, 'sku']],
      [{ reason: 'r', lines: [line, { sku: 'A', set: 4 }] }, ValidationError, ['lines', 1]],
      [
        { reason: 'r', lines: [line, { sku: 'B', locationId: other.defaultLocationId, delta: 1 }] },
        NotFoundError,
        ['lines', 1, 'locationId'],
      ],
    ];
    await expectEachRejectedWithoutWrites(
      ctx.db,
      store.id,
      (input) => adjustStock(ctx.db, store.id, input),
      cases,
    );
  });

  it('follows the store negative-stock setting', async () => {
    const strict = await setup(false);
    await expectRejectedWithoutWrites(
      ctx.db,
      strict.store.id,
      () =>
        adjustStock(ctx.db, strict.store.id, {
          reason: 'damaged',
          lines: [
            { sku: 'B', delta: 2 },
            { sku: 'A', delta: -11 },
          ],
        }),
      { type: InsufficientStockError, path: ['lines', 1] },
    );
    const lax = await setup(true);
    const result = await adjustStock(ctx.db, lax.store.id, {
      reason: 'damaged',
      lines: [{ sku: 'A', delta: -11 }],
    });
    expect(result.lines[0]).toMatchObject({ before: 10, after: -1 });
    expect(await quantityOf(ctx.db, lax.a, lax.loc)).toMatchObject({ onHand: -1 });
  });

  it('replays an idempotency key without a second write', async () => {
    const { store, loc, a } = await setup();
    const input = { reason: 'found', lines: [{ sku: 'A', delta: 2 }] };
    const first = await adjustStock(ctx.db, store.id, input, { idempotencyKey: 'adj-1' });
    const before = await storeState(ctx.db, store.id);
    expect(await adjustStock(ctx.db, store.id, input, { idempotencyKey: 'adj-1' })).toEqual(first);
    expect(await storeState(ctx.db, store.id)).toEqual(before);
    expect(await quantityOf(ctx.db, a, loc)).toMatchObject({ onHand: 12 });
  });

  it('concurrent set-to adjustments each start from the committed quantity', async () => {
    const { store, loc, a } = await setup();
    let current = 10;
    for (const target of [7, 3, 9, 0]) {
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          adjustStock(ctx.db, store.id, { reason: 'count', lines: [{ sku: 'A', set: target }] }),
        ),
      );
      expect(await quantityOf(ctx.db, a, loc)).toMatchObject({ onHand: target });
      // Exactly one of them moved stock; the others saw its result and changed nothing.
      expect(results.filter((r) => r.lines[0]!.delta !== 0).map((r) => r.lines[0]!.delta)).toEqual([
        target - current,
      ]);
      current = target;
    }
  });

  // Found by the concurrent-interleavings property: an adjustment locked its set-to rows first and took
  // its delta rows later, out of the ledger's (product, location) order, and deadlocked with a cancel.
  it.runIf(ctx.dialect === 'postgres')(
    'takes its rows in the ledger’s lock order, so it cannot deadlock with another stock change',
    async () => {
      const { store, loc, a, b } = await setup();
      expect(a).toBeLessThan(b);
      const movement = (productId: number) => ({
        storeId: store.id,
        cause: { type: 'adjustment' as const, ref: 'other' },
        movements: [{ productId, locationId: loc, bucket: 'committed' as const, delta: 1 }],
      });
      let adjusted: Promise<unknown> = Promise.resolve();
      await ctx.db.transaction().execute(async (trx) => {
        // Another stock change takes A, then B: the order every ledger write takes rows in.
        await recordMovements(trx, movement(a));
        // The adjustment counts B and moves A; it must wait for A before it takes B.
        adjusted = adjustStock(ctx.db, store.id, {
          reason: 'count',
          lines: [
            { sku: 'A', delta: 1 },
            { sku: 'B', set: 4 },
          ],
        }).catch((error: unknown) => error);
        await untilSomeoneWaitsForALock(ctx.db);
        await recordMovements(trx, movement(b));
      });
      expect(await adjusted).toMatchObject({ reason: 'count' });
      expect(await quantityOf(ctx.db, a, loc)).toMatchObject({ onHand: 11, committed: 1 });
      expect(await quantityOf(ctx.db, b, loc)).toMatchObject({ onHand: 4, committed: 1 });
    },
  );

  it('marks the adjusted product and the kits containing it dirty', async () => {
    const { store, a, kit } = await setup();
    const channel = await autoSyncChannel(ctx.db, store.id, [a, kit]);
    const adjustment = await adjustStock(ctx.db, store.id, {
      reason: 'count',
      lines: [{ sku: 'A', set: 1 }],
    });
    expect(await dirtyPairs(ctx.db, store.id)).toEqual([
      {
        channelId: channel,
        productId: a,
        lastCauseType: 'adjustment',
        lastCauseRef: String(adjustment.id),
      },
      {
        channelId: channel,
        productId: kit,
        lastCauseType: 'adjustment',
        lastCauseRef: String(adjustment.id),
      },
    ]);
  });
});

/** Resolves once a session of this PostgreSQL database waits for a lock held by another. */
async function untilSomeoneWaitsForALock(db: Db): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no session ever waited for a lock');
}
