import { type Db, dialectOf } from '@ballast/core';
import { type Kysely, type Migration, Migrator, sql } from 'kysely';

/** The server's own tables (auth), kept apart from core's domain schema with their own migration log. */
const migrations: Record<string, Migration> = {
  '0001-api-tokens': {
    async up(db: Kysely<unknown>) {
      const pg = dialectOf(db) === 'postgres';
      await db.schema
        .createTable('api_tokens')
        .addColumn('id', pg ? sql`bigserial` : sql`integer`, (c) =>
          pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('store_id', 'bigint', (c) => c.notNull().references('stores.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        // SHA-256 of the secret: a leaked table does not leak usable tokens.
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema.createIndex('api_tokens_store').on('api_tokens').column('store_id').execute();
    },
  },
  '0002-http-idempotency': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('http_idempotency')
        .addColumn('principal', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('status', 'integer')
        .addColumn('body', 'text')
        .addColumn('content_type', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('http_idempotency_pk', ['principal', 'key'])
        .execute();
    },
  },
};

export async function migrateServer(db: Db): Promise<void> {
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'ballast_server_migration',
    migrationLockTableName: 'ballast_server_migration_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

/** Adds a migration from another module of the server (auth), before `migrateServer` runs. */
export function registerServerMigration(name: string, migration: Migration): void {
  if (migrations[name]) throw new Error(`server migration ${name} is registered twice`);
  migrations[name] = migration;
}
