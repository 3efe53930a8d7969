import {
  adjustStock,
  createChannel,
  createProduct,
  createStore,
  type Db,
  listChannels,
  listStores,
  productIdsBySku,
  updateChannel,
} from '@ballast/core';
import { sealChannelConfig } from '../connectors/channel-config.ts';
import type { SecretBox } from '../deps.ts';
import { DEMO_CHANNEL_NAME, DEMO_PRODUCTS, DEMO_STORE_NAME } from './demo-catalog.ts';

export interface DemoStore {
  storeId: number;
  channelId: number;
  /** True when this call created the store (the first start). */
  created: boolean;
}

/** The demo store and channel if an earlier start made them (found by name). */
export async function findDemoStore(
  db: Db,
): Promise<{ storeId: number; channelId: number | undefined } | undefined> {
  const store = (await listStores(db)).find((s) => s.name === DEMO_STORE_NAME);
  if (!store) return undefined;
  const channel = (await listChannels(db, store.id)).find(
    (c) => c.name === DEMO_CHANNEL_NAME && c.connectorId === 'webhook',
  );
  return { storeId: store.id, channelId: channel?.id };
}

/**
 * Makes sure the demo store exists with its products, stock and web store channel, and points the channel at
 * this start's simulator. Every step looks before it writes, so a restart (or a start after a crash halfway
 * through seeding) completes what is missing and never seeds twice. Products get their Auto Sync flag only
 * when created: a merchant's later changes stay.
 */
export async function seedDemoStore(db: Db, secrets: SecretBox, channelConfig: unknown): Promise<DemoStore> {
  const found = await findDemoStore(db);
  const storeId = found?.storeId ?? (await createStore(db, { name: DEMO_STORE_NAME })).id;
  const configCiphertext = sealChannelConfig(secrets, channelConfig);
  // The channel first: products created after it are pushed to it at once.
  const channelId =
    found?.channelId === undefined
      ? (
          await createChannel(db, storeId, {
            connectorId: 'webhook',
            name: DEMO_CHANNEL_NAME,
            configCiphertext,
          })
        ).id
      : (await updateChannel(db, storeId, found.channelId, { configCiphertext })).id;

  const existing = await productIdsBySku(
    db,
    storeId,
    DEMO_PRODUCTS.map((p) => p.sku),
  );
  // Components before kits: the catalogue lists kits last.
  for (const product of DEMO_PRODUCTS) {
    if (existing.has(product.sku)) continue;
    await createProduct(db, storeId, {
      sku: product.sku,
      name: product.name,
      kind: product.components ? 'kit' : 'simple',
      autoSync: product.autoSync,
      components: product.components ?? [],
    });
  }
  const moved = await db
    .selectFrom('movements')
    .select('id')
    .where('storeId', '=', storeId)
    .limit(1)
    .execute();
  if (moved.length === 0) {
    await adjustStock(db, storeId, {
      reason: 'Opening stock count (demo)',
      lines: DEMO_PRODUCTS.filter((p) => !p.components).map((p) => ({ sku: p.sku, set: p.onHand })),
    });
  }
  return { storeId, channelId, created: found === undefined };
}
