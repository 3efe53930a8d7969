import { computeSyncableBalances, type Db, listChannels } from '@ballast/core';

export interface ChannelQuantity {
  channelId: number;
  quantity: number | null;
  unknownReason?: string;
  /** The listing's own Auto Sync: true always on, false always off, null follows the product (or no listing). */
  autoSyncOverride: boolean | null;
  /** Whether the product is pushed to this channel: the listing's override, else the product's Auto Sync. */
  autoSync: boolean;
}

/**
 * The syncable balance of a page of products on every active channel, and whether each is pushed there: one
 * set-based computation per channel and one listings query for the whole page, never one per product.
 */
export async function pageChannelQuantities(
  db: Db,
  storeId: number,
  products: readonly { id: number; autoSync: boolean }[],
): Promise<Map<number, ChannelQuantity[]>> {
  const byProduct = new Map<number, ChannelQuantity[]>(products.map((p) => [p.id, []]));
  if (products.length === 0) return byProduct;
  const productIds = products.map((p) => p.id);
  const productAutoSync = new Map(products.map((p) => [p.id, p.autoSync]));
  const channels = await listChannels(db, storeId, { status: 'active' });
  const overrides = await pageOverrides(db, storeId, productIds);
  for (const channel of channels) {
    const balances = await computeSyncableBalances(db, storeId, channel.id, productIds);
    for (const [productId, balance] of balances) {
      const override = overrides.get(`${channel.id}:${productId}`) ?? null;
      byProduct.get(productId)?.push({
        channelId: channel.id,
        quantity: balance.quantity,
        ...(balance.unknownReason !== undefined && { unknownReason: balance.unknownReason }),
        autoSyncOverride: override,
        autoSync: override ?? productAutoSync.get(productId) === true,
      });
    }
  }
  return byProduct;
}

/** The page's listings that override their product's Auto Sync, keyed `channelId:productId`. */
async function pageOverrides(
  db: Db,
  storeId: number,
  productIds: readonly number[],
): Promise<Map<string, boolean>> {
  const rows = await db
    .selectFrom('listings')
    .select(['channelId', 'productId', 'autoSyncOverride'])
    .where('storeId', '=', storeId)
    .where('productId', 'in', productIds)
    .where('autoSyncOverride', 'is not', null)
    .execute();
  return new Map(rows.map((row) => [`${row.channelId}:${row.productId}`, row.autoSyncOverride === 1]));
}
