import { webhookConnector } from '@ballast/connector-webhook';
import {
  SIMULATOR_PATHS,
  startWebhookSimulator,
  type WebhookSimulator,
} from '@ballast/connector-webhook/simulator';
import { bulkSetAutoSync, createChannel, type Db, type DialectName, type Store } from '@ballast/core';
import { createTestDatabase, type TestDatabase } from '@ballast/core/testing';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../../src/index.ts';
import { seedStockedStore } from './seed-stocked-store.ts';

/** A Standard Webhooks secret for tests. */
export const SECRET = 'whsec_dGhpcy1pcy1hLXRlc3Qtc2VjcmV0LWZvci1iYWxsYXN0IQ==';

export interface SyncFixture {
  t: TestDatabase;
  db: Db;
  store: Store;
  channelId: number;
  sim: WebhookSimulator;
  /** The webhook connector's config pointing at the simulator. */
  config: Record<string, unknown>;
  engine(options?: Partial<SyncEngineOptions>): SyncEngine;
  close(): Promise<void>;
}

export interface FixtureOptions {
  /** Products SKU-1..SKU-n with on hand 10 each, listed on the simulator with quantity 0. */
  products?: number;
  batchSize?: number;
  requestsPerSecond?: number;
  autoSync?: boolean;
  /** An existing database (for tests that start several processes on one file or PostgreSQL database). */
  database?: TestDatabase;
}

export async function createSyncFixture(
  dialect: DialectName,
  options: FixtureOptions = {},
): Promise<SyncFixture> {
  const t = options.database ?? (await createTestDatabase(dialect));
  const db = t.db;
  const count = options.products ?? 3;
  const sim = await startWebhookSimulator({
    secret: SECRET,
    requestsPerSecond: options.requestsPerSecond ?? 1000,
  });
  sim.seed(Array.from({ length: count }, (_, i) => ({ sku: `SKU-${i + 1}`, quantity: 0 })));
  const store = await seedStockedStore(db, 'Test store', count);
  const channel = await createChannel(db, store.id, { connectorId: 'webhook', name: 'Merchant endpoint' });
  const config = {
    endpointUrl: `${sim.server.url}${SIMULATOR_PATHS.inventory}`,
    lookupUrl: `${sim.server.url}${SIMULATOR_PATHS.lookup}`,
    readBackUrl: `${sim.server.url}${SIMULATOR_PATHS.readBack}`,
    signingSecret: SECRET,
    batchSize: options.batchSize ?? 100,
    requestsPerSecond: options.requestsPerSecond ?? 1000,
    timeoutMs: 2_000,
  };
  if (options.autoSync !== false && count > 0) await bulkSetAutoSync(db, store.id, { filter: {} }, true);
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
        connectors: [webhookConnector],
        resolveChannelConfig: () => ({ config }),
        backoff: { baseMs: 5, capMs: 40 },
        pollIntervalMs: 10,
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
