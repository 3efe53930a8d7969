import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { type Cause, markDirty } from '../outbox/mark-dirty.ts';
import { type ParsedProductFilter, productFilterWhere } from '../products/product-filter.ts';
import { now } from '../shared/time.ts';
import { type SelectedIds, withSelectionTable } from './selection-table.ts';

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
 * decide per pair: markDirty skips a listing whose override is off. The changing ids are held in a temporary
 * table, so each step is one set-based statement and products already on are never re-pushed.
 */
export async function turnAutoSyncOn(
  trx: Db,
  storeId: number,
  filter: ParsedProductFilter,
  cause: Cause,
): Promise<AutoSyncChange> {
  const changing = trx
    .selectFrom('products as p')
    .select('p.id')
    .where(productFilterWhere(trx, storeId, filter))
    .where('p.autoSync', '=', 0);
  return withSelectionTable(trx, changing, async (selected) => {
    // The auto_sync check is re-evaluated on PostgreSQL if a concurrent transaction changed the row meanwhile.
    const result = await trx
      .updateTable('products')
      .set({ autoSync: 1, updatedAt: now() })
      .where('id', 'in', selected)
      .where('autoSync', '=', 0)
      .executeTakeFirst();
    const updated = Number(result.numUpdatedRows);
    if (updated === 0) return { updated, marked: 0, unmarked: 0 };
    const seq = await markDirty(trx, { storeId, products: selected, includeKits: false, cause, force: true });
    return { updated, marked: await countMarks(trx, storeId, selected, seq), unmarked: 0 };
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

/** Pairs of the selection that carry this operation's sequence (only this transaction could set it). */
async function countMarks(trx: Db, storeId: number, selected: SelectedIds, seq: number): Promise<number> {
  const row = await trx
    .selectFrom('syncDirty')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('storeId', '=', storeId)
    .where('productId', 'in', selected)
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
