import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.ts';

type Builder = ColumnDefinitionBuilder;

/**
 * The initial schema. Runs unchanged on SQLite and PostgreSQL: ids are the only column whose type differs
 * (SQLite's rowid alias vs. bigserial); every other integer is `bigint`, which SQLite stores as INTEGER.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const idType = pg ? sql`bigserial` : sql`integer`;
  const id = (c: Builder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const ref = (table: string) => (c: Builder) => c.notNull().references(`${table}.id`).onDelete('cascade');
  const notNull = (c: Builder) => c.notNull();

  await db.schema
    .createTable('stores')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', notNull)
    .addColumn('allow_negative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', notNull)
    .execute();

  await db.schema
    .createTable('locations')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('name', 'text', notNull)
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', notNull)
    .addUniqueConstraint('locations_store_name', ['store_id', 'name'])
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('sku', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('simple'))
    .addColumn('auto_sync', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addUniqueConstraint('products_store_sku', ['store_id', 'sku'])
    .execute();
  await db.schema
    .createIndex('products_store_auto_sync')
    .on('products')
    .columns(['store_id', 'auto_sync', 'id'])
    .execute();
  await db.schema
    .createIndex('products_store_name')
    .on('products')
    .columns(['store_id', 'name', 'id'])
    .execute();
  // Product list keyset pages sorted by creation time or by id (the other sorts use the indexes above).
  await db.schema
    .createIndex('products_store_created')
    .on('products')
    .columns(['store_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('products_store_id').on('products').columns(['store_id', 'id']).execute();

  await db.schema
    .createTable('product_components')
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('parent_id', 'bigint', ref('products'))
    .addColumn('component_id', 'bigint', ref('products'))
    .addColumn('quantity', 'integer', notNull)
    .addPrimaryKeyConstraint('product_components_pk', ['parent_id', 'component_id'])
    .execute();
  await db.schema
    .createIndex('product_components_component')
    .on('product_components')
    .column('component_id')
    .execute();

  await db.schema
    .createTable('channels')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('connector_id', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('config_ciphertext', 'text')
    .addColumn('all_locations', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('channels_store').on('channels').column('store_id').execute();

  await db.schema
    .createTable('channel_locations')
    .addColumn('channel_id', 'bigint', ref('channels'))
    .addColumn('location_id', 'bigint', ref('locations'))
    .addPrimaryKeyConstraint('channel_locations_pk', ['channel_id', 'location_id'])
    .execute();

  await db.schema
    .createTable('listings')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('channel_id', 'bigint', ref('channels'))
    .addColumn('product_id', 'bigint', ref('products'))
    .addColumn('channel_ref', 'text')
    .addColumn('auto_sync_override', 'integer')
    .addColumn('last_pushed_quantity', 'integer')
    .addColumn('last_pushed_seq', 'bigint')
    .addColumn('last_pushed_at', 'bigint')
    .addColumn('channel_quantity', 'integer')
    .addColumn('channel_quantity_at', 'bigint')
    .addColumn('created_at', 'bigint', notNull)
    .addUniqueConstraint('listings_channel_product', ['channel_id', 'product_id'])
    .execute();
  await db.schema.createIndex('listings_product').on('listings').column('product_id').execute();

  await db.schema
    .createTable('sync_rules')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('scope', 'text', notNull)
    .addColumn('scope_id', 'bigint', notNull)
    .addColumn('buffer', 'integer')
    .addColumn('percent', 'integer')
    .addColumn('max_quantity', 'integer')
    .addColumn('end_when', 'integer')
    .addColumn('updated_at', 'bigint', notNull)
    .addUniqueConstraint('sync_rules_scope', ['store_id', 'scope', 'scope_id'])
    .execute();

  await db.schema
    .createTable('quantities')
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('product_id', 'bigint', ref('products'))
    .addColumn('location_id', 'bigint', ref('locations'))
    .addColumn('on_hand', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('committed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('incoming', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('quantities_pk', ['product_id', 'location_id'])
    .execute();

  // Append-only: nothing ever updates or deletes a movement.
  await db.schema
    .createTable('movements')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('product_id', 'bigint', ref('products'))
    .addColumn('location_id', 'bigint', ref('locations'))
    .addColumn('bucket', 'text', notNull)
    .addColumn('delta', 'integer', notNull)
    .addColumn('cause_type', 'text', notNull)
    .addColumn('cause_ref', 'text', notNull)
    .addColumn('idempotency_key', 'text')
    .addColumn('at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('movements_product').on('movements').columns(['product_id', 'id']).execute();
  await db.schema
    .createIndex('movements_cause')
    .on('movements')
    .columns(['store_id', 'cause_type', 'cause_ref'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('key', 'text', notNull)
    .addColumn('operation', 'text', notNull)
    .addColumn('request_hash', 'text', notNull)
    .addColumn('response', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['store_id', 'key'])
    .execute();

  await db.schema
    .createTable('sales_orders')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('number', 'text', notNull)
    .addColumn('channel_id', 'bigint', (c) => c.references('channels.id').onDelete('set null'))
    .addColumn('location_id', 'bigint', ref('locations'))
    .addColumn('status', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addUniqueConstraint('sales_orders_store_number', ['store_id', 'number'])
    .execute();
  await db.schema
    .createTable('sales_order_lines')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('order_id', 'bigint', ref('sales_orders'))
    .addColumn('product_id', 'bigint', ref('products'))
    .addColumn('quantity', 'integer', notNull)
    .addColumn('shipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('sales_order_lines_order').on('sales_order_lines').column('order_id').execute();
  await db.schema
    .createTable('sales_order_allocations')
    .addColumn('line_id', 'bigint', ref('sales_order_lines'))
    .addColumn('product_id', 'bigint', ref('products'))
    .addColumn('per_unit', 'integer', notNull)
    .addPrimaryKeyConstraint('sales_order_allocations_pk', ['line_id', 'product_id'])
    .execute();

  await db.schema
    .createTable('purchase_orders')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('number', 'text', notNull)
    .addColumn('supplier', 'text')
    .addColumn('location_id', 'bigint', ref('locations'))
    .addColumn('status', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addUniqueConstraint('purchase_orders_store_number', ['store_id', 'number'])
    .execute();
  await db.schema
    .createTable('purchase_order_lines')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('order_id', 'bigint', ref('purchase_orders'))
    .addColumn('product_id', 'bigint', ref('products'))
    .addColumn('quantity', 'integer', notNull)
    .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('purchase_order_lines_order')
    .on('purchase_order_lines')
    .column('order_id')
    .execute();

  await db.schema
    .createTable('work_orders')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('number', 'text', notNull)
    .addColumn('product_id', 'bigint', ref('products'))
    .addColumn('quantity', 'integer', notNull)
    .addColumn('location_id', 'bigint', ref('locations'))
    .addColumn('status', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addUniqueConstraint('work_orders_store_number', ['store_id', 'number'])
    .execute();
  await db.schema
    .createTable('work_order_components')
    .addColumn('work_order_id', 'bigint', ref('work_orders'))
    .addColumn('product_id', 'bigint', ref('products'))
    .addColumn('required', 'integer', notNull)
    .addPrimaryKeyConstraint('work_order_components_pk', ['work_order_id', 'product_id'])
    .execute();

  await db.schema
    .createTable('adjustments')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('reason', 'text', notNull)
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .execute();

  await db.schema
    .createTable('uploads')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('filename', 'text', notNull)
    .addColumn('row_count', 'integer', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .execute();

  await db.schema
    .createTable('feeds')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('name', 'text', notNull)
    .addColumn('url', 'text')
    .addColumn('interval_minutes', 'integer')
    .addColumn('last_run_at', 'bigint')
    .addColumn('last_status', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await db.schema
    .createTable('feed_runs')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('feed_id', 'bigint', ref('feeds'))
    .addColumn('status', 'text', notNull)
    .addColumn('row_count', 'integer', notNull)
    .addColumn('changed', 'integer', notNull)
    .addColumn('unknown_skus', 'text', notNull)
    .addColumn('error', 'text')
    .addColumn('at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('feed_runs_feed').on('feed_runs').columns(['feed_id', 'id']).execute();

  await db.schema
    .createTable('sync_dirty')
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('channel_id', 'bigint', ref('channels'))
    .addColumn('product_id', 'bigint', ref('products'))
    .addColumn('seq', 'bigint', notNull)
    .addColumn('first_marked_at', 'bigint', notNull)
    .addColumn('last_cause_type', 'text', notNull)
    .addColumn('last_cause_ref', 'text', notNull)
    .addColumn('marks', 'integer', notNull)
    .addColumn('force', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_before', 'bigint', notNull)
    .addPrimaryKeyConstraint('sync_dirty_pk', ['channel_id', 'product_id'])
    .execute();
  await db.schema.createIndex('sync_dirty_due').on('sync_dirty').columns(['not_before']).execute();

  await db.schema
    .createTable('sync_history')
    .addColumn('id', idType, id)
    .addColumn('store_id', 'bigint', ref('stores'))
    .addColumn('channel_id', 'bigint', ref('channels'))
    .addColumn('product_id', 'bigint', ref('products'))
    .addColumn('listing_id', 'bigint', (c) => c.references('listings.id').onDelete('set null'))
    .addColumn('status', 'text', notNull)
    .addColumn('quantity', 'integer')
    .addColumn('previous_quantity', 'integer')
    .addColumn('cause_type', 'text', notNull)
    .addColumn('cause_ref', 'text', notNull)
    .addColumn('cause', 'text', notNull)
    .addColumn('explanation', 'text', notNull)
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('attempt', 'integer', notNull)
    .addColumn('seq', 'bigint', notNull)
    .addColumn('idempotency_key', 'text')
    .addColumn('worker_id', 'text')
    .addColumn('pending_handle', 'text')
    .addColumn('queued_at', 'bigint', notNull)
    .addColumn('started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  // Keyset pagination runs newest-first on id inside each filter.
  await db.schema.createIndex('sync_history_store').on('sync_history').columns(['store_id', 'id']).execute();
  await db.schema
    .createIndex('sync_history_product')
    .on('sync_history')
    .columns(['store_id', 'product_id', 'id'])
    .execute();
  await db.schema
    .createIndex('sync_history_channel')
    .on('sync_history')
    .columns(['store_id', 'channel_id', 'id'])
    .execute();
  await db.schema
    .createIndex('sync_history_status')
    .on('sync_history')
    .columns(['store_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('sync_history_time')
    .on('sync_history')
    .columns(['store_id', 'created_at'])
    .execute();
  // History of one (product, channel) pair, and "is the pair's latest attempt failed" for the product filter.
  await db.schema
    .createIndex('sync_history_pair')
    .on('sync_history')
    .columns(['store_id', 'product_id', 'channel_id', 'id'])
    .execute();

  // Rate-limit state per channel, shared by every worker so that together they never exceed the channel's limits.
  await db.schema
    .createTable('channel_rate_state')
    .addColumn('channel_id', 'bigint', (c) => c.primaryKey().references('channels.id').onDelete('cascade'))
    .addColumn('state', 'text', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();

  // The sync clock: every dirty mark takes a new number. PostgreSQL uses a native sequence (a counter row
  // would serialise every writing transaction); SQLite has one writer anyway and keeps a counter row.
  if (pg) {
    await sql`create sequence sync_seq`.execute(db);
  } else {
    await db.schema
      .createTable('sequences')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'bigint', notNull)
      .execute();
    await sql`insert into sequences (name, value) values ('sync', 0)`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Ballast migrations are forward-only; restore from a backup to go back.');
}
