import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@ballast/connector-kit';
import {
  adjustStock,
  createChannel,
  createFeed,
  createProduct,
  createStore,
  getProductBalance,
  listFeedRuns,
} from '@ballast/core';
import { createTestDatabase, DIALECTS, type TestDatabase } from '@ballast/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealChannelConfig } from '../src/connectors/channel-config.ts';
import { createSecretBox } from '../src/secrets/secret-box.ts';
import { claimJobLease } from '../src/start/job-lease.ts';
import { runAsLeader } from '../src/start/leader-task.ts';
import { migrateDatabase, type RunningServer, startServer } from '../src/start-server.ts';
import { startSimulatorChannel } from './support/simulator-channel.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

for (const dialect of DIALECTS) {
  describe(`cluster leases [${dialect}]`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      await migrateDatabase(t.db);
    });
    afterAll(() => t.drop());

    it('gives a job lease to one holder until it expires; the holder may renew it', async () => {
      expect(await claimJobLease(t.db, 'job-a', 'one', 300)).toBe(true);
      expect(await claimJobLease(t.db, 'job-a', 'two', 300)).toBe(false);
      expect(await claimJobLease(t.db, 'job-a', 'one', 300)).toBe(true);
      expect(await claimJobLease(t.db, 'job-b', 'two', 300)).toBe(true);
      await sleep(350);
      expect(await claimJobLease(t.db, 'job-a', 'two', 300)).toBe(true);
      expect(await claimJobLease(t.db, 'job-a', 'one', 300)).toBe(false);
    });

    it('runs a leader task in one process at a time and hands it over when its leader stops', async () => {
      const running = new Set<string>();
      const everRan: string[] = [];
      const leader = (holder: string) =>
        runAsLeader({
          db: t.db,
          name: 'leader-test',
          holder,
          ttlMs: 300,
          logger: silentLogger,
          start() {
            running.add(holder);
            everRan.push(holder);
            return {
              async stop() {
                running.delete(holder);
              },
            };
          },
        });
      const a = leader('a');
      const b = leader('b');
      await eventually(() => running.size === 1, 'a leader');
      await sleep(700);
      expect(running.size).toBe(1);
      expect(everRan).toHaveLength(1);
      const first = everRan[0]!;
      await (first === 'a' ? a : b).stop();
      await eventually(() => running.size === 1 && !running.has(first), 'the other process to take over');
      await (first === 'a' ? b : a).stop();
      expect(running.size).toBe(0);
    });
  });

  describe(`feed scheduler in worker processes [${dialect}]`, () => {
    let t: TestDatabase;
    let feedServer: Server;
    let feedUrl: string;
    let pulls = 0;
    // Worker processes open the database by URL: SQLite needs a file, not memory.
    const dir = mkdtempSync(join(tmpdir(), 'ballast-leases-'));

    beforeAll(async () => {
      t = await createTestDatabase(dialect, dialect === 'sqlite' ? { file: join(dir, 'ballast.db') } : {});
      feedServer = createServer((_req, res) => {
        pulls += 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ items: [{ sku: 'FEED-1', onHand: 7 }] }));
      });
      await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
      feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/stock.json`;
    });
    afterAll(async () => {
      feedServer.close();
      await t.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const workers = dialect === 'postgres' ? 2 : 1;
    it(`pulls a due feed once with ${workers} worker${workers > 1 ? 's' : ''} running, and applies it`, async () => {
      const servers: RunningServer[] = [];
      try {
        for (let i = 0; i < workers; i++) {
          servers.push(
            await startServer(
              {
                databaseUrl: dialect === 'sqlite' ? `sqlite:${t.url}` : t.url,
                host: '127.0.0.1',
                port: 0,
                role: 'worker',
                secret: 'lease-test-secret-0123456789',
                demo: false,
              },
              { handleSignals: false, logger: silentLogger, feedCheckIntervalMs: 100, poolSize: 3 },
            ),
          );
        }
        const store = await createStore(t.db, { name: 'Feed store' });
        const product = await createProduct(t.db, store.id, { sku: 'FEED-1', name: 'Fed' });
        const feed = await createFeed(t.db, store.id, { name: 'ERP', url: feedUrl, intervalMinutes: 60 });
        await eventually(
          async () => (await getProductBalance(t.db, store.id, product.id)).onHand === 7,
          'the feed to be applied',
        );
        // Several more scheduler ticks: none may pull the feed again (it is not due for an hour).
        await sleep(600);
        expect(pulls).toBe(1);
        expect(await listFeedRuns(t.db, store.id, feed.id)).toHaveLength(1);
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    });

    it('sweeps drift: a quantity edited on the channel is put back to the master’s', async () => {
      const secret = 'lease-test-secret-0123456789';
      const { sim, config } = await startSimulatorChannel({ readBack: true });
      const server = await startServer(
        {
          databaseUrl: dialect === 'sqlite' ? `sqlite:${t.url}` : t.url,
          host: '127.0.0.1',
          port: 0,
          role: 'worker',
          secret,
          demo: false,
          // As `ballast serve` passes BALLAST_DRIFT_SWEEP_INTERVAL (its 1 minute floor is the CLI's).
          driftSweepIntervalMs: 200,
        },
        { handleSignals: false, logger: silentLogger, poolSize: 3 },
      );
      try {
        const store = await createStore(t.db, { name: 'Drift store' });
        sim.seed([{ sku: 'DRIFT-1', quantity: 0 }]);
        await createChannel(t.db, store.id, {
          connectorId: 'webhook',
          name: 'Drifting shop',
          configCiphertext: sealChannelConfig(createSecretBox(secret), config),
        });
        await createProduct(t.db, store.id, { sku: 'DRIFT-1', name: 'Drifter', autoSync: true });
        await adjustStock(t.db, store.id, { reason: 'count', lines: [{ sku: 'DRIFT-1', set: 4 }] });
        await eventually(() => sim.quantityOf('DRIFT-1') === 4, 'the first push');
        // Someone edits the quantity in the channel's own admin; no stock moves in the master.
        sim.setQuantity('DRIFT-1', 40);
        await eventually(() => sim.quantityOf('DRIFT-1') === 4, 'the drift sweep to put it back');
      } finally {
        await server.stop();
        await sim.close();
      }
    });
  });
}
