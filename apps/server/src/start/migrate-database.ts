import { type Db, dialectOf, migrateToLatest } from '@ballast/core';
import type { Kysely } from 'kysely';
import { migrateServer } from '../db/server-migrations.ts';
// Modules that register server migrations when imported: every process that migrates must know them all,
// or Kysely refuses a database another process migrated further ("previously executed migration missing").
import '../app.ts';
import './job-lease.ts';

/**
 * Brings core's schema and the server's tables up to date. Safe on every start and from several processes at
 * once: PostgreSQL serialises migrators with a lock; SQLite's file lock can make a second process fail its
 * first try, so a failed attempt is retried after the other process is done.
 */
export async function migrateDatabase(db: Db): Promise<void> {
  const attempts = dialectOf(db) === 'sqlite' ? 5 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(db as unknown as Kysely<unknown>);
      await migrateServer(db);
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
