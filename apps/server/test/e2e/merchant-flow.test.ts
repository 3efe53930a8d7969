// End to end, as a merchant runs Ballast: the real `ballast` CLI creates a user with a store and an API token,
// `ballast serve` runs as its own process, and everything else goes through the public HTTP API: connect a
// channel (the webhook connector's simulator, in this process), create products and a kit, count stock, turn
// Auto Sync on in bulk, post sales orders, ship one and cancel the other. The simulator must reach the right
// quantities and Sync History must record each push, with its explanation. On SQLite and PostgreSQL.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SIMULATOR_PATHS,
  startWebhookSimulator,
  type WebhookSimulator,
} from '@ballast/connector-webhook/simulator';
import { createTestDatabase, DIALECTS, type TestDatabase } from '@ballast/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type BallastServer,
  freePort,
  killAll,
  runBallast,
  startBallastServer,
} from './support/ballast-process.ts';
import { eventually, storeApi } from './support/store-api.ts';

const SECRET = 'e2e-server-secret-0123456789abcdef';
const SIM_SECRET = 'whsec_ZTJlLXNpbXVsYXRvci1zaWduaW5nLWtleQ==';
const EMAIL = 'owner@e2e.example';
const PASSWORD = 'a long e2e passphrase';

interface HistoryEntry {
  id: number;
  sku: string;
  status: string;
  quantity: number | null;
  cause: { type: string; ref: string; marks: number };
  explanation: { inputs: { available: number | null }; steps: string[] } | null;
}

