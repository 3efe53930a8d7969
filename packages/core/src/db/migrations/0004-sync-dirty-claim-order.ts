import type { Kysely } from 'kysely';

/**
 * The outbox can hold a pair for every product of a store (turning Auto Sync on for a million products):
 * - claiming takes a channel's oldest marks first; `(channel_id, first_marked_at, product_id)` hands them
 *   over in that order, so a claim reads one batch instead of sorting the channel's whole backlog;
 * - the loop asks many times a second whether a channel has anything due; `(channel_id, not_before)` answers
 *   with one probe instead of counting the backlog.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('sync_dirty_claim_order')
    .on('sync_dirty')
    .columns(['channel_id', 'first_marked_at', 'product_id'])
    .execute();
  await db.schema
    .createIndex('sync_dirty_channel_due')
    .on('sync_dirty')
    .columns(['channel_id', 'not_before'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sync_dirty_channel_due').execute();
  await db.schema.dropIndex('sync_dirty_claim_order').execute();
}
