import { computeSyncableBalances, type Db, listChannels } from '@ballast/core';

export interface ChannelQuantity {
  channelId: number;
  quantity: number | null;
  unknownReason?: string;
}

/**
 * The syncable balance of a page of products on every active channel: one set-based computation per channel
 * for the whole page, never one per product.
 */
export async function pageChannelQuantities(
  db: Db,
  storeId: number,
  productIds: readonly number[],
): Promise<Map<number, ChannelQuantity[]>> {
  const byProduct = new Map<number, ChannelQuantity[]>(productIds.map((id) => [id, []]));
  if (productIds.length === 0) return byProduct;
  const channels = await listChannels(db, storeId, { status: 'active' });
  for (const channel of channels) {
    const balances = await computeSyncableBalances(db, storeId, channel.id, productIds);
    for (const [productId, balance] of balances) {
      byProduct.get(productId)?.push({
        channelId: channel.id,
        quantity: balance.quantity,
        ...(balance.unknownReason !== undefined && { unknownReason: balance.unknownReason }),
      });
    }
  }
  return byProduct;
}
