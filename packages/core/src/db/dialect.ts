import { PostgresAdapter, type QueryExecutor, sql } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Which SQL dialect a Kysely instance (or transaction) talks to. */
export function dialectOf(db: { getExecutor(): QueryExecutor }): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** SQL `greatest`/`max` of two values: SQLite's scalar max() is PostgreSQL's greatest(). */
export function greatestFn(dialect: DialectName) {
  return dialect === 'postgres' ? sql.raw('greatest') : sql.raw('max');
}
