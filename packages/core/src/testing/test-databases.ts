import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type OpenedDatabase, openDatabase } from '../db/connect.ts';
import type { DialectName } from '../db/dialect.ts';

/** Every storage test runs once per dialect, in one loop. */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/** Server that test databases are created on; each test run makes its own database and drops it afterwards. */
export const TEST_PG_ADMIN_URL = process.env.BALLAST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends OpenedDatabase {
  /** The URL the database was opened with (a file path or postgres:// URL), for starting other processes on it. */
  url: string;
  /** Closes the connection and deletes the database. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database. SQLite lives in memory unless `file` is given; PostgreSQL gets a new database
 * named `ballast_test_<random>` that `drop()` removes.
 */
export async function createTestDatabase(
  dialect: DialectName,
  options: { file?: string } = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const url = options.file ?? ':memory:';
    const opened = await openDatabase(url);
    return { ...opened, url, drop: opened.close };
  }
  const name = `ballast_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = withDatabase(TEST_PG_ADMIN_URL, name);
  const opened = await openDatabase(url, { poolSize: 5 });
  return {
    ...opened,
    url,
    async drop() {
      await opened.close();
      await waitForDisconnect(name);
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * pg's pool.end() resolves before its clients' sockets are closed; a forced drop would then kill those
 * sessions and their clients would throw an uncaught "terminating connection" error into the test run.
 */
async function waitForDisconnect(database: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [database],
      );
      if (rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
