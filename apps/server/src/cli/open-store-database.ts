import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type OpenedDatabase, openDatabase } from '@ballast/core';
import type { Config } from '../config.ts';
import { migrateDatabase } from '../start/migrate-database.ts';

/**
 * Opens the configured database and brings it up to date (core and server migrations), so every command
 * works on a new data folder. The caller closes it.
 */
export async function openMigratedDatabase(config: Config): Promise<OpenedDatabase> {
  if (config.dialect === 'sqlite') {
    const file = config.databaseUrl.replace(/^sqlite:(\/\/)?/, '');
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  }
  const opened = await openDatabase(config.databaseUrl, { migrate: false, poolSize: 2 });
  try {
    await migrateDatabase(opened.db);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}

/** Runs `work` on the migrated database and closes it whatever happens. */
export async function withDatabase<T>(
  config: Config,
  work: (opened: OpenedDatabase) => Promise<T>,
): Promise<T> {
  const opened = await openMigratedDatabase(config);
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

/** Where the database is, for messages (a PostgreSQL URL without its password). */
export function describeDatabase(config: Config): string {
  if (config.dialect === 'sqlite') return config.databaseUrl;
  const url = new URL(config.databaseUrl);
  if (url.password) url.password = '***';
  return url.toString();
}
