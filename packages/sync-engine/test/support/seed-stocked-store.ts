import { adjustStock, createProduct, createStore, type Db, type Store } from '@ballast/core';

/** A store with products SKU-1..SKU-n, each with 10 on hand at the default location. */
export async function seedStockedStore(db: Db, name: string, count: number): Promise<Store> {
  const store = await createStore(db, { name });
  for (let i = 1; i <= count; i++)
    await createProduct(db, store.id, { sku: `SKU-${i}`, name: `Product ${i}` });
  if (count > 0) {
    await adjustStock(db, store.id, {
      reason: 'initial count',
      lines: Array.from({ length: count }, (_, i) => ({ sku: `SKU-${i + 1}`, set: 10 })),
    });
  }
  return store;
}
