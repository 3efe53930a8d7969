import { dialectOf } from '@ballast/core';
import { getMigrations } from 'better-auth/db/migration';
import { type Kysely, sql } from 'kysely';
import { registerServerMigration } from '../db/server-migrations.ts';
import { betterAuthOptions } from './better-auth-options.ts';

/*
 * Importing this module registers the auth tables with the server migrations (`migrateServer`).
 *
 * better-auth creates its own tables (users, sessions, accounts, verifications) from its schema with its
 * programmatic migrator, inside our migration so the migration log records it. Its migrator diffs the live
 * schema: when an upgrade of better-auth changes its schema, register another migration that runs
 * `syncBetterAuthSchema` again.
 */

/** Creates or completes better-auth's tables to match the installed version's schema. */
export async function syncBetterAuthSchema(db: Kysely<unknown>): Promise<void> {
  // The secret signs nothing here; the schema does not depend on it.
  const options = betterAuthOptions(db.withoutPlugins(), dialectOf(db), { secret: 'schema-only' });
  const { runMigrations } = await getMigrations(options);
  await runMigrations();
}

registerServerMigration('0003-auth-better-auth', { up: syncBetterAuthSchema });

registerServerMigration('0004-auth-user-stores', {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('user_stores')
      .addColumn('user_id', 'text', (c) => c.notNull().references('auth_users.id').onDelete('cascade'))
      .addColumn('store_id', 'bigint', (c) => c.notNull().references('stores.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'member')`))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_stores_pk', ['user_id', 'store_id'])
      .execute();
    await db.schema.createIndex('user_stores_store').on('user_stores').column('store_id').execute();
  },
});
