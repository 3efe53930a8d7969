import type SQLite from 'better-sqlite3';
import {
  type CompiledQuery,
  createQueryId,
  type QueryResult,
  type RawBuilder,
  type SqliteDatabase,
  sql,
} from 'kysely';
import type { Db } from './connect.ts';
import { type DialectName, dialectOf } from './dialect.ts';

/**
 * Wraps a better-sqlite3 database so Kysely reuses prepared statements: Kysely prepares every query anew,
 * and for short ledger operations preparing costs as much as running. Statements are keyed by SQL text
 * (parameters are bound per run); the least recently used are dropped past `max`. Safe because Kysely runs
 * one query at a time per SQLite connection.
 */
export function withStatementCache(database: SQLite.Database, max = 4000): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        // Least recently used goes first: move a hit to the end (a Map keeps insertion order). Lists of ids
        // give one text per length, so a busy sync loop has thousands; evicting by age dropped hot ones.
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

/** Where parameter `index` goes in a prepared template. */
class Slot {
  constructor(readonly index: number) {}
}

/** Places parameter `index` of the run's parameter list; usable inside a `sql` template. */
export type SlotOf = (index: number) => unknown;

/** `count` consecutive slots from `first`, comma-separated: a prepared template's list of values. */
export function slotList(slot: SlotOf, first: number, count: number) {
  return sql.join(Array.from({ length: count }, (_, i) => slot(first + i)));
}

/**
 * `count` parenthesised tuples of `width` consecutive slots from `first`, comma-separated: the rows of a
 * multi-row VALUES list, or the keys of a `(a, b) in (...)` test.
 */
export function slotTuples(slot: SlotOf, first: number, count: number, width: number) {
  return sql.join(
    Array.from({ length: count }, (_, r) => sql`(${slotList(slot, first + r * width, width)})`),
  );
}

/** Runs a prepared template in `db` (the database or a transaction) with one shape's parameter list. */
export type PreparedQuery<Row, Shape> = (
  db: Db,
  shape: Shape,
  params: readonly unknown[],
) => Promise<QueryResult<Row>>;

interface Compiled<Row> {
  query: CompiledQuery<Row>;
  /** For each placeholder of the compiled SQL, the index of its value in the parameter list. */
  order: number[];
}

const slots: Slot[] = [];
const slotOf: SlotOf = (index) => {
  slots[index] ??= new Slot(index);
  return slots[index];
};

/**
 * A raw SQL statement built and compiled once per dialect and shape (e.g. a row count), then run with new
 * parameters: for short statements, building and compiling even a `sql` template costs more than SQLite
 * takes to run it. Values enter only through `slot(i)`, which stands for `params[i]` of each run (a slot may
 * be used many times); any other value in the template is refused, since it would be frozen into the cache.
 * Keep identifiers snake_case in the text: the template is compiled once, not per Kysely instance.
 *
 * @example
 * const touch = preparedQuery<never, number>((slot, n) =>
 *   sql`update products set updated_at = ${slot(0)}
 *     where id in (${slotList(slot, 1, n)})`);
 * await touch(trx, ids.length, [now(), ...ids]);
 */
export function preparedQuery<Row, Shape extends string | number = number>(
  build: (slot: SlotOf, shape: Shape) => RawBuilder<Row>,
  max = 64,
): PreparedQuery<Row, Shape> {
  const cache = new Map<string, Compiled<Row>>();
  return async (db, shape, params) => {
    const key = `${dialectOf(db) satisfies DialectName}:${shape}`;
    let compiled = cache.get(key);
    if (!compiled) {
      const query = build(slotOf, shape).compile(db);
      const order = query.parameters.map((p) => {
        if (!(p instanceof Slot)) throw new Error('a prepared template takes values only through slot()');
        return p.index;
      });
      compiled = { query, order };
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(key, compiled);
    }
    const { query, order } = compiled;
    const parameters = new Array<unknown>(order.length);
    for (let i = 0; i < order.length; i++) parameters[i] = params[order[i]!];
    return db.executeQuery<Row>({ ...query, parameters, queryId: createQueryId() });
  };
}
