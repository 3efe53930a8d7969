import type { Kysely } from 'kysely';

/**
 * `sync_dirty (not_before)` no longer serves a query: "which channels have work" probes
 * `(channel_id, not_before)` and claims read `(channel_id, first_marked_at, product_id)` (migration 0004). Every
 * new mark inserted into it and every push's settle deleted from it, on the API's commit and the sync loop's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sync_dirty_due').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('sync_dirty_due').on('sync_dirty').columns(['not_before']).execute();
}
