import { bulkSetAutoSync, createChannel, type Db, type DialectName, type Store } from '@ballast/core';
import { createTestDatabase, type TestDatabase } from '@ballast/core/testing';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../../src/index.ts';
import { type FeedSimulator, feedConnector, startFeedSimulator } from './feed-channel/index.ts';
import { seedStockedStore } from './seed-stocked-store.ts';

export const FEED_API_KEY = 'feed-api-key';

export interface FeedFixture {
  t: TestDatabase;
  db: Db;
  store: Store;
  channelId: number;
  sim: FeedSimulator;
  /** The feed connector's config pointing at the simulator. */
  config: Record<string, unknown>;
  engine(options?: Partial<SyncEngineOptions>): SyncEngine;
  close(): Promise<void>;
}

/**
 * A store whose products SKU-1..SKU-n (on hand 10, Auto Sync on) are listed on a feed-style channel with
 * quantity 0. Engines poll verdicts as soon as they are asked to (`pendingPollIntervalMs: 0`).
 */
export async function createFeedFixture(
  dialect: DialectName,
  options: {
    products?: number;
    batchSize?: number;
    /** The limit the connector declares (and the engine paces by). */
    requestsPerSecond?: number;
    burst?: number;
    /** The limit the simulator enforces (default: the declared one). */
    channelLimit?: { requestsPerSecond: number; burst: number };
    database?: TestDatabase;
  } = {},
): Promise<FeedFixture> {
  const t = options.database ?? (await createTestDatabase(dialect));
  const db = t.db;
  const count = options.products ?? 2;
  const requestsPerSecond = options.requestsPerSecond ?? 1000;
  const sim = await startFeedSimulator({
    apiKey: FEED_API_KEY,
    ...(options.channelLimit ?? { requestsPerSecond }),
  });
  sim.seed(Array.from({ length: count }, (_, i) => ({ sku: `SKU-${i + 1}`, quantity: 0 })));
  const store = await seedStockedStore(db, 'Feed store', count);
  const channel = await createChannel(db, store.id, { connectorId: 'feed-test', name: 'Marketplace feeds' });
  const config = {
    baseUrl: sim.server.url,
    apiKey: FEED_API_KEY,
    batchSize: options.batchSize ?? 50,
    requestsPerSecond,
    ...(options.burst !== undefined && { burst: options.burst }),
  };
  await bulkSetAutoSync(db, store.id, { filter: {} }, true);
  const engines: SyncEngine[] = [];
  return {
    t,
    db,
    store,
    channelId: channel.id,
    sim,
    config,
    engine(overrides = {}) {
      const engine = createSyncEngine({
        db,
        connectors: [feedConnector],
        resolveChannelConfig: () => ({ config }),
        backoff: { baseMs: 5, capMs: 40 },
        pollIntervalMs: 10,
        pendingPollIntervalMs: 0,
        connectorContext: { timeoutMs: 2_000 },
        ...overrides,
      });
      engines.push(engine);
      return engine;
    },
    async close() {
      await Promise.all(engines.map((e) => e.stop()));
      await sim.close();
      if (!options.database) await t.drop();
    },
  };
}
