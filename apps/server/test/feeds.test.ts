import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocation, type Feed, type FeedRunResult, productIdsBySku } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestServer,
  expectProblem,
  rowCount,
  seedStock,
  stockOf,
  type TestServer,
} from './support/test-server.ts';

const SKUS = ['MUG', 'CUP', 'BOWL'];

/** What the supplier's server answers, by path; tests change it between runs. */
const supplier: Record<string, { status: number; type: string; body: string }> = {};

for (const dialect of DIALECTS) {
  describe(`feeds API [${dialect}]`, () => {
    let s: TestServer;
    let http: Server;
    let origin: string;
    let notified = 0;
    const path = (suffix = '') => `/stores/${s.store.id}/feeds${suffix}`;
    const createFeed = async (body: Record<string, unknown>) => {
      const res = await s.request('POST', path(), { body });
      expect(res.status).toBe(201);
      return (await res.json()) as Feed;
    };
    const snapshot = async () => ({
      feeds: await rowCount(s, 'feeds'),
      runs: await rowCount(s, 'feedRuns'),
      movements: await rowCount(s, 'movements'),
      stock: await Promise.all(SKUS.map((sku) => stockOf(s, sku))),
    });

    beforeAll(async () => {
      http = createServer((req, res) => {
        const answer = supplier[req.url ?? ''] ?? { status: 404, type: 'text/plain', body: 'no such file' };
        res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
      });
      http.listen(0, '127.0.0.1');
      await once(http, 'listening');
      origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
      s = await createTestServer(dialect, { notifySync: () => void notified++ });
      await seedStock(s, { MUG: 10, CUP: 5, BOWL: 2 });
      await createLocation(s.t.db, s.store.id, { name: 'Annex' });
    });
    afterAll(async () => {
      http.close();
      await s.close();
    });
    beforeEach(() => {
      notified = 0;
    });

    describe('happy', () => {
      it('registers, lists, reads, changes and deletes a feed', async () => {
        const feed = await createFeed({ name: 'ERP', url: `${origin}/erp.csv`, intervalMinutes: 15 });
        expect(feed).toMatchObject({
          storeId: s.store.id,
          name: 'ERP',
          url: `${origin}/erp.csv`,
          intervalMinutes: 15,
          lastRunAt: null,
          lastStatus: null,
        });
        const list = (await (await s.request('GET', path())).json()) as { items: Feed[] };
        expect(list.items).toContainEqual(feed);
        expect(await (await s.request('GET', path(`/${feed.id}`))).json()).toEqual({ ...feed, runs: [] });

        const patched = await s.request('PATCH', path(`/${feed.id}`), {
          body: { name: 'ERP nightly', intervalMinutes: null },
        });
        expect(patched.status).toBe(200);
        expect(await patched.json()).toMatchObject({
          name: 'ERP nightly',
          intervalMinutes: null,
          url: feed.url,
        });

        const deleted = await s.request('DELETE', path(`/${feed.id}`));
        expect(deleted.status).toBe(204);
        await expectProblem(await s.request('GET', path(`/${feed.id}`)), 404);
      });

      it('pulls a CSV feed now: sets on hand, reports unknown SKUs and never creates them', async () => {
        supplier['/stock.csv'] = {
          status: 200,
          type: 'text/csv; charset=utf-8',
          body: 'sku,quantity,location\nMUG,20,\nCUP,5,\nBOWL,4,Annex\nGHOST,9,\n',
        };
        const feed = await createFeed({ name: 'Supplier', url: `${origin}/stock.csv` });
        const res = await s.request('POST', path(`/${feed.id}/run`));
        expect(res.status).toBe(200);
        const run = (await res.json()) as FeedRunResult;
        // CUP already had 5: unchanged, so two positions moved.
        expect(run).toMatchObject({
          feedId: feed.id,
          status: 'applied',
          rowCount: 4,
          changed: 2,
          unknownSkus: ['GHOST'],
        });
        expect((await stockOf(s, 'MUG')).onHand).toBe(20);
        expect((await stockOf(s, 'CUP')).onHand).toBe(5);
        expect((await stockOf(s, 'BOWL')).onHand).toBe(6);
        expect((await productIdsBySku(s.t.db, s.store.id, ['GHOST'])).size).toBe(0);
        expect(notified).toBe(1);

        const read = (await (await s.request('GET', path(`/${feed.id}`))).json()) as Feed & {
          runs: unknown[];
        };
        expect(read).toMatchObject({ lastStatus: 'applied', lastError: null, lastRunAt: run.at });
        expect(read.runs).toEqual([
          expect.objectContaining({ id: run.runId, status: 'applied', changed: 2, unknownSkus: ['GHOST'] }),
        ]);
      });

      it('pulls a JSON feed now', async () => {
        supplier['/stock.json'] = {
          status: 200,
          type: 'application/json',
          body: JSON.stringify({ items: [{ sku: 'MUG', onHand: 18 }] }),
        };
        const feed = await createFeed({ name: 'JSON', url: `${origin}/stock.json` });
        const run = (await (await s.request('POST', path(`/${feed.id}/run`))).json()) as FeedRunResult;
        expect(run).toMatchObject({ status: 'applied', changed: 1 });
        expect((await stockOf(s, 'MUG')).onHand).toBe(18);
      });

      it('takes a pushed JSON snapshot', async () => {
        const feed = await createFeed({ name: 'Push' });
        const res = await s.request('POST', path(`/${feed.id}/snapshots`), {
          body: {
            items: [
              { sku: 'MUG', onHand: 3 },
              { sku: 'CUP', location: 'Annex', onHand: 1 },
              { sku: 'NEW-1', onHand: 2 },
            ],
          },
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({
          status: 'applied',
          rowCount: 3,
          changed: 2,
          unknownSkus: ['NEW-1'],
        });
        expect((await stockOf(s, 'MUG')).onHand).toBe(3);
        expect((await stockOf(s, 'CUP')).onHand).toBe(6);
        expect((await productIdsBySku(s.t.db, s.store.id, ['NEW-1'])).size).toBe(0);
        expect(notified).toBe(1);
      });

      it('takes a pushed CSV snapshot', async () => {
        const feed = await createFeed({ name: 'Push CSV' });
        const res = await s.request('POST', path(`/${feed.id}/snapshots`), {
          body: 'sku,quantity\nMUG,7\nGHOST,1\n',
          headers: { 'content-type': 'text/csv' },
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ status: 'applied', changed: 1, unknownSkus: ['GHOST'] });
        expect((await stockOf(s, 'MUG')).onHand).toBe(7);
      });

      it('applies a pushed snapshot once for a repeated Idempotency-Key', async () => {
        const feed = await createFeed({ name: 'Push idem' });
        const before = await rowCount(s, 'feedRuns');
        const send = () =>
          s.request('POST', path(`/${feed.id}/snapshots`), {
            body: { items: [{ sku: 'BOWL', onHand: 1 }] },
            headers: { 'idempotency-key': 'snapshot-1' },
          });
        const first = await send();
        const second = await send();
        expect(first.status).toBe(200);
        expect(await second.json()).toEqual(await first.json());
        expect(await rowCount(s, 'feedRuns')).toBe(before + 1);
      });
    });

    describe('paging', () => {
      it('pages the list oldest first with a keyset cursor, and names a bad query parameter', async () => {
        for (const name of ['Page 1', 'Page 2', 'Page 3']) await createFeed({ name });
        const all = (await (await s.request('GET', path('?limit=200'))).json()) as { items: Feed[] };
        const seen: number[] = [];
        let cursor: string | null = null;
        do {
          const query: string = `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const page = (await (await s.request('GET', path(query))).json()) as {
            items: Feed[];
            nextCursor: string | null;
          };
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...page.items.map((f) => f.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen).toEqual(all.items.map((f) => f.id));
        expect(seen).toEqual([...seen].sort((a, b) => a - b));
        expect(seen.length).toBeGreaterThan(2);
        for (const [query, field] of [
          ['?limit=0', 'query.limit'],
          ['?cursor=bogus', 'query.cursor'],
        ]) {
          const body = await expectProblem(await s.request('GET', path(query)), 422);
          expect(body.errors?.map((e) => e.field)).toEqual([field]);
        }
      });
    });

    describe('error', () => {
      it('refuses invalid feeds with their field, writing nothing', async () => {
        const before = await snapshot();
        const missing = await expectProblem(
          await s.request('POST', path(), { body: { url: 'ftp://x' } }),
          422,
        );
        expect(missing.errors!.map((e) => e.field)).toEqual(
          expect.arrayContaining(['body.name', 'body.url']),
        );
        const noUrl = await expectProblem(
          await s.request('POST', path(), { body: { name: 'Scheduled', intervalMinutes: 5 } }),
          422,
        );
        expect(noUrl.errors).toEqual([expect.objectContaining({ field: 'body.intervalMinutes' })]);
        await expectProblem(await s.request('POST', path(), { body: '{"name":' }), 400);
        expect(await snapshot()).toEqual(before);
      });

      it('refuses an update that would leave a schedule without a url, changing nothing', async () => {
        const feed = await createFeed({ name: 'Sched', url: `${origin}/x.csv`, intervalMinutes: 5 });
        const body = await expectProblem(
          await s.request('PATCH', path(`/${feed.id}`), { body: { url: null } }),
          422,
        );
        expect(body.errors).toEqual([expect.objectContaining({ field: 'body.intervalMinutes' })]);
        const unknown = await expectProblem(
          await s.request('PATCH', path(`/${feed.id}`), { body: { color: 'red' } }),
          422,
        );
        expect(unknown.errors).toEqual([expect.objectContaining({ field: 'body' })]);
        expect(await (await s.request('GET', path(`/${feed.id}`))).json()).toMatchObject({
          url: feed.url,
          intervalMinutes: 5,
        });
      });

      it('records a failed run when the supplier errors, changing no stock', async () => {
        supplier['/broken.csv'] = { status: 500, type: 'text/plain', body: 'oops' };
        supplier['/garbage.csv'] = { status: 200, type: 'text/csv', body: 'sku,quantity\nMUG,lots\n' };
        for (const file of ['broken.csv', 'garbage.csv']) {
          const feed = await createFeed({ name: file, url: `${origin}/${file}` });
          const before = await snapshot();
          const res = await s.request('POST', path(`/${feed.id}/run`));
          expect(res.status).toBe(200);
          const run = (await res.json()) as FeedRunResult;
          expect(run).toMatchObject({ status: 'failed', changed: 0 });
          expect(run.error).toContain(file === 'broken.csv' ? 'HTTP 500' : 'line 2 quantity');
          expect(await snapshot()).toEqual({ ...before, runs: before.runs + 1 });
          expect(await (await s.request('GET', path(`/${feed.id}`))).json()).toMatchObject({
            lastStatus: 'failed',
            lastError: run.error,
          });
        }
        expect(notified).toBe(0);
      });

      it('refuses to run a feed without a url', async () => {
        const feed = await createFeed({ name: 'Push only' });
        const body = await expectProblem(await s.request('POST', path(`/${feed.id}/run`)), 422);
        expect(body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
      });

      it('refuses a malformed CSV snapshot naming row and column, writing nothing', async () => {
        const feed = await createFeed({ name: 'Bad CSV' });
        const before = await snapshot();
        const res = await s.request('POST', path(`/${feed.id}/snapshots`), {
          body: 'sku,quantity,mode\nMUG,1,\nCUP,-1,\nBOWL,2,delta\n',
          headers: { 'content-type': 'text/csv' },
        });
        const body = await expectProblem(res, 422);
        expect(body.errors).toEqual([
          expect.objectContaining({ field: 'body.rows[3].quantity', row: 3, column: 'quantity' }),
          expect.objectContaining({ field: 'body.rows[4].mode', row: 4, column: 'mode' }),
        ]);
        const quote = await expectProblem(
          await s.request('POST', path(`/${feed.id}/snapshots`), {
            body: 'sku,quantity\n"MUG,1\n',
            headers: { 'content-type': 'text/csv' },
          }),
          422,
        );
        expect(quote.errors).toEqual([expect.objectContaining({ field: 'body.rows[2]', row: 2 })]);
        expect(await snapshot()).toEqual(before);
      });

      it('refuses invalid JSON snapshots with their item paths, writing nothing', async () => {
        const feed = await createFeed({ name: 'Bad JSON' });
        const before = await snapshot();
        const push = (body: unknown) => s.request('POST', path(`/${feed.id}/snapshots`), { body });
        const invalid = await expectProblem(
          await push({ items: [{ sku: 'MUG', onHand: -1 }, { onHand: 1 }] }),
          422,
        );
        expect(invalid.errors!.map((e) => e.field)).toEqual(
          expect.arrayContaining(['body.items[0].onHand', 'body.items[1].sku']),
        );
        const location = await expectProblem(
          await push({ items: [{ sku: 'MUG', location: 'Attic', onHand: 1 }] }),
          422,
        );
        expect(location.errors).toEqual([expect.objectContaining({ field: 'body.items[0].location' })]);
        const twice = await expectProblem(
          await push({
            items: [
              { sku: 'MUG', onHand: 1 },
              { sku: 'MUG', onHand: 2 },
            ],
          }),
          422,
        );
        expect(twice.errors).toEqual([expect.objectContaining({ field: 'body.items[1]' })]);
        await expectProblem(await push('{"items": [}'), 400);
        await expectProblem(
          await s.request('POST', path(`/${feed.id}/snapshots`), {
            body: '<xml/>',
            headers: { 'content-type': 'application/xml' },
          }),
          415,
        );
        expect(await snapshot()).toEqual(before);
      });

      it('answers unknown feeds with 404 on every route', async () => {
        await expectProblem(await s.request('GET', path('/999999')), 404);
        await expectProblem(await s.request('PATCH', path('/999999'), { body: { name: 'x' } }), 404);
        await expectProblem(await s.request('DELETE', path('/999999')), 404);
        await expectProblem(await s.request('POST', path('/999999/run')), 404);
        await expectProblem(await s.request('POST', path('/999999/snapshots'), { body: { items: [] } }), 404);
      });
    });

    describe('security', () => {
      it('refuses every route without a token or with another store’s token, writing nothing', async () => {
        supplier['/secure.csv'] = { status: 200, type: 'text/csv', body: 'sku,quantity\nMUG,99\n' };
        const feed = await createFeed({ name: 'Mine', url: `${origin}/secure.csv` });
        const before = await snapshot();
        const calls: [string, string, unknown?][] = [
          ['GET', path()],
          ['POST', path(), { name: 'Theirs' }],
          ['GET', path(`/${feed.id}`)],
          ['PATCH', path(`/${feed.id}`), { name: 'Hacked' }],
          ['DELETE', path(`/${feed.id}`)],
          ['POST', path(`/${feed.id}/run`)],
          ['POST', path(`/${feed.id}/snapshots`), { items: [{ sku: 'MUG', onHand: 0 }] }],
        ];
        for (const [method, url, body] of calls) {
          await expectProblem(await s.request(method, url, { token: null, body }), 401);
          await expectProblem(await s.request(method, url, { token: s.otherToken, body }), 403);
        }
        expect(await snapshot()).toEqual(before);
        expect(await (await s.request('GET', path(`/${feed.id}`))).json()).toMatchObject({
          name: 'Mine',
          runs: [],
        });
      });

      it('does not find another store’s feed under this store’s path', async () => {
        supplier['/theirs.csv'] = { status: 200, type: 'text/csv', body: 'sku,quantity\nMUG,99\n' };
        const res = await s.request('POST', `/stores/${s.otherStore.id}/feeds`, {
          token: s.otherToken,
          body: { name: 'Theirs', url: `${origin}/theirs.csv` },
        });
        const theirs = (await res.json()) as Feed;
        const before = await snapshot();
        await expectProblem(await s.request('GET', path(`/${theirs.id}`)), 404);
        await expectProblem(
          await s.request('PATCH', path(`/${theirs.id}`), { body: { name: 'Hacked' } }),
          404,
        );
        await expectProblem(await s.request('DELETE', path(`/${theirs.id}`)), 404);
        await expectProblem(await s.request('POST', path(`/${theirs.id}/run`)), 404);
        await expectProblem(
          await s.request('POST', path(`/${theirs.id}/snapshots`), {
            body: { items: [{ sku: 'MUG', onHand: 0 }] },
          }),
          404,
        );
        expect(await snapshot()).toEqual(before);
        const read = await s.request('GET', `/stores/${s.otherStore.id}/feeds/${theirs.id}`, {
          token: s.otherToken,
        });
        expect(await read.json()).toMatchObject({ name: 'Theirs', runs: [] });
      });
    });
  });
}
