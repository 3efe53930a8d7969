import type { Db } from '@ballast/core';

/** Every (product, channel) pair of the store owed a push, as "SKU@channel", "!" when forced; sorted. */
export async function dirtyPairs(db: Db, storeId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('syncDirty as d')
    .innerJoin('products as p', 'p.id', 'd.productId')
    .innerJoin('channels as c', 'c.id', 'd.channelId')
    .select(['p.sku', 'c.name', 'd.force'])
    .where('d.storeId', '=', storeId)
    .execute();
  return rows.map((r) => `${r.sku}@${r.name}${r.force === 1 ? '!' : ''}`).sort();
}
