import {
  adjustStock,
  type ChannelRef,
  chunk,
  createChannel,
  createStore,
  type Db,
  upsertListings,
} from '@ballast/core';

export interface Catalogue {
  storeId: number;
  channelId: number;
  skus: string[];
}

export interface CatalogueOptions {
  products: number;
  connectorId: string;
  /** On hand of every product after seeding. */
  onHand: number;
  /** The channel item of each SKU; every product is linked, showing `shownQuantity`. */
  channelRef: (sku: string) => ChannelRef;
  shownQuantity: number;
}

/**
 * A store with `products` auto-synced products, stock, one channel and every product linked to its channel
 * item, seeded with set-based inserts (not timed). Every pair is dirty afterwards: the channel shows
 * `shownQuantity`, the master `onHand`.
 */
export async function seedCatalogue(db: Db, options: CatalogueOptions): Promise<Catalogue> {
  const store = await createStore(db, { name: 'Bench store' });
  const channel = await createChannel(db, store.id, {
    connectorId: options.connectorId,
    name: 'Bench channel',
  });
  const skus = Array.from({ length: options.products }, (_, i) => `SKU-${String(i + 1).padStart(6, '0')}`);
  const at = Date.now();
  for (const part of chunk(skus, 500)) {
    await db
      .insertInto('products')
      .values(
        part.map((sku) => ({
          storeId: store.id,
          sku,
          name: `Product ${sku}`,
          kind: 'simple' as const,
          autoSync: 1,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .execute();
  }
  for (const part of chunk(skus, 1000)) {
    await adjustStock(db, store.id, {
      reason: 'initial count',
      lines: part.map((sku) => ({ sku, set: options.onHand })),
    });
  }
  for (const part of chunk(skus, 10_000)) {
    await upsertListings(
      db,
      store.id,
      channel.id,
      part.map((sku) => ({ sku, channelRef: options.channelRef(sku), quantity: options.shownQuantity })),
    );
  }
  return { storeId: store.id, channelId: channel.id, skus };
}
