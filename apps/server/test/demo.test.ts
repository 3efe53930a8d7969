import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogFields, Logger } from '@ballast/connector-kit';
import { computeSyncableBalances, type Db, type DialectName, listStores } from '@ballast/core';
import { createTestDatabase, DIALECTS, type TestDatabase } from '@ballast/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHANNEL_NAME, DEMO_PRODUCTS, DEMO_STORE_NAME } from '../src/demo/demo-catalog.ts';
import { type RunningServer, type ServerConfig, startServer } from '../src/start-server.ts';

/** A logger that keeps the lines for assertions. */
function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: LogFields) =>
    lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { lines, debug: () => {}, info: log('info'), warn: log('warn'), error: log('error') };
}

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether the demo simulator shows every auto-synced product's syncable balance. */
async function simulatorConverged(db: Db, server: RunningServer): Promise<boolean> {
  const demo = server.demo!;
  const products = await db
    .selectFrom('products')
    .select(['id', 'sku'])
    .where('storeId', '=', demo.storeId)
    .where('autoSync', '=', 1)
    .execute();
  const balances = await computeSyncableBalances(
    db,
    demo.storeId,
    demo.channelId,
    products.map((p) => p.id),
  );
  if (!products.every((p) => demo.simulator.quantityOf(p.sku) === balances.get(p.id)?.quantity)) return false;
  // The simulator applies a push before the worker records its outcome: wait for the records too.
  const open = await db
    .selectFrom('syncHistory')
    .select('id')
    .where('storeId', '=', demo.storeId)
    .where('status', 'in', ['pending', 'retrying'])
    .execute();
  const dirty = await db
    .selectFrom('syncDirty')
    .select('productId')
    .where('storeId', '=', demo.storeId)
    .execute();
  return open.length === 0 && dirty.length === 0;
}

