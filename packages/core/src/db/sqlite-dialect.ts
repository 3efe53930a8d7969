import { setTimeout as sleep } from 'node:timers/promises';
import type SQLite from 'better-sqlite3';
import { type DatabaseConnection, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from 'kysely';
import { WriteLockRelease } from './write-lock-release.ts';

/** How long a transaction waits for the write lock before it fails with SQLITE_BUSY (as `busy_timeout`). */
export const WRITE_LOCK_TIMEOUT_MS = 5_000;

/** Pauses between tries for the write lock: the first at once (next turn of the event loop), then short. */
const RETRY_PAUSES_MS = [0, 1, 1, 1, 2, 2, 5];
const LONGEST_PAUSE_MS = 10;

export interface LockWaitOptions {
  /** How long a transaction waits for the write lock before it fails with SQLITE_BUSY. */
  lockTimeoutMs?: number;
  /**
   * Shared with the process's other connections (createWriteLockReleaseBuffer): a waiting transaction tries
   * again as soon as one of them releases the lock, the pauses being only the longest waits.
   */
  releaseSignal?: SharedArrayBuffer;
  /** Every pause between tries (tests); default: short pauses growing to 10 ms. */
  pauseMs?: number;
}

/**
 * Kysely's SQLite dialect, with transactions that wait for the write lock without blocking the thread.
 *
 * Another connection may hold the lock: the sync loop's thread, a worker process, a CLI import. SQLite's own
 * busy handler (`busy_timeout`) sleeps inside the call, which freezes the whole event loop: no request is read
 * or answered meanwhile, and under load every such wait became a latency spike. Here BEGIN IMMEDIATE is tried
 * with the busy timeout at 0 and, while it answers SQLITE_BUSY, tried again after a pause on a timer, so the
 * thread keeps serving (requests that arrive meanwhile join the next group commit). BEGIN IMMEDIATE, not a
 * deferred BEGIN: a transaction that reads and then writes would fail at once with SQLITE_BUSY_SNAPSHOT when
 * another connection wrote in between; taking the write lock up front avoids that. Statements outside a
 * transaction keep SQLite's busy timeout. With a `releaseSignal` shared by the process's connections, a wait
 * ends as soon as one of them commits or rolls back (see WriteLockRelease).
 */
export function createSqliteDialect(
  sqlite: SQLite.Database,
  config: SqliteDialectConfig,
  options: LockWaitOptions = {},
): SqliteDialect {
  return new (class extends SqliteDialect {
    override createDriver() {
      return new LockWaitingDriver(config, sqlite, options);
    }
  })(config);
}

class LockWaitingDriver extends SqliteDriver {
  readonly #beginImmediate: SQLite.Statement;
  readonly #sqlite: SQLite.Database;
  readonly #lockTimeoutMs: number;
  readonly #release: WriteLockRelease | undefined;
  readonly #pauseMs: number | undefined;

  constructor(config: SqliteDialectConfig, sqlite: SQLite.Database, options: LockWaitOptions) {
    super(config);
    this.#lockTimeoutMs = options.lockTimeoutMs ?? WRITE_LOCK_TIMEOUT_MS;
    this.#release = options.releaseSignal && new WriteLockRelease(options.releaseSignal);
    this.#pauseMs = options.pauseMs;
    this.#beginImmediate = sqlite.prepare('begin immediate');
    this.#sqlite = sqlite;
  }

  override async beginTransaction(_connection: DatabaseConnection): Promise<void> {
    const giveUpAt = Date.now() + this.#lockTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      const releases = this.#release?.count ?? 0;
      if (this.#tryBegin()) return;
      if (Date.now() >= giveUpAt) throw busyError(this.#lockTimeoutMs);
      const pauseMs = this.#pauseMs ?? RETRY_PAUSES_MS[attempt] ?? LONGEST_PAUSE_MS;
      await (this.#release && pauseMs > 0 ? this.#release.waitAfter(releases, pauseMs) : pause(pauseMs));
    }
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.commitTransaction(connection);
    } finally {
      this.#release?.raise();
    }
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.rollbackTransaction(connection);
    } finally {
      this.#release?.raise();
    }
  }

  /**
   * One try for the write lock, without SQLite's sleeping busy handler. (The pragma acts when it is compiled,
   * so it cannot be a statement prepared once.)
   */
  #tryBegin(): boolean {
    this.#sqlite.exec('pragma busy_timeout = 0');
    try {
      this.#beginImmediate.run();
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw error;
    } finally {
      this.#sqlite.exec(`pragma busy_timeout = ${WRITE_LOCK_TIMEOUT_MS}`);
    }
  }
}

/** The next turn of the event loop for 0, else a timer. */
function pause(ms: number): Promise<void> {
  return ms === 0 ? new Promise((resolve) => setImmediate(resolve)) : sleep(ms);
}

function busyError(waitedMs: number): Error {
  const error = new Error(`database is locked (waited ${waitedMs} ms for the write lock)`);
  return Object.assign(error, { code: 'SQLITE_BUSY' });
}
