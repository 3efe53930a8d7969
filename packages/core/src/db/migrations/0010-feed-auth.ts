import type { Kysely } from 'kysely';

/**
 * Feeds behind authentication: `auth_ciphertext` holds the credentials a feed's pulls send (Basic, a bearer
 * token or a header), as JSON sealed by the server's secret box like a channel's config; null = none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('feeds').addColumn('auth_ciphertext', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('feeds').dropColumn('auth_ciphertext').execute();
}
