import { expect, it } from 'vitest';
import { rebuildAdjustmentLines } from '../src/db/migrations/0002-adjustment-lines.ts';
import {
  type Adjustment,
  adjustStock,
  createLocation,
  getAdjustment,
  listAdjustments,
  NotFoundError,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';
import { newProduct, newStore } from './support/stock-fixtures.ts';

describeEachDialect('adjustment queries', (ctx) => {
  /** A store with products A and B and three adjustments, oldest first. */
  async function setup() {
    const store = await newStore(ctx.db);
    const a = await newProduct(ctx.db, store.id, 'A');
    const b = await newProduct(ctx.db, store.id, 'B');
    const first = await adjustStock(ctx.db, store.id, {
      reason: 'opening count',
      lines: [{ sku: 'A', set: 10 }],
    });
    const second = await adjustStock(
      ctx.db,
      store.id,
      {
        reason: 'damaged',
        note: 'dropped',
        lines: [
          { sku: 'A', delta: -2 },
          { sku: 'B', set: 4 },
        ],
      },
      { madeBy: { kind: 'token', id: '7', name: 'scanner' } },
    );
    const third = await adjustStock(ctx.db, store.id, { reason: 'found', lines: [{ sku: 'B', delta: 1 }] });
    return { store, a, b, first, second, third };
  }

  const ids = (page: { items: Adjustment[] }) => page.items.map((adjustment) => adjustment.id);

  it('lists newest first with every line, mode, quantity and who made it, as the create returned', async () => {
    const { store, a, b, first, second, third } = await setup();
    const page = await listAdjustments(ctx.db, store.id);
    expect(page).toEqual({ items: [third, second, first], nextCursor: null });
    expect(page.items[1]).toMatchObject({
      reason: 'damaged',
      note: 'dropped',
      madeBy: { kind: 'token', id: '7', name: 'scanner' },
      lines: [
        { productId: a, sku: 'A', mode: 'delta', quantity: -2, before: 10, after: 8, delta: -2 },
        { productId: b, sku: 'B', mode: 'set', quantity: 4, before: 0, after: 4, delta: 4 },
      ],
    });
    expect(page.items[2]!.madeBy).toEqual({ kind: 'system', id: null, name: null });
    expect(await getAdjustment(ctx.db, store.id, second.id)).toEqual(second);
  });

  it('pages with a keyset cursor that a new adjustment does not shift', async () => {
    const { store, first, second, third } = await setup();
    const one = await listAdjustments(ctx.db, store.id, { limit: 2 });
    expect(ids(one)).toEqual([third.id, second.id]);
    await adjustStock(ctx.db, store.id, { reason: 'late', lines: [{ sku: 'A', delta: 1 }] });
    const two = await listAdjustments(ctx.db, store.id, { limit: 2, cursor: one.nextCursor });
    expect(two).toEqual({ items: [first], nextCursor: null });
  });

  it('filters by product id or SKU (keeping whole adjustments) and by a time range', async () => {
    const { store, a, b, first, second, third } = await setup();
    expect(ids(await listAdjustments(ctx.db, store.id, { productId: a }))).toEqual([second.id, first.id]);
    expect(await listAdjustments(ctx.db, store.id, { sku: 'B' })).toEqual({
      items: [third, second],
      nextCursor: null,
    });
    // Both filters name one product: when they disagree nothing matches.
    expect(ids(await listAdjustments(ctx.db, store.id, { sku: 'B', productId: b }))).toEqual([
      third.id,
      second.id,
    ]);
    expect(ids(await listAdjustments(ctx.db, store.id, { sku: 'B', productId: a }))).toEqual([]);
    expect(ids(await listAdjustments(ctx.db, store.id, { sku: 'NOPE' }))).toEqual([]);
    expect(ids(await listAdjustments(ctx.db, store.id, { productId: b, limit: 1 }))).toEqual([third.id]);

    await ctx.db.updateTable('adjustments').set({ createdAt: 1_000 }).where('id', '=', first.id).execute();
    await ctx.db.updateTable('adjustments').set({ createdAt: 2_000 }).where('id', '=', second.id).execute();
    await ctx.db.updateTable('adjustments').set({ createdAt: 3_000 }).where('id', '=', third.id).execute();
    expect(ids(await listAdjustments(ctx.db, store.id, { from: 2_000 }))).toEqual([third.id, second.id]);
    expect(ids(await listAdjustments(ctx.db, store.id, { to: 2_000 }))).toEqual([first.id]);
    expect(ids(await listAdjustments(ctx.db, store.id, { from: 1_000, to: 3_000, sku: 'A' }))).toEqual([
      second.id,
      first.id,
    ]);
  });

  it('keeps every store to its own adjustments', async () => {
    const mine = await setup();
    const theirs = await setup();
    expect(ids(await listAdjustments(ctx.db, mine.store.id))).toEqual([
      mine.third.id,
      mine.second.id,
      mine.first.id,
    ]);
    // Another store's product id matches nothing here, even though it has adjustments there.
    expect(ids(await listAdjustments(ctx.db, mine.store.id, { productId: theirs.a }))).toEqual([]);
    await expect(getAdjustment(ctx.db, mine.store.id, theirs.first.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses bad queries and ids with typed errors on the field', async () => {
    const { store } = await setup();
    const cases: [unknown, (string | number)[]][] = [
      [{ limit: 0 }, ['limit']],
      [{ limit: 201 }, ['limit']],
      [{ productId: -1 }, ['productId']],
      [{ sku: '' }, ['sku']],
      [{ from: 5, to: 5 }, ['to']],
      [{ from: -1 }, ['from']],
      [{ cursor: 'not-a-cursor' }, ['cursor']],
      [{ status: 'open' }, []],
    ];
    for (const [query, path] of cases) {
      const error = await listAdjustments(ctx.db, store.id, query as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(query)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path)).toContainEqual(path);
    }
    for (const id of [0, -1, 1.5, Number.NaN]) {
      await expect(getAdjustment(ctx.db, store.id, id)).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(getAdjustment(ctx.db, store.id, 999_999_999)).rejects.toMatchObject({
      code: 'not_found',
      issues: [{ path: ['adjustmentId'] }],
    });
  });

  it('rebuilds the lines of adjustments made before lines were stored, from the ledger', async () => {
    const { store, a, first, second } = await setup();
    const annex = await createLocation(ctx.db, store.id, { name: 'Annex' });
    const fourth = await adjustStock(ctx.db, store.id, {
      reason: 'moved',
      lines: [{ sku: 'A', locationId: annex.id, delta: 3 }],
    });
    await ctx.db.deleteFrom('adjustmentLines').where('storeId', '=', store.id).execute();
    await rebuildAdjustmentLines(ctx.db as never);
    const rebuilt = await listAdjustments(ctx.db, store.id, { productId: a });
    // Set-tos come back as the deltas they moved; before and after are what they were.
    expect(rebuilt.items.map((adjustment) => adjustment.lines)).toEqual([
      [{ ...fourth.lines[0] }],
      [{ ...second.lines[0] }, { ...second.lines[1], mode: 'delta', quantity: 4 }],
      [{ ...first.lines[0], mode: 'delta', quantity: 10 }],
    ]);
  });
});
