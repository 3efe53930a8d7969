import fc from 'fast-check';
import { it } from 'vitest';
import { describeEachDialect } from '../../src/testing/index.ts';
import { opCommands } from './support/commands.ts';
import { newReal } from './support/execute.ts';
import { StoreModel } from './support/model.ts';
import { maxOps, runs } from './support/runs.ts';
import { createWorld } from './support/world.ts';

/**
 * Property 2: random interleavings of orders, receipts, work orders, adjustments, uploads and feed snapshots
 * never lose or double-count stock. A small in-memory model predicts every outcome, including refusals
 * (over-shipment, negative stock, wrong state, kits where stock is needed, duplicate positions).
 */

describeEachDialect('model-based ledger', (ctx) => {
  it('agrees with the model after every command, in stores with and without negative stock', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.commands(opCommands(), { maxCommands: maxOps(ctx.dialect), size: 'max' }),
        async (allowNegative, commands) => {
          const setup = async () => ({
            model: new StoreModel(allowNegative),
            real: newReal(ctx.db, await createWorld(ctx.db, allowNegative)),
          });
          await fc.asyncModelRun(setup, commands);
        },
      ),
      { numRuns: runs(ctx.dialect, { sqlite: 60, postgres: 25 }) },
    );
  });
});
