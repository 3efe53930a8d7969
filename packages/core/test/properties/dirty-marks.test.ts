import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Db } from '../../src/index.ts';
import { describeEachDialect } from '../../src/testing/index.ts';
import { ancestorsOf, kitsContaining, type Sku } from './support/catalogue.ts';
import { dirtyRows, projection } from './support/db-state.ts';
import { attempt, newReal, prepare } from './support/execute.ts';
import { describeOp, opArbitrary } from './support/ops.ts';
import { maxOps, runs } from './support/runs.ts';
import type { World } from './support/world.ts';
import { createWorld } from './support/world.ts';

interface Totals {
  /** on hand - committed over every location: what the store's one channel counts. */
  available: number;
  onHand: number;
  committed: number;
}

async function totalsBySku(db: Db, world: World): Promise<Map<Sku, Totals>> {
  const totals = new Map<Sku, Totals>();
  for (const [k, s] of await projection(db, world.storeId)) {
    const sku = world.skuOf.get(Number(k.split('@')[0]))!;
    const t = totals.get(sku) ?? { available: 0, onHand: 0, committed: 0 };
    totals.set(sku, {
      available: t.available + s.onHand - s.committed,
      onHand: t.onHand + s.onHand,
      committed: t.committed + s.committed,
    });
  }
  return totals;
}

/** SKUs whose totals differ between two readings, by one field. */
function changed(before: Map<Sku, Totals>, after: Map<Sku, Totals>, field: keyof Totals): Sku[] {
  const skus = new Set([...before.keys(), ...after.keys()]);
  return [...skus].filter((sku) => (before.get(sku)?.[field] ?? 0) !== (after.get(sku)?.[field] ?? 0));
}

async function positionsMoved(db: Db, world: World, before: Awaited<ReturnType<typeof projection>>) {
  const after = await projection(db, world.storeId);
  const moved = new Set<Sku>();
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const [b, a] = [before.get(k), after.get(k)];
    if ((b?.onHand ?? 0) !== (a?.onHand ?? 0) || (b?.committed ?? 0) !== (a?.committed ?? 0))
      moved.add(world.skuOf.get(Number(k.split('@')[0]))!);
  }
  return moved;
}

/**
 * Property 5: every quantity change marks the affected (product, channel) pairs dirty in the same
 * transaction. With one active channel and Auto Sync on for every product: after an accepted operation,
 * every product whose available changed, and every kit containing it, has a dirty mark for the channel;
 * nothing outside the products whose on hand or committed moved (and the products built from them) is
 * marked; a refused operation marks nothing.
 */

describeEachDialect('dirty marks', (ctx) => {
  it('marks every product whose available changed and its kits, and nothing on refusal', async () => {
    let marked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(opArbitrary(), { minLength: 1, maxLength: maxOps(ctx.dialect), size: 'max' }),
        async (allowNegative, ops) => {
          const world = await createWorld(ctx.db, allowNegative);
          const real = newReal(ctx.db, world);
          const skuOf = (productId: number) => world.skuOf.get(productId)!;
          for (const [i, op] of ops.entries()) {
            const call = prepare(real, op);
            if (!call) continue;
            const when = `step ${i}: ${describeOp(op)}`;
            // Each step starts clean, as if the sync engine had pushed everything.
            await ctx.db.deleteFrom('syncDirty').where('storeId', '=', world.storeId).execute();
            const positions = await projection(ctx.db, world.storeId);
            const before = await totalsBySku(ctx.db, world);
            const outcome = await attempt(call);
            const rows = await dirtyRows(ctx.db, world.storeId);
            if (!outcome.ok) {
              expect(rows, `a refused ${when} marks nothing`).toEqual([]);
              continue;
            }
            expect(new Set(rows.map((r) => r.channelId)), when).toEqual(
              new Set(rows.length ? [world.channelId] : []),
            );
            const dirty = new Set(rows.map((r) => skuOf(r.productId)));
            const after = await totalsBySku(ctx.db, world);
            const required = changed(before, after, 'available').flatMap((sku) => [
              sku,
              ...kitsContaining(sku),
            ]);
            expect([...dirty], `dirty after ${when}`).toEqual(expect.arrayContaining([...new Set(required)]));
            const moved = await positionsMoved(ctx.db, world, positions);
            const allowed = new Set([...moved].flatMap((sku) => [sku, ...ancestorsOf(sku)]));
            for (const sku of dirty) expect(allowed.has(sku), `${sku} marked after ${when}`).toBe(true);
            marked += dirty.size;
          }
        },
      ),
      { numRuns: runs(ctx.dialect, { sqlite: 60, postgres: 20 }) },
    );
    expect(marked).toBeGreaterThan(50);
  });
});
