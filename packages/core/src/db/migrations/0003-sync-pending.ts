import type { Kysely } from 'kysely';

/**
 * The attempts a feed-style channel accepted and will give its verdict on later, waiting to be polled. Kept
 * apart from sync_history (which only grows) so that finding what is due stays a probe of a small table, and
 * written in the same transaction as the attempt's pending outcome, so no accepted push is forgotten.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sync_pending')
    .addColumn('history_id', 'bigint', (c) =>
      c.primaryKey().references('sync_history.id').onDelete('cascade'),
    )
    .addColumn('store_id', 'bigint', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('channel_id', 'bigint', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('product_id', 'bigint', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('accepted_at', 'bigint', (c) => c.notNull())
    .addColumn('next_poll_at', 'bigint', (c) => c.notNull())
    .addColumn('poll_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_poll_error', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'bigint')
    .execute();
  await db.schema
    .createIndex('sync_pending_due')
    .on('sync_pending')
    .columns(['channel_id', 'next_poll_at'])
    .execute();
}
