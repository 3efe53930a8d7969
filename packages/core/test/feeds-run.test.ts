import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createFeed,
  createProduct,
  createStore,
  type Feed,
  getFeed,
  listFeedRuns,
  NotFoundError,
  runFeedNow,
  type Store,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';

/** A real HTTP server on 127.0.0.1 with one route per situation a feed can meet. */
const routes: Record<string, (res: import('node:http').ServerResponse) => void> = {
  '/stock.csv': (res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.end('sku,quantity,location\nA,7,\nB,2,\nNOT-OURS,5,\n');
  },
  '/stock.json': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ items: [{ sku: 'A', onHand: 1 }] }));
  },
  '/broken': (res) => {
    res.writeHead(503, 'Service Unavailable', { 'content-type': 'text/plain' });
    res.end('down for maintenance');
  },
  '/malformed.csv': (res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.end('sku,quantity\nA,1\n"B,2\n');
  },
  '/negative.json': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        items: [
          { sku: 'A', onHand: 3 },
          { sku: 'B', onHand: -4 },
        ],
      }),
    );
  },
  '/big.csv': (res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.end(`sku,quantity\n${'A,1\n'.repeat(1000)}`);
  },
  '/hang': () => {
    // Never answers: the client's timeout must end the run.
  },
};

let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describeEachDialect('runFeedNow', (ctx) => {
  async function setup(path: string): Promise<{ store: Store; feed: Feed }> {
    const store = await createStore(ctx.db, { name: 'Pull', defaultLocationName: 'Main' });
    for (const sku of ['A', 'B']) await createProduct(ctx.db, store.id, { sku, name: sku });
    const feed = await createFeed(ctx.db, store.id, {
      name: 'ERP',
      url: `${base}${path}`,
      intervalMinutes: 15,
    });
    return { store, feed };
  }

  async function stockOf(store: Store) {
    const rows = await ctx.db
      .selectFrom('quantities as q')
      .innerJoin('products as p', 'p.id', 'q.productId')
      .select(['p.sku', 'q.onHand'])
      .where('q.storeId', '=', store.id)
      .where('q.onHand', '!=', 0)
      .orderBy('p.sku')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.sku, r.onHand]));
  }

  const movementCount = async (store: Store) =>
    (await ctx.db.selectFrom('movements').select('id').where('storeId', '=', store.id).execute()).length;

  it('fetches a CSV feed and applies it, reporting SKUs the store does not have', async () => {
    const { store, feed } = await setup('/stock.csv');
    const run = await runFeedNow(ctx.db, store.id, feed.id);
    expect(run).toMatchObject({
      status: 'applied',
      rowCount: 3,
      changed: 2,
      unknownSkus: ['NOT-OURS'],
      error: null,
    });
    expect(await stockOf(store)).toEqual({ A: 7, B: 2 });
    const [history] = await listFeedRuns(ctx.db, store.id, feed.id);
    expect(history).toMatchObject({ id: run.runId, status: 'applied', unknownSkus: ['NOT-OURS'] });
    expect(await getFeed(ctx.db, store.id, feed.id)).toMatchObject({
      lastStatus: 'applied',
      lastRunAt: run.at,
    });
  });

  it('uses the injected fetch', async () => {
    const { store, feed } = await setup('/stock.json');
    const seen: string[] = [];
    const run = await runFeedNow(ctx.db, store.id, feed.id, {
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    expect(seen).toEqual([`${base}/stock.json`]);
    expect(run.status).toBe('applied');
    expect(await stockOf(store)).toEqual({ A: 1 });
  });

  const failures: [string, string, RegExp, { timeoutMs?: number; maxBytes?: number }?][] = [
    ['an HTTP error', '/broken', /HTTP 503 Service Unavailable/],
    ['a missing file', '/missing.csv', /HTTP 404/],
    ['malformed CSV', '/malformed.csv', /line 3: malformed CSV/],
    ['invalid items', '/negative.json', /items\.1\.onHand/],
    ['a body over the size limit', '/big.csv', /larger than 1000 bytes/, { maxBytes: 1000 }],
    ['a server that never answers', '/hang', /fetching .* failed/, { timeoutMs: 300 }],
  ];
  for (const [what, path, reason, options] of failures) {
    it(`records a failed run and changes no stock on ${what}`, async () => {
      const { store, feed } = await setup(path);
      const before = await stockOf(store);
      const run = await runFeedNow(ctx.db, store.id, feed.id, options);
      expect(run).toMatchObject({ status: 'failed', changed: 0, rowCount: 0 });
      expect(run.error).toMatch(reason);
      expect(await stockOf(store)).toEqual(before);
      expect(await movementCount(store)).toBe(0);
      expect(await getFeed(ctx.db, store.id, feed.id)).toMatchObject({
        lastStatus: 'failed',
        lastError: run.error,
        lastRunAt: run.at,
      });
      expect(await listFeedRuns(ctx.db, store.id, feed.id)).toEqual([
        {
          id: run.runId,
          feedId: feed.id,
          status: 'failed',
          rowCount: 0,
          changed: 0,
          unknownSkus: [],
          error: run.error,
          at: run.at,
        },
      ]);
    });
  }

  it('records a failed run when nothing listens at the url', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const store = await createStore(ctx.db, { name: 'Refused' });
    const feed = await createFeed(ctx.db, store.id, {
      name: 'gone',
      url: `http://127.0.0.1:${port}/stock.csv`,
    });
    const run = await runFeedNow(ctx.db, store.id, feed.id);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/fetch failed/);
  });

  it('refuses feeds without a url and feeds of another store', async () => {
    const { store } = await setup('/stock.csv');
    const pushOnly = await createFeed(ctx.db, store.id, { name: 'push' });
    await expect(runFeedNow(ctx.db, store.id, pushOnly.id)).rejects.toBeInstanceOf(ValidationError);
    const other = await createStore(ctx.db, { name: 'Other' });
    await expect(runFeedNow(ctx.db, other.id, pushOnly.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listFeedRuns(ctx.db, store.id, pushOnly.id)).toEqual([]);
  });
});
