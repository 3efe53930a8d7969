import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { createSqliteDialect, WRITE_LOCK_TIMEOUT_MS } from './sqlite-dialect.ts';
import { withStatementCache } from './statement-cache.ts';

export type Db = Kysely<Database>;

export interface OpenedDatabase {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Run migrations before returning (default true). */
  migrate?: boolean;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /**
   * SQLite: open a read-only connection (no migrations) for reads that must not queue behind the writer
   * connection's transactions; WAL lets it read beside the writer. PostgreSQL's pool serves reads beside
   * writes already, so there this only skips migrations.
   */
  readOnly?: boolean;
  /**
   * SQLite: checkpoints run elsewhere (the server's WAL checkpointer thread), so this connection's commits do
   * not stop to copy the WAL into the database and wait for its fsyncs. It still checkpoints itself once the
   * WAL reaches BACKSTOP_CHECKPOINT_PAGES, should that checkpointer be gone.
   */
  backgroundCheckpoints?: boolean;
  /**
   * SQLite: shared by the connections the process's threads open (createWriteLockReleaseBuffer), so a
   * transaction waiting for the write lock begins as soon as another of them releases it (WriteLockRelease).
   */
  writeLockRelease?: SharedArrayBuffer;
}

/** Pages (~200 MB) after which a connection with background checkpoints checkpoints the WAL itself. */
export const BACKSTOP_CHECKPOINT_PAGES = 50_000;

/**
 * Opens the database named by a URL: `postgres://...` (or `postgresql://`) for PostgreSQL, anything else is a
 * SQLite file path (`sqlite:` prefix optional, `:memory:` allowed).
 *
 * @example
 * const { db, close } = await openDatabase('sqlite:./data/ballast.db');
 */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const opened = /^postgres(ql)?:\/\//.test(url) ? openPostgres(url, options) : openSqlite(url, options);
  if (options.migrate !== false && !options.readOnly) {
    try {
      await migrateToLatest(opened.db as Kysely<unknown>);
    } catch (error) {
      await opened.close();
      throw error;
    }
  }
  return opened;
}

/**
 * Settings every SQLite connection gets, in order (exported so a benchmark's raw baseline can match them).
 * - WAL lets readers run beside the writer; NORMAL sync is durable across process crashes (not power loss).
 * - Temporary tables and sorts stay in memory (bulk changes hold their id sets in one).
 * - A checkpoint (copying the WAL into the database, with two fsyncs) runs after 10,000 WAL pages (~40 MB)
 *   rather than SQLite's default 1,000: with small transactions those fsyncs were most of a ledger
 *   operation's time (bench/ledger-ops). The WAL file is cut back to 64 MB after a large transaction.
 */
export const SQLITE_PRAGMAS: readonly string[] = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'foreign_keys = ON',
  `busy_timeout = ${WRITE_LOCK_TIMEOUT_MS}`,
  'temp_store = MEMORY',
  'wal_autocheckpoint = 10000',
  'journal_size_limit = 67108864',
];

function openSqlite(url: string, options: OpenOptions): OpenedDatabase {
  const file = url.replace(/^sqlite:(\/\/)?/, '') || ':memory:';
  const sqlite = new SQLite(file, { readonly: options.readOnly === true });
  // A read-only connection cannot set the journal mode; the writer's WAL applies to it anyway.
  const pragmas = options.readOnly
    ? SQLITE_PRAGMAS.filter((p) => !p.startsWith('journal_mode'))
    : SQLITE_PRAGMAS;
  for (const pragma of pragmas) sqlite.pragma(pragma);
  if (options.backgroundCheckpoints) sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  const db = new Kysely<Database>({
    dialect: createSqliteDialect(
      sqlite,
      { database: withStatementCache(sqlite) },
      { ...(options.writeLockRelease && { releaseSignal: options.writeLockRelease }) },
    ),
    plugins: [new CamelCasePlugin()],
  });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

// int8 (bigserial ids, bigint times, count(*)) arrives as a string by default; our values fit in a double.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC)
      return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

function openPostgres(url: string, options: OpenOptions): OpenedDatabase {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types: pgTypes });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
