// Sustained sales-order creation over HTTP on SQLite: the real server process (`ballast serve`, role all, demo
// off) with 1,000 products, all with Auto Sync on and plenty of stock, pushed to a webhook-simulator channel.
// autocannon drives `POST /api/v1/stores/{id}/sales-orders` on loopback for BENCH_DURATION_S seconds (default
// 15) with BENCH_CONNECTIONS connections (default 10), each request a new order number and one line on the
// next SKU in turn. Load generator and simulator share this process; the server has its own.
//
// The sync queue (`sync_dirty`) holds one row per (product, channel) pair that owes a push: marks coalesce, so
// its depth can never exceed products × channels (1,000 here) however many orders arrive. "Bounded" therefore
// means more than "finite": the sampled maximum stays well under that ceiling (under half of it: the worker
// claims pairs about as fast as orders dirty them, so most pairs are never waiting) and the queue drains to 0
// within DRAIN_MS of the load stopping, with every pushed quantity equal to the master's.
//
// `server_cpu_ms_per_order` is the CPU time the server process used (API and sync loop, every thread, from
// /proc) per order during the load: unlike orders/s it hardly depends on what else runs on the machine, and
// 1000 / it is the rate one core could sustain. BENCH_CPU_PROF=<dir> writes a .cpuprofile of the server there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Figure } from '@ballast/bench';
import { SIMULATOR_PATHS, startWebhookSimulator } from '@ballast/connector-webhook/simulator';
import { getProductBalance, getProductBySku, openDatabase } from '@ballast/core';
import autocannon from 'autocannon';
import { note } from './support/note.ts';
import { seedStore } from './support/seed-store.ts';
import { freePort, startServerProcess } from './support/server-process.ts';
import { withCleanups } from './support/with-cleanups.ts';

const PRODUCTS = 1_000;
const ON_HAND = 1_000_000;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SAMPLE_MS = 500;
const DRAIN_MS = 5_000;
const SECRET = 'bench-server-secret-0123456789abcdef';
const SIM_SECRET = 'whsec_YmVuY2gtc2ltdWxhdG9yLXNpZ25pbmcta2V5IQ==';

