import { adjustStock, listSyncHistory, setAutoSync } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncEngine, SyncEvent } from '../src/index.ts';
import { createFeedFixture, type FeedFixture } from './support/feed-fixture.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const dialect of DIALECTS) {
  describe(`feed-style channels: pending results [${dialect}]`, () => {
    let f: FeedFixture;
    afterEach(() => f.close());

    const history = async (sku?: string) =>
      (await listSyncHistory(f.db, f.store.id, { limit: 500 })).items.filter((h) => !sku || h.sku === sku);
    const listing = (sku: string) =>
      f.db
        .selectFrom('listings as l')
        .innerJoin('products as p', 'p.id', 'l.productId')
        .select(['l.lastPushedQuantity', 'l.lastPushedSeq', 'l.channelQuantity'])
        .where('p.sku', '=', sku)
        .executeTakeFirstOrThrow();
    const queue = () => f.db.selectFrom('syncPending').selectAll().execute();
    const dirty = () => f.db.selectFrom('syncDirty').selectAll().execute();
    const feedsSent = () => f.sim.server.requests.filter((r) => r.method === 'POST' && r.path === '/feeds');
    /** Pushes (waiting out backoff) until `count` feeds were sent in all. */
    const pushUntilSent = async (engine: SyncEngine, count: number) => {
      for (let i = 0; i < 100 && feedsSent().length < count; i++) {
        await engine.drain();
        if (feedsSent().length < count) await sleep(10);
      }
      expect(feedsSent()).toHaveLength(count);
    };
    const productId = async (sku: string) =>
      (await f.db.selectFrom('products').select('id').where('sku', '=', sku).executeTakeFirstOrThrow()).id;

    it('an accepted feed stays pending with its handle; the listing advances only when the channel confirms', async () => {
      f = await createFeedFixture(dialect, { products: 2 });
      const events: SyncEvent[] = [];
      const engine = f.engine({ onEvent: (event) => events.push(event) });
      expect(await engine.drain()).toMatchObject({ pushed: 2, failed: 0, retrying: 0 });
      expect(f.sim.queuedFeeds).toEqual(['F1']);
      const accepted = (await history()).sort((a, b) => a.sku.localeCompare(b.sku));
      expect(accepted.map((h) => [h.sku, h.status, h.quantity, h.pendingHandle])).toEqual([
        ['SKU-1', 'pending', 10, 'F1/SKU-1'],
        ['SKU-2', 'pending', 10, 'F1/SKU-2'],
      ]);
      expect(await listing('SKU-1')).toEqual({
        lastPushedQuantity: null,
        lastPushedSeq: null,
        channelQuantity: 0,
      });
      expect(await dirty()).toEqual([]);
      expect(await queue()).toHaveLength(2);
      expect(events).toEqual([]);

      // Not processed yet: still pending, nothing changes.
      expect(await engine.pollPending()).toMatchObject({ claimed: 2, pending: 2, succeeded: 0 });
      expect((await history()).map((h) => h.status)).toEqual(['pending', 'pending']);

      f.sim.processPending();
      expect(await engine.pollPending()).toMatchObject({ claimed: 2, succeeded: 2, pending: 0 });
      const done = await history('SKU-1');
      expect(done).toEqual([
        expect.objectContaining({
          status: 'succeeded',
          quantity: 10,
          errorCode: null,
          pendingHandle: 'F1/SKU-1',
        }),
      ]);
      expect(done[0]!.finishedAt).toBeGreaterThanOrEqual(done[0]!.startedAt!);
      expect(await listing('SKU-1')).toMatchObject({ lastPushedQuantity: 10, channelQuantity: 10 });
      expect((await listing('SKU-1')).lastPushedSeq).toBe(done[0]!.seq);
      expect(f.sim.quantityOf('SKU-1')).toBe(10);
      expect(await queue()).toEqual([]);
      expect(events.map((e) => e.status)).toEqual(['succeeded', 'succeeded']);
      // Confirmed: a later poll finds nothing, and nothing is pushed again.
      expect(await engine.pollPending()).toMatchObject({ claimed: 0 });
      await engine.drain();
      expect(feedsSent()).toHaveLength(1);
    });

    it('a permanent failure in the feed fails the attempt with the channel’s code and message, for good', async () => {
      f = await createFeedFixture(dialect, { products: 2 });
      f.sim.server.faults.next(
        {
          kind: 'partial',
          failures: [{ sku: 'SKU-2', retryable: false, code: 'DATA_ERROR', message: 'Item is retired' }],
        },
        { method: 'POST', path: '/feeds' },
      );
      const engine = f.engine();
      await engine.drain();
      f.sim.processPending();
      expect(await engine.pollPending()).toMatchObject({ succeeded: 1, failed: 1 });
      expect(await history('SKU-2')).toEqual([
        expect.objectContaining({
          status: 'failed',
          errorCode: 'DATA_ERROR',
          errorMessage: 'Item is retired',
        }),
      ]);
      expect((await history('SKU-1'))[0]?.status).toBe('succeeded');
      expect(await listing('SKU-2')).toMatchObject({ lastPushedQuantity: null, lastPushedSeq: null });
      expect(await dirty()).toEqual([]);
      await engine.drain();
      expect(feedsSent()).toHaveLength(1);
    });

    it('a transient failure in the feed re-marks the pair, which is pushed again after a backoff', async () => {
      f = await createFeedFixture(dialect, { products: 2 });
      f.sim.server.faults.next(
        {
          kind: 'partial',
          failures: [{ sku: 'SKU-1', retryable: true, code: 'SYSTEM_ERROR', message: 'try again later' }],
        },
        { method: 'POST', path: '/feeds' },
      );
      const engine = f.engine();
      await engine.drain();
      f.sim.processPending();
      expect(await engine.pollPending()).toMatchObject({ succeeded: 1, retrying: 1 });
      expect(await history('SKU-1')).toEqual([
        expect.objectContaining({ status: 'retrying', errorCode: 'SYSTEM_ERROR', attempt: 1 }),
      ]);
      // Re-marked with its own cause (Auto Sync was turned on), one attempt spent, backed off.
      expect(await dirty()).toEqual([
        expect.objectContaining({
          productId: await productId('SKU-1'),
          attempts: 1,
          lastCauseType: 'auto_sync',
        }),
      ]);

      await pushUntilSent(engine, 2);
      f.sim.processPending();
      expect(await engine.pollPending()).toMatchObject({ succeeded: 1 });
      expect(f.sim.quantityOf('SKU-1')).toBe(10);
      expect((await history('SKU-1')).map((h) => [h.status, h.attempt, h.cause.type])).toEqual([
        ['succeeded', 2, 'auto_sync'],
        ['retrying', 1, 'auto_sync'],
      ]);
      expect(await listing('SKU-1')).toMatchObject({ lastPushedQuantity: 10, channelQuantity: 10 });
    });

    it('transient verdicts give up after maxAttempts, and are not retried once Auto Sync is off', async () => {
      f = await createFeedFixture(dialect, { products: 2 });
      const failBoth = {
        kind: 'partial',
        failures: ['SKU-1', 'SKU-2'].map((sku) => ({ sku, retryable: true, code: 'SYSTEM_ERROR' })),
      } as const;
      f.sim.server.faults.next(failBoth, { method: 'POST', path: '/feeds', times: 2 });
      const engine = f.engine({ maxAttempts: 2 });
      await engine.drain();
      await setAutoSync(f.db, f.store.id, await productId('SKU-2'), false);
      f.sim.processPending();
      await engine.pollPending();
      expect((await history('SKU-2'))[0]).toMatchObject({
        status: 'failed',
        errorMessage: expect.stringContaining('not pushed again'),
      });
      await pushUntilSent(engine, 2);
      f.sim.processPending();
      await engine.pollPending();
      expect((await history('SKU-1')).map((h) => h.status)).toEqual(['failed', 'retrying']);
      expect((await history('SKU-1'))[0]?.errorMessage).toContain('gave up after 2 attempts');
      expect(await dirty()).toEqual([]);
    });

    it('a poll that fails is tried again later and keeps the handle', async () => {
      f = await createFeedFixture(dialect, { products: 1 });
      const engine = f.engine();
      await engine.drain();
      f.sim.processPending();
      f.sim.server.faults.next({ kind: 'status', status: 503 }, { method: 'GET', path: '/feeds' });
      expect(await engine.pollPending()).toMatchObject({ pollsFailed: 1, pending: 1, succeeded: 0 });
      expect(await history()).toEqual([
        expect.objectContaining({ status: 'pending', pendingHandle: 'F1/SKU-1' }),
      ]);
      const [waiting] = await queue();
      expect(waiting).toMatchObject({
        pollFailures: 1,
        claimedBy: null,
        lastPollError: expect.stringContaining('503'),
      });
      for (let i = 0; i < 50 && (await history())[0]?.status === 'pending'; i++) {
        await sleep(10);
        await engine.pollPending();
      }
      expect(await history()).toEqual([
        expect.objectContaining({ status: 'succeeded', pendingHandle: 'F1/SKU-1' }),
      ]);
      expect(await queue()).toEqual([]);
    });

    it('polls are paced by the channel’s shared rate limit, like pushes', async () => {
      // One call a second declared; the channel itself refills three times faster, so that only pacing decides
      // whether a call gets through, with room for a busy machine delaying one request more than the next.
      f = await createFeedFixture(dialect, {
        products: 1,
        requestsPerSecond: 1,
        burst: 1,
        channelLimit: { requestsPerSecond: 3, burst: 1 },
      });
      const engine = f.engine();
      await engine.drain(); // the lookup, then the feed a second later
      f.sim.processPending();
      expect(await engine.pollPending()).toMatchObject({ succeeded: 1, pollsFailed: 0 });
      const [lookup, feed, poll] = f.sim.server.requests;
      expect([lookup?.path, feed?.method, poll?.path]).toEqual(['/items', 'POST', '/feeds']);
      expect(poll!.at - feed!.at).toBeGreaterThanOrEqual(400);
      expect(f.sim.rateLimiter.rejected).toBe(0);
    });

    it('a throttled poll holds the whole channel back and is tried again after its Retry-After', async () => {
      f = await createFeedFixture(dialect, { products: 1 });
      const engine = f.engine();
      await engine.drain();
      f.sim.processPending();
      f.sim.server.faults.next({ kind: 'status', status: 429, retryAfter: '2' }, { method: 'GET' });
      expect(await engine.pollPending()).toMatchObject({ pollsFailed: 1, pending: 1 });
      expect(await engine.pollPending()).toMatchObject({ claimed: 0 }); // backed off
      const { state } = await f.db
        .selectFrom('channelRateState')
        .select('state')
        .where('channelId', '=', f.channelId)
        .executeTakeFirstOrThrow();
      // Shared with pushes: no call goes to the channel before the retry-after ends.
      expect((JSON.parse(state) as { blockedUntil: number }).blockedUntil).toBeGreaterThan(
        Date.now() + 1_000,
      );
      const [waiting] = await queue();
      expect(waiting).toMatchObject({ pollFailures: 1, lastPollError: expect.stringContaining('429') });
      expect(waiting!.nextPollAt).toBeGreaterThan(Date.now() + 1_000);
      expect((await history())[0]).toMatchObject({ status: 'pending', pendingHandle: 'F1/SKU-1' });
    });

    it('a newer push is never undone by an older verdict, even when the channel applies the feeds out of order', async () => {
      f = await createFeedFixture(dialect, { products: 1 });
      const engine = f.engine();
      await engine.drain(); // F1: 10
      await adjustStock(f.db, f.store.id, { reason: 'sold', lines: [{ sku: 'SKU-1', delta: -3 }] });
      await engine.drain(); // F2: 7, sent while F1 waits for its verdict
      expect(f.sim.queuedFeeds).toEqual(['F1', 'F2']);

      f.sim.processFeed('F2');
      expect(await engine.pollPending()).toMatchObject({ succeeded: 1, pending: 1 });
      expect(await listing('SKU-1')).toMatchObject({ lastPushedQuantity: 7, channelQuantity: 7 });

      // The channel applies the older feed last: it now shows 10.
      f.sim.processFeed('F1');
      expect(f.sim.quantityOf('SKU-1')).toBe(10);
      expect(await engine.pollPending()).toMatchObject({ succeeded: 1 });
      expect(await listing('SKU-1')).toMatchObject({ lastPushedQuantity: 7, channelQuantity: 7 });
      // It may have landed after the newer one: the master's value is pushed again, forced.
      expect(await dirty()).toEqual([expect.objectContaining({ force: 1 })]);
      await engine.drain();
      f.sim.processPending();
      await engine.pollPending();
      expect(f.sim.quantityOf('SKU-1')).toBe(7);
      expect(await listing('SKU-1')).toMatchObject({ lastPushedQuantity: 7, channelQuantity: 7 });
      expect(
        feedsSent().map((r) => (JSON.parse(r.body) as { items: { quantity: number }[] }).items[0]?.quantity),
      ).toEqual([10, 7, 7]);
    });

    it('verdicts of overlapping feeds applied in order leave the newest value, with no extra push', async () => {
      f = await createFeedFixture(dialect, { products: 1 });
      const engine = f.engine();
      f.sim.server.faults.next(
        { kind: 'partial', failures: [{ sku: 'SKU-1', retryable: true, code: 'SYSTEM_ERROR' }] },
        { method: 'POST', path: '/feeds' },
      );
      await engine.drain(); // F1: 10, will fail transiently
      await adjustStock(f.db, f.store.id, { reason: 'sold', lines: [{ sku: 'SKU-1', delta: -3 }] });
      await engine.drain(); // F2: 7
      f.sim.processPending();
      expect(await engine.pollPending()).toMatchObject({ succeeded: 1, retrying: 1 });
      // The older failure is not retried: the newer push already carried the master's value.
      expect((await history()).map((h) => [h.quantity, h.status])).toEqual([
        [7, 'succeeded'],
        [10, 'retrying'],
      ]);
      expect((await history())[1]?.errorMessage).toContain('a newer push already carries the current value');
      expect(await dirty()).toEqual([]);
      expect(f.sim.quantityOf('SKU-1')).toBe(7);
      expect(await listing('SKU-1')).toMatchObject({ lastPushedQuantity: 7 });
    });

    it('a change skipped as already shown while a feed was pending is pushed once the feed is confirmed', async () => {
      f = await createFeedFixture(dialect, { products: 1 });
      const engine = f.engine();
      await engine.drain();
      f.sim.processPending();
      await engine.pollPending(); // the channel shows 10
      await adjustStock(f.db, f.store.id, { reason: 'sold', lines: [{ sku: 'SKU-1', delta: -3 }] });
      await engine.drain(); // F2: 7, pending
      await adjustStock(f.db, f.store.id, { reason: 'returned', lines: [{ sku: 'SKU-1', delta: 3 }] });
      expect(await engine.drain()).toMatchObject({ skipped: 1, pushed: 0 }); // 10 looks shown already
      f.sim.processPending();
      await engine.pollPending(); // F2 applied: the channel shows 7, the master says 10
      expect(await dirty()).toEqual([expect.objectContaining({ lastCauseType: 'resync' })]);
      await engine.drain();
      f.sim.processPending();
      await engine.pollPending();
      expect(f.sim.quantityOf('SKU-1')).toBe(10);
      expect(await dirty()).toEqual([]);
    });

    it('a verdict that never comes times out into a forced retry', async () => {
      f = await createFeedFixture(dialect, { products: 1 });
      // The polls that must find a verdict still in time follow their push at once, with a timeout long enough
      // for a loaded machine to get them in; the poll that must time out waits for the deadline the engine
      // stored (a few ms past it: a timer may fire a millisecond early by the wall clock).
      const pendingTimeoutMs = 2_000;
      const engine = f.engine({ pendingTimeoutMs });
      await engine.drain(); // F1 is never processed
      const { acceptedAt } = (await queue())[0]!;
      expect(await engine.pollPending()).toMatchObject({ claimed: 1, pending: 1, retrying: 0 });
      expect((await history())[0]?.status).toBe('pending');
      await sleep(acceptedAt + pendingTimeoutMs - Date.now() + 5);
      expect(await engine.pollPending()).toMatchObject({ retrying: 1 });
      expect((await history())[0]).toMatchObject({ status: 'retrying', errorCode: 'pending_timeout' });
      expect(await dirty()).toEqual([expect.objectContaining({ force: 1, attempts: 1 })]);
      await pushUntilSent(engine, 2);
      f.sim.processFeed('F2');
      expect(await engine.pollPending()).toMatchObject({ claimed: 1, succeeded: 1 });
      expect((await history()).map((h) => [h.status, h.attempt])).toEqual([
        ['succeeded', 2],
        ['retrying', 1],
      ]);
      expect(f.sim.quantityOf('SKU-1')).toBe(10);
      expect(await queue()).toEqual([]);
    });

    it('the worker loop polls on its own and wakes the push loop for retries', async () => {
      f = await createFeedFixture(dialect, { products: 2 });
      f.sim.server.faults.next(
        { kind: 'partial', failures: [{ sku: 'SKU-2', retryable: true, code: 'SYSTEM_ERROR' }] },
        { method: 'POST', path: '/feeds' },
      );
      const engine = f.engine({ pendingPollIntervalMs: 20 });
      engine.start();
      for (let i = 0; i < 300; i++) {
        f.sim.processPending();
        const statuses = (await history()).map((h) => h.status);
        if (statuses.length === 3 && statuses.filter((s) => s === 'succeeded').length === 2) break;
        await sleep(20);
      }
      await engine.stop();
      expect(f.sim.quantityOf('SKU-1')).toBe(10);
      expect(f.sim.quantityOf('SKU-2')).toBe(10);
      expect((await history('SKU-2')).map((h) => h.status)).toEqual(['succeeded', 'retrying']);
      expect(await queue()).toEqual([]);
    });
  });
}
