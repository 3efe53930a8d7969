import type { Db } from '@ballast/core';
import type { SyncHistoryFilter } from './sync-history-filter-query.ts';

/** The store's newest Sync History id (0 when empty): a live feed starts after it. */
export async function latestHistoryId(db: Db, storeId: number): Promise<number> {
  const row = await db
    .selectFrom('syncHistory')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('storeId', '=', storeId)
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/**
 * Ids of entries written after `afterId` that match the filter, oldest first. On PostgreSQL an id can become
 * visible after a higher one (its transaction committed later) and a feed that moved past it never sends it:
 * the live feed is a convenience, the list stays the record.
 */
export async function historyIdsAfter(
  db: Db,
  storeId: number,
  filter: SyncHistoryFilter,
  afterId: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('syncHistory')
    .select('id')
    .where('storeId', '=', storeId)
    .where('id', '>', afterId)
    .$if(filter.productId !== undefined, (qb) => qb.where('productId', '=', filter.productId!))
    .$if(filter.channelId !== undefined, (qb) => qb.where('channelId', '=', filter.channelId!))
    .$if(filter.status !== undefined, (qb) => qb.where('status', 'in', filter.status!))
    .$if(filter.causeType !== undefined, (qb) => qb.where('causeType', 'in', filter.causeType!))
    .$if(filter.causeRef !== undefined, (qb) => qb.where('causeRef', '=', filter.causeRef!))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
