import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.ts';

/**
 * Adjustments keep their lines (what was asked: set-to or delta, and what it moved) and who made them, so they
 * can be listed and read back. Before this, only the ledger's movements remembered an adjustment's lines.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const idType = pg ? sql`bigserial` : sql`integer`;

  await db.schema
    .alterTable('adjustments')
    .addColumn('made_by_kind', 'text', (c) => c.notNull().defaultTo('system'))
    .execute();
  await db.schema.alterTable('adjustments').addColumn('made_by_id', 'text').execute();
  await db.schema.alterTable('adjustments').addColumn('made_by_name', 'text').execute();
  // Newest-first keyset pages per store, and the time range filter.
  await db.schema.createIndex('adjustments_store').on('adjustments').columns(['store_id', 'id']).execute();
  await db.schema
    .createIndex('adjustments_time')
    .on('adjustments')
    .columns(['store_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('adjustment_lines')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('store_id', 'bigint', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('adjustment_id', 'bigint', (c) => c.notNull().references('adjustments.id').onDelete('cascade'))
    .addColumn('product_id', 'bigint', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('location_id', 'bigint', (c) => c.notNull().references('locations.id').onDelete('cascade'))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('set', 'delta')`))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('delta', 'integer', (c) => c.notNull())
    .addColumn('on_hand_before', 'integer', (c) => c.notNull())
    .addColumn('on_hand_after', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('adjustment_lines_adjustment')
    .on('adjustment_lines')
    .columns(['adjustment_id', 'id'])
    .execute();
  // The product filter: "adjustments that touched this product", newest first.
  await db.schema
    .createIndex('adjustment_lines_product')
    .on('adjustment_lines')
    .columns(['store_id', 'product_id', 'adjustment_id'])
    .execute();

  await rebuildAdjustmentLines(db);
}

/**
 * Earlier adjustments only left movements: rebuilds their lines from the ledger. Whether a line was a set-to
 * is lost, so they read as deltas; on hand before and after are the running on-hand sum at the movement.
 */
export async function rebuildAdjustmentLines(db: Kysely<unknown>): Promise<void> {
  await sql`insert into adjustment_lines
      (store_id, adjustment_id, product_id, location_id, mode, quantity, delta, on_hand_before, on_hand_after)
    select store_id, adjustment_id, product_id, location_id, 'delta', delta, delta, on_hand - delta, on_hand
    from (
      select m.id, m.store_id, a.id as adjustment_id, m.product_id, m.location_id, m.delta,
        (select coalesce(sum(e.delta), 0) from movements as e
          where e.product_id = m.product_id and e.location_id = m.location_id
            and e.bucket = 'on_hand' and e.id <= m.id) as on_hand
      from movements as m
      inner join adjustments as a on a.store_id = m.store_id and cast(a.id as text) = m.cause_ref
      where m.cause_type = 'adjustment' and m.bucket = 'on_hand'
    ) as rebuilt
    order by id`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ballast migrations are forward-only; restore from a backup to go back.');
}