for (const dialect of DIALECTS) {
  describe(`merchant flow through the real server process [${dialect}]`, { timeout: 180_000 }, () => {
    let dataDir: string;
    let database: TestDatabase | undefined;
    let databaseUrl: string;
    let server: BallastServer | undefined;
    let sim: WebhookSimulator | undefined;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), `ballast-e2e-${dialect}-`));
      if (dialect === 'postgres') {
        database = await createTestDatabase('postgres');
        databaseUrl = database.url;
      } else {
        databaseUrl = `sqlite:${join(dataDir, 'ballast.db')}`;
      }
    });

    afterEach(async () => {
      // Whatever happened, the server process ends here; a clean stop exits 0.
      const code = await server?.stop();
      const output = server?.output() ?? '';
      server = undefined;
      await sim?.close();
      sim = undefined;
      if (code !== undefined) expect(code, output).toBe(0);
    });

    afterAll(async () => {
      killAll();
      // The test's own connection is closed before the drop; the server's are gone with its process.
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('CLI user and token, then channel, products, Auto Sync, orders, shipping, Sync History over HTTP', async () => {
      const env = {
        DATABASE_URL: databaseUrl,
        BALLAST_DATA_DIR: dataDir,
        BALLAST_SECRET: SECRET,
        BALLAST_DEMO: 'false',
      };

      // 1. The operator creates the merchant and a token with the CLI.
      const user = await runBallast(
        ['user', 'create', '--email', EMAIL, '--password', PASSWORD, '--store-name', 'E2E shop'],
        env,
      );
      expect(user.code, user.stderr).toBe(0);
      const storeId = Number(/owner of store (\d+)/.exec(user.stdout)?.[1]);
      expect(storeId).toBeGreaterThan(0);
      const tokenRun = await runBallast(
        ['token', 'create', '--store', String(storeId), '--name', 'e2e'],
        env,
      );
      expect(tokenRun.code, tokenRun.stderr).toBe(0);
      const token = tokenRun.stdout.trim();
      expect(token).toMatch(/^blst_/);

      // 2. The server runs as its own process.
      const port = await freePort();
      server = await startBallastServer({ ...env, PORT: String(port) });
      const api = storeApi(server.url, storeId, token);

      // The merchant can sign in to the admin, and sees their store.
      const signIn = await fetch(`${server.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const session = await fetch(`${server.url}/api/v1/auth/session`, { headers: { cookie } });
      expect(await session.json()).toMatchObject({ stores: [expect.objectContaining({ id: storeId })] });

      // 3. A channel: the merchant's own system, here the webhook simulator.
      sim = await startWebhookSimulator({ secret: SIM_SECRET, requestsPerSecond: 1000 });
      sim.seed(['E2E-A', 'E2E-B', 'E2E-C', 'E2E-KIT'].map((sku) => ({ sku, quantity: 0 })));
      const channel = await api<{ id: number; status: string }>('POST', '/channels', {
        connectorId: 'webhook',
        name: 'Merchant ERP',
        config: {
          endpointUrl: `${sim.server.url}${SIMULATOR_PATHS.inventory}`,
          lookupUrl: `${sim.server.url}${SIMULATOR_PATHS.lookup}`,
          signingSecret: SIM_SECRET,
          requestsPerSecond: 1000,
        },
      });
      expect(channel.status).toBe('active');

      // 4. Products, a kit of them, and counted stock.
      const ids: Record<string, number> = {};
      for (const sku of ['E2E-A', 'E2E-B', 'E2E-C']) {
        ids[sku] = (await api<{ id: number }>('POST', '/products', { sku, name: `Product ${sku}` })).id;
      }
      ids['E2E-KIT'] = (
        await api<{ id: number }>('POST', '/products', {
          sku: 'E2E-KIT',
          name: 'One A and two B',
          kind: 'kit',
          components: [
            { sku: 'E2E-A', quantity: 1 },
            { sku: 'E2E-B', quantity: 2 },
          ],
        })
      ).id;
      await api('POST', '/adjustments', {
        reason: 'opening count',
        lines: [
          { sku: 'E2E-A', set: 20 },
          { sku: 'E2E-B', set: 10 },
          { sku: 'E2E-C', set: 5 },
        ],
      });
      // Auto Sync is off: nothing has been pushed yet.
      expect(sim.quantityOf('E2E-A')).toBe(0);

      // 5. Auto Sync on for every product at once: the channel gets the master's quantities.
      const bulk = await api<{ updated: number }>('POST', '/products/auto-sync', {
        filter: {},
        enabled: true,
      });
      expect(bulk.updated).toBe(4);
      const simShows = (expected: Record<string, number>) => () =>
        Object.entries(expected).every(([sku, quantity]) => sim!.quantityOf(sku) === quantity);
      const seen = () =>
        JSON.stringify(
          Object.fromEntries(['E2E-A', 'E2E-B', 'E2E-C', 'E2E-KIT'].map((s) => [s, sim!.quantityOf(s)])),
        );
      // The kit: min(20 / 1, floor(10 / 2)) = 5.
      await eventually(simShows({ 'E2E-A': 20, 'E2E-B': 10, 'E2E-C': 5, 'E2E-KIT': 5 }), seen);

      // 6. Sales orders commit stock; the channel follows.
      const first = await api<{ id: number; status: string }>('POST', '/sales-orders', {
        number: 'E2E-SO-1',
        lines: [
          { sku: 'E2E-A', quantity: 3 },
          { sku: 'E2E-B', quantity: 1 },
        ],
      });
      const second = await api<{ id: number }>('POST', '/sales-orders', {
        number: 'E2E-SO-2',
        lines: [{ sku: 'E2E-C', quantity: 2 }],
      });
      // Kit: min(17, floor(9 / 2)) = 4.
      await eventually(simShows({ 'E2E-A': 17, 'E2E-B': 9, 'E2E-C': 3, 'E2E-KIT': 4 }), seen);

      // 7. Shipping one takes its stock off the shelf (available is unchanged); cancelling the other releases it.
      const shipped = await api<{ status: string }>('POST', `/sales-orders/${first.id}/ship`, {});
      expect(shipped.status).toBe('shipped');
      await api('POST', `/sales-orders/${second.id}/cancel`);
      await eventually(simShows({ 'E2E-A': 17, 'E2E-B': 9, 'E2E-C': 5, 'E2E-KIT': 4 }), seen);
      const balance = await api<{ onHand: number; committed: number; available: number }>(
        'GET',
        `/products/${ids['E2E-A']}/balance`,
      );
      expect(balance).toMatchObject({ onHand: 17, committed: 0, available: 17 });

      // 8. Sync History recorded every push: the newest succeeded push per product is what the channel shows,
      // with the explanation of how it was computed and the movement that caused it.
      const newestSucceeded = async () => {
        const page = await api<{ items: HistoryEntry[] }>(
          'GET',
          `/sync-history?channelId=${channel.id}&status=succeeded&limit=100`,
        );
        const newest = new Map<string, HistoryEntry>();
        for (const entry of page.items) if (!newest.has(entry.sku)) newest.set(entry.sku, entry);
        return newest;
      };
      // The simulator applies a push before the server records it: wait for the records.
      let newest = new Map<string, HistoryEntry>();
      await eventually(
        async () => {
          newest = await newestSucceeded();
          return ['E2E-A', 'E2E-B', 'E2E-C', 'E2E-KIT'].every(
            (sku) => newest.get(sku)?.quantity === sim!.quantityOf(sku),
          );
        },
        () => JSON.stringify([...newest.values()].map((e) => [e.sku, e.quantity, e.cause.type])),
      );
      for (const [sku, entry] of newest) {
        expect({ sku, status: entry.status, explained: entry.explanation?.steps.length ?? 0 }).toMatchObject({
          sku,
          status: 'succeeded',
          explained: expect.any(Number),
        });
        expect(entry.explanation).not.toBeNull();
      }
      // C's explanation shows the available the pushed quantity was computed from.
      expect(newest.get('E2E-C')!.explanation!.inputs.available).toBe(5);
      const one = await api<HistoryEntry>('GET', `/sync-history/${newest.get('E2E-KIT')!.id}`);
      expect(one).toMatchObject({ sku: 'E2E-KIT', status: 'succeeded', quantity: 4 });
      // Every value the channel went through, in order, was pushed and recorded (a push of a value the channel
      // already shows, after the shipment, is recorded as skipped).
      const all = await api<{ items: HistoryEntry[] }>(
        'GET',
        `/sync-history?channelId=${channel.id}&limit=200`,
      );
      expect(all.items.filter((e) => e.status === 'failed')).toEqual([]);
      const pushed = (sku: string) =>
        all.items
          .filter((e) => e.sku === sku && e.status === 'succeeded')
          .reverse()
          .map((e) => e.quantity)
          .filter((q, i, list) => i === 0 || list[i - 1] !== q);
      expect(
        Object.fromEntries(['E2E-A', 'E2E-B', 'E2E-C', 'E2E-KIT'].map((sku) => [sku, pushed(sku)])),
      ).toEqual({
        'E2E-A': [20, 17],
        'E2E-B': [10, 9],
        'E2E-C': [5, 3, 5],
        'E2E-KIT': [5, 4],
      });
      expect(all.items.filter((e) => e.status === 'skipped').map((e) => e.cause)).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: 'sales_order', ref: String(first.id) })]),
      );
      expect(newest.get('E2E-C')!.cause).toMatchObject({ type: 'sales_order', ref: String(second.id) });

      // The operator's view: the queue is drained and pushes are counted.
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/ballast_sync_pushes_total\{[^}]*status="succeeded"[^}]*\} [1-9]/);
    });
  });
}
