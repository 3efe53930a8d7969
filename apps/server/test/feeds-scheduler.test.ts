import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFeed, type Feed, type FeedRunResult, getFeed } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FeedScheduler, startFeedScheduler } from '../src/feeds/feed-scheduler.ts';
import { createTestServer, rowCount, seedStock, stockOf, type TestServer } from './support/test-server.ts';

const TICK_MS = 20;
const API_KEY = 'key-scheduled-0123456789';

/** Polls until `check` holds (a scheduler works on its own clock). */
async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the scheduler');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const dialect of DIALECTS) {
  describe(`feed scheduler [${dialect}]`, () => {
    let s: TestServer;
    let http: Server;
    let origin: string;
    /** CSV bodies the supplier serves, by path. */
    const files = new Map<string, string>();
    let scheduler: FeedScheduler | undefined;

    beforeAll(async () => {
      http = createServer((req, res) => {
        // `/private.csv` answers only with the API key.
        if (req.url === '/private.csv' && req.headers['x-api-key'] !== API_KEY)
          return res.writeHead(401).end();
        const body = files.get(req.url ?? '');
        if (body === undefined) res.writeHead(500).end('down');
        else res.writeHead(200, { 'content-type': 'text/csv' }).end(body);
      });
      http.listen(0, '127.0.0.1');
      await once(http, 'listening');
      origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
      s = await createTestServer(dialect);
      await seedStock(s, { MUG: 1, CUP: 1 });
      await seedStock(s, { 'THEIR-MUG': 1 }, s.otherStore.id);
    });
    afterAll(async () => {
      http.close();
      await s.close();
    });
    beforeEach(async () => {
      // Each test starts with no feeds of its own due.
      await s.t.db.deleteFrom('feedRuns').execute();
      await s.t.db.deleteFrom('feeds').execute();
    });
    afterEach(async () => {
      await scheduler?.stop();
      scheduler = undefined;
    });

    it('pulls due feeds of every store, and each only once per its interval', async () => {
      files.set('/mine.csv', 'sku,quantity\nMUG,40\n');
      files.set('/theirs.csv', 'sku,quantity\nTHEIR-MUG,7\n');
      const mine = await createFeed(s.t.db, s.store.id, {
        name: 'Mine',
        url: `${origin}/mine.csv`,
        intervalMinutes: 60,
      });
      await createFeed(s.t.db, s.otherStore.id, {
        name: 'Theirs',
        url: `${origin}/theirs.csv`,
        intervalMinutes: 60,
      });
      // Not scheduled: pulled only on demand.
      await createFeed(s.t.db, s.store.id, { name: 'Manual', url: `${origin}/mine.csv` });
      const applied: { run: FeedRunResult; feed: Feed }[] = [];

      scheduler = startFeedScheduler({
        db: s.t.db,
        secrets: s.deps.secrets,
        intervalMs: TICK_MS,
        onApplied: (run, feed) => applied.push({ run, feed }),
      });
      await waitFor(() => applied.length === 2);
      expect((await stockOf(s, 'MUG')).onHand).toBe(40);
      expect((await stockOf(s, 'THEIR-MUG', s.otherStore.id)).onHand).toBe(7);
      expect(applied.map((a) => a.feed.name).sort()).toEqual(['Mine', 'Theirs']);
      expect(applied.find((a) => a.feed.id === mine.id)!.run).toMatchObject({
        status: 'applied',
        changed: 1,
      });

      // Many ticks later, nothing is due again for an hour.
      await sleep(TICK_MS * 10);
      expect(applied).toHaveLength(2);
      expect(await rowCount(s, 'feedRuns')).toBe(1);
      expect(await rowCount(s, 'feedRuns', s.otherStore.id)).toBe(1);
    });

    it('runs feeds one at a time with the given fetch, and records failed pulls without stopping', async () => {
      files.set('/a.csv', 'sku,quantity\nMUG,11\n');
      files.set('/b.csv', 'sku,quantity\nCUP,12\n');
      for (const name of ['a', 'down', 'b']) {
        await createFeed(s.t.db, s.store.id, { name, url: `${origin}/${name}.csv`, intervalMinutes: 60 });
      }
      let inFlight = 0;
      let maxInFlight = 0;
      const fetched: string[] = [];
      const slowFetch: typeof fetch = async (input, init) => {
        fetched.push(String(input));
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          await sleep(30);
          return await fetch(input, init);
        } finally {
          inFlight -= 1;
        }
      };
      const errors: unknown[] = [];
      let notified = 0;
      scheduler = startFeedScheduler({
        db: s.t.db,
        secrets: s.deps.secrets,
        intervalMs: TICK_MS,
        fetch: slowFetch,
        logError: (error) => errors.push(error),
        notifySync: () => notified++,
      });
      await waitFor(async () => (await rowCount(s, 'feedRuns')) === 3);
      // The sync loops are told of each applied run; a failed pull marked nothing.
      expect(notified).toBe(2);
      expect(fetched.map((url) => new URL(url).pathname).sort()).toEqual(['/a.csv', '/b.csv', '/down.csv']);
      expect(maxInFlight).toBe(1);
      expect((await stockOf(s, 'MUG')).onHand).toBe(11);
      expect((await stockOf(s, 'CUP')).onHand).toBe(12);
      const down = (
        await s.t.db.selectFrom('feeds').select('id').where('name', '=', 'down').executeTakeFirstOrThrow()
      ).id;
      expect(await getFeed(s.t.db, s.store.id, down)).toMatchObject({
        lastStatus: 'failed',
        lastError: expect.stringContaining('HTTP 500'),
      });
      // A failed pull is the feed's state, not an error of the scheduler.
      expect(errors).toEqual([]);
    });

    it('pulls a scheduled feed with its credentials, and never logs or records them', async () => {
      files.set('/private.csv', 'sku,quantity\nMUG,55\n');
      const secrets = s.deps.secrets;
      const auth = { type: 'header' as const, name: 'X-Api-Key', value: API_KEY };
      const url = `${origin}/private.csv`;
      const withKey = await createFeed(
        s.t.db,
        s.store.id,
        { name: 'key', url, intervalMinutes: 60, auth },
        { secrets },
      );
      const wrongKey = await createFeed(
        s.t.db,
        s.store.id,
        { name: 'wrong key', url, intervalMinutes: 60, auth: { ...auth, value: `${API_KEY}-old` } },
        { secrets },
      );
      const logged: unknown[] = [];
      scheduler = startFeedScheduler({
        db: s.t.db,
        secrets,
        intervalMs: TICK_MS,
        logError: (error) => logged.push(error),
      });
      await waitFor(async () => (await rowCount(s, 'feedRuns')) === 2);
      expect(await getFeed(s.t.db, s.store.id, withKey.id)).toMatchObject({ lastStatus: 'applied' });
      expect((await stockOf(s, 'MUG')).onHand).toBe(55);
      const failed = await getFeed(s.t.db, s.store.id, wrongKey.id);
      expect(failed).toMatchObject({ lastStatus: 'failed', lastError: expect.stringContaining('HTTP 401') });
      const runs = await s.t.db.selectFrom('feedRuns').select('error').execute();
      expect(JSON.stringify([runs, failed, logged.map(String)])).not.toContain(API_KEY);
      expect(logged).toEqual([]);
    });

    it('logs an error of its own and carries on with the next feed', async () => {
      files.set('/first.csv', 'sku,quantity\nMUG,21\n');
      files.set('/second.csv', 'sku,quantity\nCUP,22\n');
      await createFeed(s.t.db, s.store.id, {
        name: 'first',
        url: `${origin}/first.csv`,
        intervalMinutes: 60,
      });
      await createFeed(s.t.db, s.store.id, {
        name: 'second',
        url: `${origin}/second.csv`,
        intervalMinutes: 60,
      });
      const logged: { error: unknown; feed: string | undefined }[] = [];
      const applied: string[] = [];
      scheduler = startFeedScheduler({
        db: s.t.db,
        secrets: s.deps.secrets,
        intervalMs: TICK_MS,
        onApplied: (_run, feed) => {
          applied.push(feed.name);
          if (feed.name === 'first') throw new Error('the sync loop is gone');
        },
        logError: (error, feed) => logged.push({ error, feed: feed?.name }),
      });
      await waitFor(() => applied.length === 2);
      expect(applied).toEqual(['first', 'second']);
      expect(logged).toEqual([{ error: new Error('the sync loop is gone'), feed: 'first' }]);
      expect((await stockOf(s, 'CUP')).onHand).toBe(22);
    });

    it('stops cleanly: waits for the pull in flight, then runs nothing more', async () => {
      files.set('/slow.csv', 'sku,quantity\nMUG,31\n');
      await createFeed(s.t.db, s.store.id, { name: 'slow', url: `${origin}/slow.csv`, intervalMinutes: 60 });
      let started = false;
      const slowFetch: typeof fetch = async (input, init) => {
        started = true;
        await sleep(150);
        return fetch(input, init);
      };
      const running = startFeedScheduler({
        db: s.t.db,
        secrets: s.deps.secrets,
        intervalMs: TICK_MS,
        fetch: slowFetch,
      });
      await waitFor(() => started);
      await running.stop();
      // The pull that had started finished before stop() resolved.
      expect(await rowCount(s, 'feedRuns')).toBe(1);
      expect((await stockOf(s, 'MUG')).onHand).toBe(31);

      // A feed that becomes due after stop() is never pulled.
      await createFeed(s.t.db, s.store.id, { name: 'late', url: `${origin}/slow.csv`, intervalMinutes: 60 });
      await sleep(TICK_MS * 5);
      expect(await rowCount(s, 'feedRuns')).toBe(1);
    });
  });
}
