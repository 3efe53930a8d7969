import {
  chunk,
  computeSyncableBalances,
  countProducts,
  type Db,
  listChannels,
  listProducts,
  NotFoundError,
  type ProductFilter,
} from '@ballast/core';
import type { AutoSyncPreview, PreviewRow } from './preview-schema.ts';

/**
 * What turning Auto Sync on for a selection would push: for the first `limit` products (by id) whose flag is
 * off, and each active channel, the channel's last known quantity against the syncable balance. Reads only.
 * A listing whose own override keeps Auto Sync off is left out, as the push would skip it.
 */
export async function previewAutoSyncOn(
  db: Db,
  storeId: number,
  selection: { ids: number[] } | { filter: ProductFilter },
  limit: number,
): Promise<AutoSyncPreview> {
  if ('ids' in selection) await assertOwnProducts(db, storeId, selection.ids);
  const filter: ProductFilter = 'ids' in selection ? { ids: selection.ids } : selection.filter;
  // Products already on are not changed by turning Auto Sync on, so they are not part of the warning.
  const changing: ProductFilter = filter.autoSync === true ? { ids: [] } : { ...filter, autoSync: false };
  const products = await countProducts(db, storeId, changing);
  const page = await listProducts(db, storeId, { filter: changing, sort: 'id', limit });
  const ids = page.items.map((p) => p.id);
  const channels = await listChannels(db, storeId, { status: 'active' });
  const listings =
    ids.length === 0
      ? []
      : await db
          .selectFrom('listings')
          .select(['id', 'channelId', 'productId', 'channelQuantity', 'autoSyncOverride'])
          .where('storeId', '=', storeId)
          .where('productId', 'in', ids)
          .execute();
  const listingOf = new Map(listings.map((l) => [`${l.channelId}:${l.productId}`, l]));

  const rows: PreviewRow[] = [];
  for (const channel of channels) {
    const balances =
      ids.length === 0 ? new Map() : await computeSyncableBalances(db, storeId, channel.id, ids);
    for (const product of page.items) {
      const listing = listingOf.get(`${channel.id}:${product.id}`);
      if (listing?.autoSyncOverride === 0) continue;
      const balance = balances.get(product.id);
      const pushQuantity: number | null = balance?.quantity ?? null;
      const channelQuantity = listing?.channelQuantity ?? null;
      rows.push({
        productId: product.id,
        sku: product.sku,
        channelId: channel.id,
        channelName: channel.name,
        listingId: listing?.id ?? null,
        channelQuantity,
        pushQuantity,
        ...(balance?.unknownReason !== undefined && { unknownReason: balance.unknownReason }),
        changes:
          pushQuantity === null ? false : channelQuantity === null ? null : channelQuantity !== pushQuantity,
      });
    }
  }
  rows.sort((a, b) => a.productId - b.productId || a.channelId - b.channelId);
  return {
    products,
    previewedProducts: ids.length,
    channels: channels.length,
    rows,
    changing: rows.filter((r) => r.changes === true).length,
    unchanged: rows.filter((r) => r.changes === false && r.pushQuantity !== null).length,
    unknown: rows.filter((r) => r.changes === null).length,
    held: rows.filter((r) => r.pushQuantity === null).length,
  };
}

/** Like the bulk change: every id must be a product of this store, reported where it was given. */
async function assertOwnProducts(db: Db, storeId: number, ids: readonly number[]): Promise<void> {
  const found = new Set<number>();
  for (const part of chunk([...new Set(ids)], 1000)) {
    const rows = await db
      .selectFrom('products')
      .select('id')
      .where('storeId', '=', storeId)
      .where('id', 'in', part)
      .execute();
    for (const row of rows) found.add(row.id);
  }
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new NotFoundError(`product ${ids[missing]}`, ['ids', missing]);
}
