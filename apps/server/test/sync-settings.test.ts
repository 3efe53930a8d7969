import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIMULATOR_PATHS } from '@ballast/connector-webhook/simulator';
import { createStore } from '@ballast/core';
import { createTestDatabase } from '@ballast/core/testing';
import { describe, expect, it } from 'vitest';
import { createApiToken } from '../src/auth/api-tokens.ts';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/start-server.ts';
import { eventually, storeApi } from './e2e/support/store-api.ts';
import { startSimulatorChannel } from './support/simulator-channel.ts';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

describe('sync engine settings from the environment', () => {
  it('reach the sync loop in its own thread: BALLAST_NOT_LISTED_RECHECK=0s looks a missing SKU up on every change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-sync-settings-'));
    const file = join(dir, 'ballast.db');
    const t = await createTestDatabase('sqlite', { file });
    const { sim, config: channelConfig } = await startSimulatorChannel();
    const config = loadConfig({
      env: {
        BALLAST_DATA_DIR: dir,
        DATABASE_URL: `sqlite:${file}`,
        BALLAST_SECRET: 'sync-settings-test-secret-0123456789',
        BALLAST_DEMO: 'false',
        PORT: '0',
        BALLAST_NOT_LISTED_RECHECK: '0s',
      },
    });
    // Role `all` on a database file: the loop runs in a worker thread, which gets the settings as data.
    const server = await startServer(config, { handleSignals: false, logger: quiet });
    try {
      const store = await createStore(t.db, { name: 'Settings store' });
      const { secret: token } = await createApiToken(t.db, store.id, 'settings');
      const api = storeApi(server.url!, store.id, token);
      const lookups = () =>
        sim.server.requests.filter((r) => r.method === 'GET' && r.path === SIMULATOR_PATHS.lookup).length;

      await api('POST', '/channels', { connectorId: 'webhook', name: 'Sim', config: channelConfig });
      await api('POST', '/products', { sku: 'UNLISTED', name: 'Not on the channel', autoSync: true });
      await api('POST', '/adjustments', { reason: 'count', lines: [{ sku: 'UNLISTED', set: 5 }] });
      const outboxEmpty = async () =>
        (await t.db.selectFrom('syncDirty').select('productId').execute()).length === 0;
      await eventually(
        async () => lookups() >= 1 && (await outboxEmpty()),
        () => `${lookups()} lookups`,
      );
      // With the default (1 h) neither sale would ask the channel again.
      for (const sale of [1, 2]) {
        const before = lookups();
        await api('POST', '/adjustments', { reason: 'sold', lines: [{ sku: 'UNLISTED', delta: -1 }] });
        await eventually(
          async () => lookups() > before && (await outboxEmpty()),
          () => `sale ${sale}: ${lookups()} lookups, ${before} before it`,
          20_000,
        );
      }
      expect(sim.quantityOf('UNLISTED')).toBeUndefined();
    } finally {
      await server.stop();
      await sim.close();
      await t.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
