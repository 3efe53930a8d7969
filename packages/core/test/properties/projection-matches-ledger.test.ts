import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../src/testing/index.ts';
import { expectProjectionMatchesLedger } from './support/db-state.ts';
import { attempt, newReal, prepare } from './support/execute.ts';
import { describeOp, opArbitrary } from './support/ops.ts';
import { maxOps, runs } from './support/runs.ts';
import { createWorld } from './support/world.ts';

/**
 * Property 1: the quantity projection always equals the sum of the ledger. After any sequence of operations
 * (accepted or refused), for every (product, location) each of on hand, committed and incoming equals
 * SUM(delta) of that bucket's movements.
 */

describeEachDialect('projection vs ledger', (ctx) => {
  it('quantities equal SUM(movements.delta) per bucket after every operation', async () => {
    let accepted = 0;
    let attempted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(opArbitrary(), { minLength: 1, maxLength: maxOps(ctx.dialect), size: 'max' }),
        async (allowNegative, ops) => {
          const real = newReal(ctx.db, await createWorld(ctx.db, allowNegative));
          for (const [i, op] of ops.entries()) {
            const call = prepare(real, op);
            if (!call) continue;
            attempted += 1;
            if ((await attempt(call)).ok) accepted += 1;
            await expectProjectionMatchesLedger(ctx.db, real.world, `after step ${i}: ${describeOp(op)}`);
          }
        },
      ),
      { numRuns: runs(ctx.dialect, { sqlite: 80, postgres: 25 }) },
    );
    // Guards against a generator that only produces refused operations (which would prove little). A share,
    // not a count: the number of operations per run is itself random.
    expect(accepted).toBeGreaterThan(attempted / 4);
  });
});
