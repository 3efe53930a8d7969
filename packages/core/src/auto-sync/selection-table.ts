import { type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { dialectOf } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';

/** Temporary, per-connection and per-transaction: it never shows up in the schema. */
const TABLE = 'auto_sync_selection';

/** The ids held in the selection table, as a subquery shaped like any product id selection. */
export type SelectedIds = SelectQueryBuilder<Database, keyof Database, { id: number }>;

/**
 * Runs `work` with the ids chosen by `fill` held in a temporary table, so a set-based statement can act on
 * "exactly the rows chosen before" after those rows changed, without loading ids into memory. Must run in a
 * transaction: on PostgreSQL the table is dropped at commit, on SQLite (one connection) at the end of `work`.
 */
export async function withSelectionTable<T, FillDb, FillTables extends keyof FillDb>(
  trx: Db,
  fill: SelectQueryBuilder<FillDb, FillTables, { id: number }>,
  work: (selected: SelectedIds) => Promise<T>,
): Promise<T> {
  const postgres = dialectOf(trx) === 'postgres';
  if (postgres) {
    await sql`create temporary table if not exists ${sql.raw(TABLE)} (id bigint primary key) on commit drop`.execute(
      trx,
    );
  } else {
    await sql`create temporary table if not exists ${sql.raw(TABLE)} (id integer primary key)`.execute(trx);
  }
  const scratch = trx.withTables<{ autoSyncSelection: { id: number } }>();
  await scratch.deleteFrom('autoSyncSelection').execute();
  await scratch.insertInto('autoSyncSelection').columns(['id']).expression(fill).execute();
  // Autovacuum never analyzes temporary tables: without this PostgreSQL plans for a guessed row count.
  if (postgres) await sql`analyze ${sql.raw(TABLE)}`.execute(trx);
  // The table is not in the schema type; as a subquery it only has to yield one `id` column. Reading it
  // directly (not through products) lets SQLite probe its primary key instead of building a copy of the set.
  const selected = scratch.selectFrom('autoSyncSelection').select('id') as unknown as SelectedIds;
  const result = await work(selected);
  if (!postgres) await sql`drop table if exists temp.${sql.raw(TABLE)}`.execute(trx);
  return result;
}