async function databaseFor(
  dialect: DialectName,
): Promise<{ t: TestDatabase; url: string; cleanup: () => Promise<void> }> {
  if (dialect === 'postgres') {
    const t = await createTestDatabase('postgres');
    return { t, url: t.url, cleanup: () => t.drop() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ballast-demo-test-'));
  const file = join(dir, 'ballast.db');
  const t = await createTestDatabase('sqlite', { file });
  return {
    t,
    url: `sqlite:${file}`,
    cleanup: async () => {
      await t.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

for (const dialect of DIALECTS) {
  describe(`demo mode [${dialect}]`, () => {
    let db: { t: TestDatabase; url: string; cleanup: () => Promise<void> };
    let config: ServerConfig;
    const options = { handleSignals: false, demoOrderIntervalMs: [600_000, 600_000] as const, poolSize: 3 };

    beforeAll(async () => {
      db = await databaseFor(dialect);
      config = {
        databaseUrl: db.url,
        host: '127.0.0.1',
        port: 0,
        role: 'all',
        secret: 'demo-test-secret-0123456789',
        demo: true,
      };
    });
    afterAll(() => db.cleanup());

    it('seeds a store, connects the local simulator and fills Sync History with real pushes', async () => {
      const logger = memoryLogger();
      const server = await startServer(config, { ...options, logger });
      try {
        const demo = server.demo!;
        const stores = await listStores(db.t.db);
        expect(stores.filter((s) => s.name === DEMO_STORE_NAME)).toHaveLength(1);
        const products = await db.t.db
          .selectFrom('products')
          .select(['sku', 'kind', 'autoSync'])
          .where('storeId', '=', demo.storeId)
          .execute();
        expect(products).toHaveLength(DEMO_PRODUCTS.length);
        expect(products.filter((p) => p.kind === 'kit')).toHaveLength(2);
        expect(products.filter((p) => p.autoSync === 1).length).toBeGreaterThan(products.length / 2);
        expect(products.some((p) => p.autoSync === 0)).toBe(true);

        await eventually(() => simulatorConverged(db.t.db, server), 'the simulator to show every balance');
        const pushed = await db.t.db
          .selectFrom('syncHistory')
          .select('id')
          .where('storeId', '=', demo.storeId)
          .where('status', '=', 'succeeded')
          .execute();
        expect(pushed.length).toBeGreaterThanOrEqual(products.filter((p) => p.autoSync === 1).length);

        // The logged token works against the real HTTP server, for the demo store only.
        expect(logger.lines.some((l) => l.includes(demo.token))).toBe(true);
        expect(logger.lines.some((l) => l.includes(`${server.url}/`))).toBe(true);
        const res = await fetch(`${server.url}/api/v1/stores/${demo.storeId}/channels`, {
          headers: { authorization: `Bearer ${demo.token}` },
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as {
          items: { name: string; status: string; sync: { lastPushAt: number } }[];
        };
        expect(body.items).toEqual([
          expect.objectContaining({
            name: DEMO_CHANNEL_NAME,
            status: 'active',
            sync: expect.objectContaining({ lastPushAt: expect.any(Number) }),
          }),
        ]);

        // So does the demo user shown in the log, as the demo store's owner.
        const credentials = logger.lines
          .map((l) => /sign in as (\S+) with password (\S+)/.exec(l))
          .find(Boolean);
        expect(credentials).toBeTruthy();
        const signIn = await fetch(`${server.url}/api/v1/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:0' },
          body: JSON.stringify({ email: credentials![1], password: credentials![2] }),
        });
        expect(signIn.status).toBe(200);
        expect(await signIn.json()).toMatchObject({
          stores: [{ id: demo.storeId, name: DEMO_STORE_NAME, role: 'owner' }],
        });
      } finally {
        await server.stop();
      }
    });

    it('brings web store orders over time that the master turns into pushes', async () => {
      const server = await startServer(config, { ...options, logger: memoryLogger() });
      try {
        const demo = server.demo!;
        await eventually(() => simulatorConverged(db.t.db, server), 'the first pushes');
        const ordersBefore = await db.t.db
          .selectFrom('salesOrders')
          .select('id')
          .where('storeId', '=', demo.storeId)
          .execute();
        await demo.tick();
        await demo.tick();
        const orders = await db.t.db
          .selectFrom('salesOrders')
          .select(['number', 'channelId'])
          .where('storeId', '=', demo.storeId)
          .execute();
        expect(orders.length).toBe(ordersBefore.length + 2);
        expect(orders.at(-1)).toMatchObject({
          channelId: demo.channelId,
          number: expect.stringMatching(/^Demo web store-D/),
        });
        await eventually(() => simulatorConverged(db.t.db, server), 'the orders to reach the simulator');
        const fromOrders = await db.t.db
          .selectFrom('syncHistory')
          .select('id')
          .where('storeId', '=', demo.storeId)
          .where('causeType', '=', 'channel_order')
          .execute();
        expect(fromOrders.length).toBeGreaterThan(0);
      } finally {
        await server.stop();
      }
    });

    it('seeds only once: a restart finds the store, re-points the channel and pushes to the new simulator', async () => {
      const first = await startServer(config, { ...options, logger: memoryLogger() });
      const { storeId, channelId, token: oldToken } = first.demo!;
      const oldSimulator = first.demo!.simulator.server.url;
      await first.stop();
      const last = await db.t.db
        .selectFrom('syncHistory')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow();
      const lastBefore = Number(last.id ?? 0);

      const second = await startServer(config, { ...options, logger: memoryLogger() });
      try {
        const demo = second.demo!;
        expect(demo).toMatchObject({ storeId, channelId });
        expect(demo.simulator.server.url).not.toBe(oldSimulator);
        expect((await listStores(db.t.db)).filter((s) => s.name === DEMO_STORE_NAME)).toHaveLength(1);
        const products = await db.t.db
          .selectFrom('products')
          .select('id')
          .where('storeId', '=', storeId)
          .execute();
        expect(products).toHaveLength(DEMO_PRODUCTS.length);
        await eventually(() => simulatorConverged(db.t.db, second), 'the new simulator to catch up');
        // Everything was pushed again to the new simulator, not only what changed.
        const resent = await db.t.db
          .selectFrom('syncHistory')
          .select('productId')
          .where('storeId', '=', storeId)
          .where('id', '>', lastBefore)
          .where('status', '=', 'succeeded')
          .execute();
        const autoSynced = await db.t.db
          .selectFrom('products')
          .select('id')
          .where('storeId', '=', storeId)
          .where('autoSync', '=', 1)
          .execute();
        expect(new Set(resent.map((r) => r.productId)).size).toBe(autoSynced.length);
        const auth = (token: string) =>
          fetch(`${second.url}/api/v1/stores/${storeId}`, { headers: { authorization: `Bearer ${token}` } });
        expect((await auth(oldToken)).status).toBe(401);
        expect((await auth(demo.token)).status).toBe(200);
      } finally {
        await second.stop();
      }
    });

    it('does not run without the flag, nor outside role all', async () => {
      const fresh = await databaseFor(dialect);
      try {
        const off = await startServer(
          { ...config, databaseUrl: fresh.url, demo: false },
          { ...options, logger: memoryLogger() },
        );
        expect(off.demo).toBeUndefined();
        await off.stop();
        const logger = memoryLogger();
        const api = await startServer(
          { ...config, databaseUrl: fresh.url, role: 'api' },
          { ...options, logger },
        );
        expect(api.demo).toBeUndefined();
        await api.stop();
        expect(logger.lines.some((l) => l.startsWith('warn demo mode needs ROLE=all'))).toBe(true);
        expect((await listStores(fresh.t.db)).filter((s) => s.name === DEMO_STORE_NAME)).toEqual([]);
      } finally {
        await fresh.cleanup();
      }
    });
  });
}
