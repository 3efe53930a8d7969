import type { Kysely } from 'kysely';

/**
 * What the sync engine learnt from a `lookupListings` call that found nothing: the channel has no item with
 * this product's SKU. Kept per (channel, product) so that a product the channel does not sell is not looked
 * up again on every quantity change (rate-limited channels spend the merchant's budget on each call); in the
 * database, so it survives restarts and every worker shares it. `sku` is the SKU that was looked up: a
 * product whose SKU changed since does not match its row and is looked up again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('listing_lookup_misses')
    .addColumn('channel_id', 'bigint', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('product_id', 'bigint', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('store_id', 'bigint', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('looked_up_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('listing_lookup_misses_pk', ['channel_id', 'product_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('listing_lookup_misses').execute();
}
