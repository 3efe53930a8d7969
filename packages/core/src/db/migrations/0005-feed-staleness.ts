import { type Kysely, sql } from 'kysely';

/**
 * A feed that stops delivering must not keep its old numbers on the channels:
 * - `stale_after_minutes` is the merchant's setting (null = automatic: three pull intervals for a scheduled
 *   feed, never for the rest; 0 = never), `last_applied_at` the last successful snapshot, and `stale_at` the
 *   moment the feed turns stale (null = never), kept up to date on every write so a balance asks one
 *   indexed question: `stale_at <= now`;
 * - `stale_noticed_at` says the turn to stale was already raised (its products marked dirty once);
 * - `feed_coverage` holds the (product, location) positions of the feed's last successful snapshot: the
 *   positions whose availability is unknown while the feed is stale.
 * Existing feeds take their last applied run as their last snapshot; their coverage starts at their next one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('feeds').addColumn('stale_after_minutes', 'integer').execute();
  await db.schema.alterTable('feeds').addColumn('last_applied_at', 'bigint').execute();
  await db.schema.alterTable('feeds').addColumn('stale_at', 'bigint').execute();
  await db.schema.alterTable('feeds').addColumn('stale_noticed_at', 'bigint').execute();
  await sql`update feeds set last_applied_at = (
      select max(r.at) from feed_runs as r where r.feed_id = feeds.id and r.status = 'applied'
    )`.execute(db);
  await sql`update feeds
    set stale_at = coalesce(last_applied_at, created_at) + cast(interval_minutes as bigint) * 180000
    where url is not null and interval_minutes is not null`.execute(db);
  await db.schema.createIndex('feeds_stale_at').on('feeds').columns(['stale_at']).execute();

  await db.schema
    .createTable('feed_coverage')
    .addColumn('store_id', 'bigint', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('feed_id', 'bigint', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
    .addColumn('product_id', 'bigint', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('location_id', 'bigint', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('feed_coverage_pk', ['feed_id', 'product_id', 'location_id'])
    .execute();
  // Balances probe by product ("is any of these covered by a stale feed?").
  await db.schema
    .createIndex('feed_coverage_product')
    .on('feed_coverage')
    .columns(['product_id', 'location_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feed_coverage').execute();
  await db.schema.dropIndex('feeds_stale_at').execute();
  for (const column of ['stale_noticed_at', 'stale_at', 'last_applied_at', 'stale_after_minutes'])
    await db.schema.alterTable('feeds').dropColumn(column).execute();
}
