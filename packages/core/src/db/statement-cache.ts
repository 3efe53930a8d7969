import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Wraps a better-sqlite3 database so Kysely reuses prepared statements: Kysely prepares every query anew,
 * and for short ledger operations preparing costs as much as running. Statements are keyed by SQL text
 * (parameters are bound per run); the least recently added are dropped past `max`. Safe because Kysely runs
 * one query at a time per SQLite connection.
 */
export function withStatementCache(database: SQLite.Database, max = 1000): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
