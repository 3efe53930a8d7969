import { assertRowId } from '../channels/row-id.ts';
import type { Db } from '../db/connect.ts';
import { chunk } from '../shared/chunk.ts';

/** A product whose SKU a lookup on the channel did not find. */
export interface ListingLookupMiss {
  productId: number;
  sku: string;
}

/**
 * Remembers that a lookup made at `lookedUpAt` found no item on the channel for these products' SKUs (a newer
 * lookup replaces an older one). The sync engine's negative cache: it settles such pairs without asking the
 * channel again until the answer is older than its re-check period.
 */
export async function recordListingLookupMisses(
  db: Db,
  storeId: number,
  channelId: number,
  misses: readonly ListingLookupMiss[],
  lookedUpAt: number,
): Promise<void> {
  for (const part of chunk(misses)) {
    await db
      .insertInto('listingLookupMisses')
      .values(part.map((m) => ({ storeId, channelId, productId: m.productId, sku: m.sku, lookedUpAt })))
      .onConflict((oc) =>
        oc.columns(['channelId', 'productId']).doUpdateSet((eb) => ({
          sku: eb.ref('excluded.sku'),
          lookedUpAt: eb.ref('excluded.lookedUpAt'),
        })),
      )
      .execute();
  }
}

/**
 * Of these products, those a lookup made at or after `since` did not find, with when that lookup was made.
 * A miss recorded for another SKU than the product's current one does not count: the new SKU was never
 * looked up.
 */
export async function recentListingLookupMisses(
  db: Db,
  channelId: number,
  products: readonly { id: number; sku: string }[],
  since: number,
): Promise<Map<number, number>> {
  const skuOf = new Map(products.map((p) => [p.id, p.sku]));
  const found = new Map<number, number>();
  for (const part of chunk(products)) {
    const rows = await db
      .selectFrom('listingLookupMisses')
      .select(['productId', 'sku', 'lookedUpAt'])
      .where('channelId', '=', channelId)
      .where(
        'productId',
        'in',
        part.map((p) => p.id),
      )
      .where('lookedUpAt', '>=', since)
      .execute();
    for (const row of rows) {
      if (skuOf.get(row.productId) === row.sku) found.set(row.productId, row.lookedUpAt);
    }
  }
  return found;
}

/**
 * Forgets what lookups on the channel did not find, so that the next change of each product looks it up
 * again: for when the answers may be wrong (the merchant matched listings after adding items, or pointed the
 * channel at other credentials or another shop).
 */
export async function forgetListingLookupMisses(db: Db, channelId: number): Promise<void> {
  assertRowId(channelId, 'channelId');
  await db.deleteFrom('listingLookupMisses').where('channelId', '=', channelId).execute();
}
