import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, type DialectName } from '@ballast/core';
import { createTestDatabase, DIALECTS, type TestDatabase } from '@ballast/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/auth/api-tokens.ts';
import { type ServerConfig, startServer } from '../src/start-server.ts';
import { type ServerProcess, startServerProcess } from './support/server-process.ts';
import { startSimulatorChannel } from './support/simulator-channel.ts';

const SECRET = 'start-server-test-secret-0123456789';

interface Database {
  t: TestDatabase;
  url: string;
  cleanup(): Promise<void>;
}

async function databaseFor(dialect: DialectName): Promise<Database> {
  if (dialect === 'postgres') {
    const t = await createTestDatabase('postgres');
    return { t, url: t.url, cleanup: () => t.drop() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ballast-start-test-'));
  const file = join(dir, 'ballast.db');
  const t = await createTestDatabase('sqlite', { file });
  return {
    t,
    url: `sqlite:${file}`,
    async cleanup() {
      await t.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function eventually(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The end-to-end story through real processes: connect a simulator channel through the API, create products
 * and a kit, turn Auto Sync on, receive an order by webhook, and see the simulator reach the right quantities.
 */
async function runStory(db: Database, apiUrl: string): Promise<{ workerIds: string[] }> {
  const store = await createStore(db.t.db, { name: 'Process store' });
  const { secret: token } = await createApiToken(db.t.db, store.id, 'e2e');
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${apiUrl}/api/v1/stores/${store.id}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const { sim, config } = await startSimulatorChannel();
  try {
    sim.seed(['A', 'B', 'KIT'].map((sku) => ({ sku, quantity: 0 })));
    const channel = await api('POST', '/channels', { connectorId: 'webhook', name: 'Sim shop', config });
    await api('POST', '/products', { sku: 'A', name: 'Part A' });
    await api('POST', '/products', { sku: 'B', name: 'Part B' });
    await api('POST', '/products', {
      sku: 'KIT',
      name: 'A with two B',
      kind: 'kit',
      components: [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 2 },
      ],
    });
    await api('POST', '/adjustments', {
      reason: 'count',
      lines: [
        { sku: 'A', set: 10 },
        { sku: 'B', set: 5 },
      ],
    });
    await api('POST', '/products/auto-sync', { filter: {}, enabled: true });
    await eventually(
      () => sim.quantityOf('A') === 10 && sim.quantityOf('B') === 5 && sim.quantityOf('KIT') === 2,
      'the first pushes',
    );

    const order = sim.signedOrderWebhook({
      id: 'E2E-1',
      lines: [
        { sku: 'A', quantity: 3 },
        { sku: 'KIT', quantity: 1 },
      ],
    });
    const res = await fetch(`${apiUrl}/webhooks/${channel.id}`, {
      method: 'POST',
      headers: order.headers,
      body: order.rawBody,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'created' });
    // And one sales order entered in the master itself.
    await api('POST', '/sales-orders', { number: 'SO-E2E-1', lines: [{ sku: 'B', quantity: 1 }] });
    // A: 10 - 3 - 1 = 6; B: 5 - 2 - 1 = 2; KIT: min(6 / 1, floor(2 / 2)) = 1.
    await eventually(
      () => sim.quantityOf('A') === 6 && sim.quantityOf('B') === 2 && sim.quantityOf('KIT') === 1,
      'the order to reach the simulator',
    );

    // The simulator applies a push before the worker records it: wait for the records of all three products.
    const historyOf = () =>
      db.t.db
        .selectFrom('syncHistory')
        .select(['productId', 'status', 'workerId', 'causeType'])
        .where('storeId', '=', store.id)
        .execute();
    const pushedForOrders = async () =>
      new Set(
        (await historyOf())
          .filter((h) => h.status === 'succeeded' && ['channel_order', 'sales_order'].includes(h.causeType))
          .map((h) => h.productId),
      ).size;
    await eventually(
      async () => (await pushedForOrders()) === 3,
      'Sync History to record the orders’ pushes',
    );
    const history = await historyOf();
    expect(history.filter((h) => h.status === 'failed')).toEqual([]);
    return { workerIds: [...new Set(history.map((h) => h.workerId ?? ''))] };
  } finally {
    await sim.close();
  }
}

const base = (url: string): ServerConfig => ({
  databaseUrl: url,
  host: '127.0.0.1',
  port: 0,
  role: 'all',
  secret: SECRET,
  demo: false,
});

for (const dialect of DIALECTS) {
  // Real processes compile the server at start: on a busy machine that alone takes several seconds.
  describe(`start-server processes [${dialect}]`, { timeout: 120_000 }, () => {
    let db: Database;
    let processes: ServerProcess[] = [];
    const start = async (config: ServerConfig, name?: string) => {
      const started = await startServerProcess(config, name ? { name } : {});
      processes.push(started);
      return started;
    };

    beforeAll(async () => {
      db = await databaseFor(dialect);
    });
    afterEach(async () => {
      // Whatever a test did, every process it started ends here, gracefully.
      const codes = await Promise.all(processes.map((p) => p.stop()));
      const outputs = processes.map((p) => p.output());
      processes = [];
      for (const [i, code] of codes.entries()) expect(code, outputs[i]).toBe(0);
    });
    afterAll(() => db.cleanup());

    it('role all: one process serves the API and syncs', async () => {
      const server = await start(base(db.url));
      const { workerIds } = await runStory(db, server.url!);
      expect(workerIds.every((id) => id.startsWith('all-'))).toBe(true);
      const health = await fetch(`${server.url}/readyz`);
      expect(health.status).toBe(200);
      expect(await (await fetch(`${server.url}/metrics`)).text()).toContain('ballast_sync_pushes_total');
    });

    const workers = dialect === 'postgres' ? 2 : 1;
    it(`roles split: 1 api and ${workers} worker process${workers > 1 ? 'es' : ''} on one database`, async () => {
      const api = await start({ ...base(db.url), role: 'api' }, 'api');
      // Workers start side by side: their migrations and claims must not collide.
      await Promise.all(
        Array.from({ length: workers }, (_, i) =>
          start({ ...base(db.url), role: 'worker' }, `worker-${i + 1}`),
        ),
      );
      const { workerIds } = await runStory(db, api.url!);
      expect(workerIds.length).toBeGreaterThan(0);
      // Only workers push: the api process has no sync loop.
      expect(workerIds.every((id) => id.startsWith('worker-'))).toBe(true);
      expect(api.output()).not.toContain('sync worker running');
    });

    it('stops by itself when the parent goes away, and on SIGTERM', async () => {
      const orphan = await startServerProcess({ ...base(db.url), role: 'worker' });
      orphan.child.stdin!.end();
      expect(await orphan.exited).toBe(0);
      expect(orphan.output()).toContain('stopped');

      const served = await startServerProcess(base(db.url));
      expect(await served.stop()).toBe(0);
      expect(served.output()).toContain('shutting down');
      await expect(fetch(`${served.url}/healthz`)).rejects.toThrow();
    });

    it('fails to start with a clear error and a non-zero exit on a bad secret', async () => {
      await expect(startServerProcess({ ...base(db.url), secret: 'short' })).rejects.toThrow(
        /at least 16 characters/,
      );
    });
  });
}

describe('startServer in-process', () => {
  it('refuses a port in use, and releases what it opened', async () => {
    const db = await databaseFor('sqlite');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const quiet = { debug() {}, info() {}, warn() {}, error() {} };
      await expect(
        startServer({ ...base(db.url), port }, { handleSignals: false, logger: quiet }),
      ).rejects.toThrow(/EADDRINUSE/);
      // The failed start closed its database and stopped its worker: a new start on the same file works.
      const again = await startServer({ ...base(db.url), port: 0 }, { handleSignals: false, logger: quiet });
      expect(again.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await again.stop();
    } finally {
      blocker.close();
      await db.cleanup();
    }
  });

  it('role all on a database file runs the sync loop in a thread of its own: pushes, metrics, drift sweep, stop', async () => {
    const db = await databaseFor('sqlite');
    const { sim, config } = await startSimulatorChannel({ readBack: true });
    const quiet = { debug() {}, info() {}, warn() {}, error() {} };
    const server = await startServer({ ...base(db.url), port: 0 }, { handleSignals: false, logger: quiet });
    try {
      const store = await createStore(db.t.db, { name: 'Thread store' });
      const { secret: token } = await createApiToken(db.t.db, store.id, 'thread');
      const api = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`${server.url}/api/v1/stores/${store.id}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        expect(res.status, await res.clone().text()).toBeLessThan(300);
        return (await res.json()) as { id: number };
      };
      sim.seed([{ sku: 'MUG', quantity: 0 }]);
      const channel = await api('POST', '/channels', { connectorId: 'webhook', name: 'Sim', config });
      await api('POST', '/products', { sku: 'MUG', name: 'Mug', autoSync: true });
      await api('POST', '/adjustments', { reason: 'count', lines: [{ sku: 'MUG', set: 7 }] });
      await eventually(() => sim.quantityOf('MUG') === 7, 'the first push');

      // Pushes are counted by the main thread's metrics from the loop's events.
      await eventually(
        async () =>
          /ballast_sync_pushes_total\{[^}]*status="succeeded"[^}]*\} [1-9]/.test(
            await (await fetch(`${server.url}/metrics`)).text(),
          ),
        'the push in the metrics',
      );

      // A manual edit on the channel: the sweep (asked of the thread) finds it and the loop puts 7 back.
      sim.seed([{ sku: 'MUG', quantity: 2 }]);
      expect(await server.engine!.sweepDrift(channel.id)).toEqual({ read: 1, drifted: 1 });
      await eventually(() => sim.quantityOf('MUG') === 7, 'the drift repaired');
    } finally {
      await server.stop();
      await sim.close();
      await db.cleanup();
    }
  });
});
