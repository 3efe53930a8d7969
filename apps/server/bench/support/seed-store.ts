import { adjustStock, createProduct, createStore, openDatabase } from '@ballast/core';
import { createApiToken } from '../../src/auth/api-tokens.ts';
import { migrateDatabase } from '../../src/start-server.ts';

/**
 * A store with `products` simple products (`SKU-0`..), each with `onHand` at the default location, and an API
 * token, written straight to the database before the server starts (1,000 API calls would only slow the
 * set-up). Auto Sync and the channel are set through the API once the server runs.
 */
export async function seedStore(
  databaseUrl: string,
  options: { products: number; onHand: number },
): Promise<{ storeId: number; token: string; skus: string[] }> {
  const { db, close } = await openDatabase(databaseUrl, { migrate: false });
  try {
    await migrateDatabase(db);
    const store = await createStore(db, { name: 'Bench store' });
    const skus = Array.from({ length: options.products }, (_, i) => `SKU-${i}`);
    for (const sku of skus) await createProduct(db, store.id, { sku, name: `Bench product ${sku}` });
    // An adjustment takes at most 1,000 lines.
    for (let i = 0; i < skus.length; i += 1000) {
      await adjustStock(db, store.id, {
        reason: 'bench seed',
        lines: skus.slice(i, i + 1000).map((sku) => ({ sku, set: options.onHand })),
      });
    }
    const { secret } = await createApiToken(db, store.id, 'bench');
    return { storeId: store.id, token: secret, skus };
  } finally {
    await close();
  }
}
