import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookSimulator } from '@ballast/connector-webhook/simulator';
import {
  applyFeedSnapshot,
  createChannel,
  createFeed,
  createProduct,
  createStore,
  getProductBalance,
  getProductBySku,
  type Store,
} from '@ballast/core';
import { createTestDatabase, type TestDatabase } from '@ballast/core/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sealChannelConfig } from '../src/connectors/channel-config.ts';
import { createSecretBox } from '../src/secrets/secret-box.ts';
import { type RunningServer, startServer } from '../src/start-server.ts';
import { SYNC_NOTIFY_CHANNEL } from '../src/sync/sync-notifier.ts';
import { eventually } from './e2e/support/store-api.ts';
import { startSimulatorChannel } from './support/simulator-channel.ts';

const SECRET = 'feed-notify-test-secret-0123456789';
const HOUR = 3_600_000;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The feed scheduler runs in one worker of the cluster; the pairs a feed marks dirty are claimed by any. Its
 * runs and stale raises send the NOTIFY the api's writes send, so every worker looks at once instead of on
 * its next poll.
 */
describe('PostgreSQL: feed runs and stale raises NOTIFY the sync workers of every process', () => {
  let t: TestDatabase;
  let store: Store;
  let supplier: Server;
  let csv = '';
  let sim: WebhookSimulator;
  let listener: pg.Client;
  let worker: RunningServer | undefined;
  const received: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    supplier = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/csv' }).end(csv));
    supplier.listen(0, '127.0.0.1');
    await once(supplier, 'listening');
    store = await createStore(t.db, { name: 'Feed store' });
    for (const sku of ['MUG', 'CUP']) await createProduct(t.db, store.id, { sku, name: sku, autoSync: true });
    const channel = await startSimulatorChannel();
    sim = channel.sim;
    sim.seed([
      { sku: 'MUG', quantity: 0 },
      { sku: 'CUP', quantity: 0 },
    ]);
    await createChannel(t.db, store.id, {
      connectorId: 'webhook',
      name: 'Sim',
      configCiphertext: sealChannelConfig(createSecretBox(SECRET), channel.config),
    });
    listener = new pg.Client({ connectionString: t.url });
    await listener.connect();
    listener.on('notification', (message) => received.push(message.channel));
    await listener.query(`LISTEN ${SYNC_NOTIFY_CHANNEL}`);
  });
  afterAll(async () => {
    await worker?.stop();
    await listener?.end();
    await sim?.close();
    supplier?.close();
    await t?.drop();
  });

  it('a worker’s feed scheduler raising a stale feed, then pulling a scheduled one, sends NOTIFY each time', async () => {
    // A pushed feed whose last snapshot is two hours old: stale for an hour, not raised yet.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() - 2 * HOUR);
      const pushed = await createFeed(t.db, store.id, { name: 'Pushed', staleAfterMinutes: 60 });
      await applyFeedSnapshot(t.db, store.id, pushed.id, { items: [{ sku: 'CUP', onHand: 5 }] });
    } finally {
      vi.useRealTimers();
    }
    await t.db.deleteFrom('syncDirty').execute();
    expect(received).toEqual([]);

    // A worker process sends nothing else: no API is served here.
    worker = await startServer(
      { databaseUrl: t.url, host: '127.0.0.1', port: 0, role: 'worker', secret: SECRET, demo: false },
      { handleSignals: false, logger: quiet, feedCheckIntervalMs: 50 },
    );
    await eventually(
      () => received.length > 0,
      () => 'no NOTIFY for the stale feed',
      10_000,
    );
    const marked = await t.db.selectFrom('syncHistory').select('errorCode').where('storeId', '=', store.id);
    await eventually(
      async () => (await marked.execute()).some((row) => row.errorCode === 'unknown_quantity'),
      () => 'the held push of the stale feed’s product not recorded',
    );

    const before = received.length;
    csv = 'sku,quantity\nMUG,40\n';
    await createFeed(t.db, store.id, { name: 'Supplier', url: supplierUrl(supplier), intervalMinutes: 60 });
    const mug = await getProductBySku(t.db, store.id, 'MUG');
    await eventually(
      async () => (await getProductBalance(t.db, store.id, mug.id)).onHand === 40 && received.length > before,
      () => `${received.length - before} NOTIFY after the pull`,
      10_000,
    );
    expect(new Set(received)).toEqual(new Set([SYNC_NOTIFY_CHANNEL]));
  });
});

function supplierUrl(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/stock.csv`;
}
