import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { dialectOf } from '../db/dialect.ts';
import { type Cause, markDirtyCounted } from '../outbox/mark-dirty.ts';
import {
  type ParsedProductFilter,
  type ProductScope,
  productFilterWhere,
} from '../products/product-filter.ts';
import { now } from '../shared/time.ts';
import { withSelectionTable } from './selection-table.ts';

export interface AutoSyncChange {
  /** Products whose flag changed (already-set products are left alone). */
  updated: number;
  /** (product, channel) pairs marked dirty, forced, to push at once. */
  marked: number;
  /** Pending (product, channel) pushes removed because Auto Sync went off. */
  unmarked: number;
}

/**
 * Turns Auto Sync on for the matching products that have it off, and marks exactly those products dirty on
 * every active channel, forced (push even if the channel seems to show the value already). Listing overrides
 * decide per pair: markDirty skips a listing whose override is off. Products already on are never re-pushed.
 */
export async function turnAutoSyncOn(
  trx: Db,
  storeId: number,
  filter: ParsedProductFilter,
  cause: Cause,
): Promise<AutoSyncChange> {
  const where = productFilterWhere(trx, storeId, filter);
  const changing = (eb: ExpressionBuilder<ProductScope, 'p'>) =>
    eb.and([where(eb), eb('p.autoSync', '=', 0)]);
  const marks = { storeId, includeKits: false, cause, force: true } as const;
  // SQLite has one writer, so nothing changes between two statements of this transaction: mark the products
  // as if on, then switch them on, both by the same condition. Two passes and no id table. Not when the filter
  // reads sync_dirty (syncStatus): the marks would change what it selects.
  if (dialectOf(trx) === 'sqlite' && filter.syncStatus === undefined) {
    const { marked } = await markDirtyCounted(trx, {
      ...marks,
      products: { matching: changing },
      turningOn: true,
    });
    const result = await trx
      .updateTable('products as p')
      .set({ autoSync: 1, updatedAt: now() })
      .where(changing)
      .executeTakeFirst();
    return { updated: Number(result.numUpdatedRows), marked, unmarked: 0 };
  }
  // Concurrent transactions (PostgreSQL) can flip a flag between statements, so the ids are chosen once and held
  // in a temporary table: each step is one set-based statement on exactly those rows.
  const chosen = trx.selectFrom('products as p').select('p.id').where(changing);
  return withSelectionTable(trx, chosen, async (selected) => {
    // The auto_sync check is re-evaluated on PostgreSQL if a concurrent transaction changed the row meanwhile.
    const result = await trx
      .updateTable('products')
      .set({ autoSync: 1, updatedAt: now() })
      .where('id', 'in', selected)
      .where('autoSync', '=', 0)
      .executeTakeFirst();
    const updated = Number(result.numUpdatedRows);
    if (updated === 0) return { updated, marked: 0, unmarked: 0 };
    const { marked } = await markDirtyCounted(trx, { ...marks, products: selected });
    return { updated, marked, unmarked: 0 };
  });
}

/**
 * Turns Auto Sync off for the matching products and removes their pending pushes, except on listings whose
 * override keeps Auto Sync on. Rows a worker has already claimed are removed too: that push may still land,
 * but nothing is retried or pushed after it.
 */
export async function turnAutoSyncOff(
  trx: Db,
  storeId: number,
  filter: ParsedProductFilter,
): Promise<AutoSyncChange> {
  const where = productFilterWhere(trx, storeId, filter);
  const result = await trx
    .updateTable('products as p')
    .set({ autoSync: 0, updatedAt: now() })
    .where(where)
    .where('p.autoSync', '=', 1)
    .executeTakeFirst();
  // Driven from sync_dirty (small: only owed pushes) with a primary-key probe per row, never a product scan.
  // Products that were already off are included: whatever is still queued for them is stale.
  const removed = await trx
    .deleteFrom('syncDirty as d')
    .where('d.storeId', '=', storeId)
    .where((eb) =>
      eb.and([
        eb.exists(
          eb
            .selectFrom('products as p')
            .select(sql.lit(1).as('one'))
            .whereRef('p.id', '=', 'd.productId')
            .where('p.autoSync', '=', 0)
            .where(where),
        ),
        eb.not(
          eb.exists(
            eb
              .selectFrom('listings as l')
              .select(sql.lit(1).as('one'))
              .whereRef('l.channelId', '=', 'd.channelId')
              .whereRef('l.productId', '=', 'd.productId')
              .where('l.autoSyncOverride', '=', 1),
          ),
        ),
      ]),
    )
    .executeTakeFirst();
  return { updated: Number(result.numUpdatedRows), marked: 0, unmarked: Number(removed.numDeletedRows) };
}
