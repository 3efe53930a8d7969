import { randomBytes } from 'node:crypto';
import type { Logger } from '@ballast/connector-kit';
import {
  SIMULATOR_PATHS,
  startWebhookSimulator,
  type WebhookSimulator,
} from '@ballast/connector-webhook/simulator';
import { type Db, listListings, markDirty } from '@ballast/core';
import { createApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens.ts';
import { resetChannelBackoff } from '../connectors/reset-channel-backoff.ts';
import type { AppDeps } from '../deps.ts';
import type { SyncControl } from '../sync/sync-control.ts';
import { startDemoActivity } from './demo-activity.ts';
import { DEMO_PRODUCTS, DEMO_STORE_NAME, DEMO_TOKEN_NAME } from './demo-catalog.ts';
import { ensureDemoUser } from './demo-user.ts';
import { findDemoStore, seedDemoStore } from './seed-demo-store.ts';

export interface DemoOptions {
  deps: AppDeps;
  /** Where this process serves HTTP (orders are posted to its webhook endpoint). */
  apiUrl: string;
  /** Where people open the admin (the configured public URL). */
  publicUrl: string;
  engine?: SyncControl | undefined;
  /** The server secret: the demo user's password is derived from it (see `ensureDemoUser`). */
  serverSecret: string;
  logger: Logger;
  /** Time between demo orders, random in [min, max] ms (default 30–60 s). */
  orderIntervalMs?: readonly [number, number];
}

export interface RunningDemo {
  storeId: number;
  channelId: number;
  /** A fresh API token for the demo store (the previous start's token is revoked). */
  token: string;
  simulator: WebhookSimulator;
  /** One round of demo activity now (an order, a shipment, a restock). */
  tick(): Promise<void>;
  /** Stops the demo orders (first, while the API still answers). */
  stopActivity(): Promise<void>;
  /** Closes the simulator (last, once the sync loop stopped pushing to it). */
  closeSimulator(): Promise<void>;
}

/**
 * Demo mode: a store with sample products and stock, connected to a local web store simulator (started in
 * this process on 127.0.0.1), with Auto Sync on for most products, so Sync History fills with real pushes.
 * Orders then arrive over time through the channel's signed webhook. Seeding happens once; each start gives
 * the channel this start's simulator and pushes everything to it again.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const { deps, logger } = options;
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const simulator = await startWebhookSimulator({ secret, requestsPerSecond: 20 });
  try {
    // The simulator must know every item before the first push reaches it.
    simulator.seed(await simulatorItems(deps.db));
    const config = {
      endpointUrl: `${simulator.server.url}${SIMULATOR_PATHS.inventory}`,
      lookupUrl: `${simulator.server.url}${SIMULATOR_PATHS.lookup}`,
      readBackUrl: `${simulator.server.url}${SIMULATOR_PATHS.readBack}`,
      signingSecret: secret,
      requestsPerSecond: 20,
    };
    const demo = await seedDemoStore(deps.db, deps.secrets, config);
    if (!demo.created) {
      // A new simulator knows nothing of earlier pushes: send every auto-synced product again.
      const autoSynced = deps.db
        .selectFrom('products')
        .select('id')
        .where('storeId', '=', demo.storeId)
        .where('autoSync', '=', 1);
      await deps.db.transaction().execute((trx) =>
        markDirty(trx, {
          storeId: demo.storeId,
          channelId: demo.channelId,
          products: autoSynced,
          includeKits: false,
          force: true,
          cause: { type: 'resync', ref: 'demo:restart' },
        }),
      );
      // Pushes the last run could not finish (its simulator went away) are due now, not after their backoff.
      await resetChannelBackoff(deps.db, demo.channelId);
    }
    deps.notifySync();
    const token = await freshDemoToken(deps.db, demo.storeId);
    const user = deps.sessions
      ? await ensureDemoUser(deps.db, deps.sessions, demo.storeId, options.serverSecret)
      : undefined;
    const activity = startDemoActivity({
      db: deps.db,
      storeId: demo.storeId,
      channelId: demo.channelId,
      simulator,
      webhookUrl: `${options.apiUrl}/webhooks/${demo.channelId}`,
      engine: options.engine,
      intervalMs: options.orderIntervalMs ?? [30_000, 60_000],
      logger,
    });
    logger.info(
      `demo mode: "${DEMO_STORE_NAME}" ${demo.created ? 'created' : 'ready'} with a local web store simulator ` +
        `at ${simulator.server.url}; a demo order arrives every ${Math.round((options.orderIntervalMs?.[0] ?? 30_000) / 1000)}–` +
        `${Math.round((options.orderIntervalMs?.[1] ?? 60_000) / 1000)} s`,
    );
    logger.info(
      `demo mode: open the admin at ${options.publicUrl}/ (API docs at ${options.publicUrl}/api/v1/docs)`,
    );
    if (user) logger.info(`demo mode: sign in as ${user.email} with password ${user.password}`);
    logger.info(`demo mode: API token for the demo store (store id ${demo.storeId}): ${token}`);
    return {
      storeId: demo.storeId,
      channelId: demo.channelId,
      token,
      simulator,
      tick: () => activity.tick(),
      stopActivity: () => activity.stop(),
      closeSimulator: () => simulator.close(),
    };
  } catch (error) {
    await simulator.close();
    throw error;
  }
}

/** Every demo SKU at what the web store showed last time (0 on the first start). */
async function simulatorItems(db: Db): Promise<{ sku: string; quantity: number }[]> {
  const found = await findDemoStore(db);
  const shown = new Map<string, number>();
  if (found?.channelId !== undefined) {
    for (const listing of await listListings(db, found.storeId, { channelId: found.channelId })) {
      shown.set(listing.sku, Math.max(0, listing.channelQuantity ?? listing.lastPushedQuantity ?? 0));
    }
  }
  return DEMO_PRODUCTS.map((p) => ({ sku: p.sku, quantity: shown.get(p.sku) ?? 0 }));
}

/** A token whose secret can be shown in the log; the one shown at the previous start stops working. */
async function freshDemoToken(db: Db, storeId: number): Promise<string> {
  for (const token of await listApiTokens(db, storeId)) {
    if (token.name === DEMO_TOKEN_NAME && token.revokedAt === null)
      await revokeApiToken(db, storeId, token.id);
  }
  return (await createApiToken(db, storeId, DEMO_TOKEN_NAME)).secret;
}
