import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Db } from '../../src/index.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../src/testing/index.ts';
import { opCommands } from './support/commands.ts';
import { newReal } from './support/execute.ts';
import { StoreModel } from './support/model.ts';
import { runs } from './support/runs.ts';
import { createWorld } from './support/world.ts';

/**
 * Property 2: random interleavings of orders, receipts, work orders, adjustments, uploads and feed snapshots
 * never lose or double-count stock. A small in-memory model predicts every outcome, including refusals
 * (over-shipment, negative stock, wrong state, kits where stock is needed, duplicate positions).
 */
for (const dialect of DIALECTS) {
  describe(`model-based ledger [${dialect}]`, () => {
    let t: TestDatabase;
    let db: Db;
    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      db = t.db;
    });
    afterAll(() => t.drop());

    it('agrees with the model after every command, in stores with and without negative stock', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.boolean(),
          fc.commands(opCommands(), { maxCommands: dialect === 'postgres' ? 20 : 40, size: 'max' }),
          async (allowNegative, commands) => {
            const setup = async () => ({
              model: new StoreModel(allowNegative),
              real: newReal(db, await createWorld(db, allowNegative)),
            });
            await fc.asyncModelRun(setup, commands);
          },
        ),
        { numRuns: runs(dialect, { sqlite: 60, postgres: 25 }) },
      );
    });
  });
}
