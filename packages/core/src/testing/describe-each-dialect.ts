import { afterAll, beforeAll, describe } from 'vitest';
import type { Db } from '../db/connect.ts';
import type { DialectName } from '../db/dialect.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from './test-databases.ts';

/** What a block of storage tests gets: its dialect and a database of its own. */
export interface DialectContext {
  readonly dialect: DialectName;
  /** A fresh, migrated database, created before the block's first test and dropped after its last. */
  readonly db: Db;
}

/**
 * Declares the block `body` once per dialect (`name [sqlite]`, `name [postgres]`), each with its own test
 * database. `ctx.db` is there in hooks and tests, not while the block is being declared.
 *
 * @example
 * describeEachDialect('ledger', (ctx) => {
 *   it('starts empty', async () => {
 *     expect(await ctx.db.selectFrom('movements').selectAll().execute()).toEqual([]);
 *   });
 * });
 */
export function describeEachDialect(name: string, body: (ctx: DialectContext) => void): void {
  for (const dialect of DIALECTS) {
    describe(`${name} [${dialect}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(dialect);
      });
      afterAll(() => database?.drop());
      body({
        dialect,
        get db() {
          if (!database)
            throw new Error('ctx.db is created before the first test: use it in hooks and tests');
          return database.db;
        },
      });
    });
  }
}