export function run(): Promise<Figure[]> {
  return withCleanups(async (defer) => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-orders-http-'));
    defer(() => rmSync(dir, { recursive: true, force: true }));
    const databaseUrl = `sqlite:${join(dir, 'ballast.db')}`;
    const { storeId, token, skus } = await seedStore(databaseUrl, { products: PRODUCTS, onHand: ON_HAND });

    const sim = await startWebhookSimulator({
      secret: SIM_SECRET,
      requestsPerSecond: 100_000,
      burst: 100_000,
    });
    defer(() => sim.close());
    sim.seed(skus.map((sku) => ({ sku, quantity: 0 })));

    const port = await freePort();
    const server = await startServerProcess(
      {
        DATABASE_URL: databaseUrl,
        BALLAST_DATA_DIR: dir,
        BALLAST_SECRET: SECRET,
        BALLAST_DEMO: 'false',
        PORT: String(port),
        ROLE: 'all',
      },
      { cpuProfileDir: process.env.BENCH_CPU_PROF },
    );
    defer(async () => {
      const code = await server.stop();
      if (code !== 0) note(`server exited with ${code}:\n${server.output().slice(-2000)}`);
    });
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}/api/v1/stores/${storeId}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<unknown>;
    };

    // The sampler reads the same file (WAL: readers never block the server's writer).
    const reader = await openDatabase(databaseUrl, { migrate: false });
    defer(() => reader.close());
    const queueDepth = async () =>
      Number(
        (
          await reader.db
            .selectFrom('syncDirty')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const waitForEmptyQueue = async (timeoutMs: number) => {
      const until = Date.now() + timeoutMs;
      let depth = await queueDepth();
      while (depth > 0 && Date.now() < until) {
        await sleep(100);
        depth = await queueDepth();
      }
      return depth;
    };

    await api('POST', '/channels', {
      connectorId: 'webhook',
      name: 'Bench receiver',
      config: {
        endpointUrl: `${sim.server.url}${SIMULATOR_PATHS.inventory}`,
        signingSecret: SIM_SECRET,
        requestsPerSecond: 1000,
      },
    });
    await api('POST', '/products/auto-sync', { filter: {}, enabled: true });
    const initial = await waitForEmptyQueue(60_000);
    if (initial > 0 || sim.quantityOf(skus[0]!) !== ON_HAND)
      throw new Error('the initial push did not finish');
    note(`seeded ${PRODUCTS} products, initial push done; ${CONNECTIONS} connections for ${DURATION_S} s`);

    let sampling = true;
    let maxDepth = 0;
    const sampler = (async () => {
      while (sampling) {
        maxDepth = Math.max(maxDepth, await queueDepth());
        await sleep(SAMPLE_MS);
      }
    })();

    const simRequestsBefore = sim.server.requests.length;
    let sent = 0;
    const cpuBefore = server.cpuMs();
    const mainCpuBefore = server.mainThreadCpuMs();
    const started = Date.now();
    const result = await autocannon({
      url: `${server.url}/api/v1/stores/${storeId}/sales-orders`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      requests: [
        {
          method: 'POST',
          // A new order number per request, one unit of the next SKU in turn.
          setupRequest: (request) => {
            const n = sent++;
            return {
              ...request,
              body: JSON.stringify({ number: `B-${n}`, lines: [{ sku: skus[n % PRODUCTS], quantity: 1 }] }),
            };
          },
        },
      ],
    });
    const elapsedS = (Date.now() - started) / 1000;
    const cpuPerOrder = (server.cpuMs() - cpuBefore) / Math.max(1, result['2xx']);
    const mainCpuPerOrder = (server.mainThreadCpuMs() - mainCpuBefore) / Math.max(1, result['2xx']);
    const endDepth = await queueDepth();
    maxDepth = Math.max(maxDepth, endDepth);
    const drainStarted = Date.now();
    const afterDrain = await waitForEmptyQueue(DRAIN_MS);
    const drainMs = Date.now() - drainStarted;
    sampling = false;
    await sampler;

    // Once drained, the channel shows what the master says: spot-check every 50th SKU.
    const mismatched: string[] = [];
    for (const sku of afterDrain === 0 ? skus.filter((_, i) => i % 50 === 0) : []) {
      const product = await getProductBySku(reader.db, storeId, sku);
      const { available } = await getProductBalance(reader.db, storeId, product.id);
      if (sim.quantityOf(sku) !== available)
        mismatched.push(`${sku}: channel ${sim.quantityOf(sku)}, master ${available}`);
    }
    const failed = result.non2xx + result.errors;
    note(
      `${result['2xx']} orders in ${elapsedS.toFixed(1)} s, ${failed} failed; latency p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms, max ${result.latency.max} ms; server CPU ${cpuPerOrder.toFixed(2)} ms/order ` +
        `(main thread ${mainCpuPerOrder.toFixed(2)}); ` +
        `${sim.server.requests.length - simRequestsBefore} push requests; queue max ${maxDepth}, at the end ` +
        `${endDepth}, ${afterDrain} after ${drainMs} ms of drain`,
    );
    if (mismatched.length > 0)
      throw new Error(`the channel does not match the master: ${mismatched.join('; ')}`);

    return [
      {
        name: 'http.sales_orders.per_sec.sqlite',
        value: result['2xx'] / elapsedS,
        unit: 'orders/s',
        target: '>= 2000',
      },
      { name: 'http.sales_orders.p99_ms.sqlite', value: result.latency.p99, unit: 'ms', target: '< 50' },
      // What one order costs the server (API and sync loop together), whatever else runs on the machine: on one
      // core, 2,000 orders/s leave 0.5 ms each.
      {
        name: 'http.sales_orders.server_cpu_ms_per_order.sqlite',
        value: cpuPerOrder,
        unit: 'ms',
        target: '< 0.5',
      },
      // The main thread serves every request (the sync loop has a thread of its own): 1000 / this is the
      // ceiling on orders/s.
      {
        name: 'http.sales_orders.main_thread_cpu_ms_per_order.sqlite',
        value: mainCpuPerOrder,
        unit: 'ms',
        target: '< 0.5',
      },
      { name: 'http.sales_orders.failed.sqlite', value: failed, unit: 'requests', target: '== 0' },
      {
        name: 'http.sales_orders.sync_queue_max.sqlite',
        value: maxDepth,
        unit: 'pairs',
        target: `< ${PRODUCTS / 2}`,
      },
      {
        name: 'http.sales_orders.sync_queue_end.sqlite',
        value: endDepth,
        unit: 'pairs',
        target: `< ${PRODUCTS / 2}`,
      },
      {
        name: 'http.sales_orders.sync_queue_after_drain.sqlite',
        value: afterDrain,
        unit: 'pairs',
        target: '== 0',
      },
    ];
  });
}
