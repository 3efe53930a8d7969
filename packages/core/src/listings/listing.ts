import { assertRowId } from '../channels/row-id.ts';
import type { Db } from '../db/connect.ts';
import { NotFoundError } from '../errors.ts';
import type { ChannelRef } from './listing-input.ts';

/** The link between a product and one channel item, with what was last pushed and what the channel said. */
export interface Listing {
  id: number;
  storeId: number;
  channelId: number;
  productId: number;
  sku: string;
  productName: string;
  channelRef: ChannelRef | null;
  /** null = follow the product's Auto Sync flag. */
  autoSyncOverride: boolean | null;
  /** The effective Auto Sync for this pair: the override, else the product's flag. */
  autoSync: boolean;
  /** The product's own Auto Sync flag, which the listing follows while its override is null. */
  productAutoSync: boolean;
  lastPushedQuantity: number | null;
  lastPushedSeq: number | null;
  lastPushedAt: number | null;
  channelQuantity: number | null;
  channelQuantityAt: number | null;
  createdAt: number;
}

export interface ListingFilter {
  channelId?: number;
  productId?: number;
  /** Keyset paging: only listings with a larger id. */
  afterId?: number;
  /** At most this many. */
  limit?: number;
}

/** The store's listings, by id; filter by channel and/or product, page with `afterId` and `limit`. */
export async function listListings(db: Db, storeId: number, filter: ListingFilter = {}): Promise<Listing[]> {
  if (filter.channelId !== undefined) assertRowId(filter.channelId, 'channelId');
  if (filter.productId !== undefined) assertRowId(filter.productId, 'productId');
  return queryListings(db, storeId, filter);
}

export async function getListing(db: Db, storeId: number, listingId: number): Promise<Listing> {
  assertRowId(listingId, 'listingId');
  const [listing] = await queryListings(db, storeId, { listingId });
  if (!listing) throw new NotFoundError('listing');
  return listing;
}

async function queryListings(
  db: Db,
  storeId: number,
  filter: ListingFilter & { listingId?: number },
): Promise<Listing[]> {
  const rows = await db
    .selectFrom('listings as l')
    .innerJoin('products as p', 'p.id', 'l.productId')
    .select([
      'l.id',
      'l.storeId',
      'l.channelId',
      'l.productId',
      'p.sku',
      'p.name as productName',
      'p.autoSync as productAutoSync',
      'l.channelRef',
      'l.autoSyncOverride',
      'l.lastPushedQuantity',
      'l.lastPushedSeq',
      'l.lastPushedAt',
      'l.channelQuantity',
      'l.channelQuantityAt',
      'l.createdAt',
    ])
    .where('l.storeId', '=', storeId)
    .$if(filter.listingId !== undefined, (qb) => qb.where('l.id', '=', filter.listingId!))
    .$if(filter.channelId !== undefined, (qb) => qb.where('l.channelId', '=', filter.channelId!))
    .$if(filter.productId !== undefined, (qb) => qb.where('l.productId', '=', filter.productId!))
    .$if(filter.afterId !== undefined, (qb) => qb.where('l.id', '>', filter.afterId!))
    .orderBy('l.id')
    .$if(filter.limit !== undefined, (qb) => qb.limit(filter.limit!))
    .execute();
  return rows.map(({ productAutoSync, channelRef, autoSyncOverride, ...row }) => ({
    ...row,
    channelRef: channelRef === null ? null : (JSON.parse(channelRef) as ChannelRef),
    autoSyncOverride: autoSyncOverride === null ? null : autoSyncOverride === 1,
    autoSync: (autoSyncOverride ?? productAutoSync) === 1,
    productAutoSync: productAutoSync === 1,
  }));
}
