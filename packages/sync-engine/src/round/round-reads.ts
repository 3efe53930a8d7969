import { type Db, type ListingRow, preparedQuery, type SyncDirtyRow, slotList } from '@ballast/core';
import { sql } from 'kysely';
import { chunk } from '../shared/chunk.ts';

// Every round reads its claimed pairs' products, listings and marks with lists of up to a batch of ids: built by
// the query builder, each cost more than SQLite takes to run it. Prepared templates, one per id count.

/** Ids per statement; one template per count up to this. */
const IDS_PER_STATEMENT = 100;

export interface RoundProduct {
  id: number;
  sku: string;
  /** The product's own flag; a listing's override wins over it. */
  autoSync: number;
}

/** Params: the products. */
const productsIn = preparedQuery<RoundProduct>(
  (slot, count) => sql`select id, sku, auto_sync from products where id in (${slotList(slot, 0, count)})`,
  IDS_PER_STATEMENT,
);

/** Params: channel, then the products. */
const listingsIn = preparedQuery<ListingRow>(
  (slot, count) =>
    sql`select * from listings where channel_id = ${slot(0)} and product_id in (${slotList(slot, 1, count)})`,
  IDS_PER_STATEMENT,
);

/** Params: channel, worker, then the products. */
const claimedMarksIn = preparedQuery<SyncDirtyRow>(
  (slot, count) => sql`select * from sync_dirty
    where channel_id = ${slot(0)} and claimed_by = ${slot(1)} and product_id in (${slotList(slot, 2, count)})`,
  IDS_PER_STATEMENT,
);

/** The products with these ids (absent: deleted). */
export function productsById(db: Db, productIds: readonly number[]): Promise<RoundProduct[]> {
  return inChunks(productIds, (part) => productsIn(db, part.length, part));
}

/** The channel's listings of these products. */
export function listingsOf(db: Db, channelId: number, productIds: readonly number[]): Promise<ListingRow[]> {
  return inChunks(productIds, (part) => listingsIn(db, part.length, [channelId, ...part]));
}

/** The current marks of these products on the channel, while this worker still holds their claim. */
export function claimedMarks(
  db: Db,
  channelId: number,
  workerId: string,
  productIds: readonly number[],
): Promise<SyncDirtyRow[]> {
  return inChunks(productIds, (part) => claimedMarksIn(db, part.length, [channelId, workerId, ...part]));
}

async function inChunks<Row>(
  ids: readonly number[],
  read: (part: number[]) => Promise<{ rows: Row[] }>,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const part of chunk(ids, IDS_PER_STATEMENT)) rows.push(...(await read(part)).rows);
  return rows;
}
