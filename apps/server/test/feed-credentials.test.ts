import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FeedRunResult } from '@ballast/core';
import { DIALECTS } from '@ballast/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FeedView } from '../src/routes/feeds/feed-schema.ts';
import { createSecretBox } from '../src/secrets/secret-box.ts';
import {
  createTestServer,
  expectProblem,
  rowCount,
  seedStock,
  stockOf,
  type TestServer,
} from './support/test-server.ts';

const PASSWORD = 'supplier pa55word';
const TOKEN = 'tok_feed_0123456789abcdef';
const API_KEY = 'key-feed-fedcba9876543210';
const SECRETS = [PASSWORD, TOKEN, API_KEY, Buffer.from(`ballast:${PASSWORD}`).toString('base64')];

/** The supplier's files, each behind one kind of credentials. */
const FILES: Record<string, { header: string; value: string; quantity: number }> = {
  '/basic.csv': {
    header: 'authorization',
    value: `Basic ${Buffer.from(`ballast:${PASSWORD}`).toString('base64')}`,
    quantity: 11,
  },
  '/bearer.csv': { header: 'authorization', value: `Bearer ${TOKEN}`, quantity: 12 },
  '/header.csv': { header: 'x-api-key', value: API_KEY, quantity: 13 },
};

for (const dialect of DIALECTS) {
  describe(`feed credentials API [${dialect}]`, () => {
    let s: TestServer;
    let http: Server;
    let origin: string;
    /** Every response body of the test, to show that no secret was ever in one. */
    let answered: string[] = [];
    const path = (suffix = '') => `/stores/${s.store.id}/feeds${suffix}`;

    /** A request whose answer is kept (and still readable by the caller). */
    async function call(method: string, url: string, options: Parameters<TestServer['request']>[2] = {}) {
      const res = await s.request(method, url, options);
      answered.push(await res.clone().text());
      return res;
    }
    const json = async <T>(res: Response, status: number): Promise<T> => {
      expect(res.status).toBe(status);
      return (await res.json()) as T;
    };
    const storedCiphertext = async (feedId: number) =>
      (
        await s.t.db
          .selectFrom('feeds')
          .select('authCiphertext')
          .where('id', '=', feedId)
          .executeTakeFirstOrThrow()
      ).authCiphertext;
    const snapshot = async () => ({
      feeds: await s.t.db.selectFrom('feeds').selectAll().orderBy('id').execute(),
      runs: await rowCount(s, 'feedRuns'),
    });

    beforeAll(async () => {
      http = createServer((req, res) => {
        const file = FILES[req.url ?? ''];
        if (!file) return res.writeHead(404).end();
        if (req.headers[file.header] !== file.value) return res.writeHead(401).end('who are you?');
        res.writeHead(200, { 'content-type': 'text/csv' }).end(`sku,quantity\nMUG,${file.quantity}\n`);
      });
      http.listen(0, '127.0.0.1');
      await once(http, 'listening');
      origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
      s = await createTestServer(dialect);
      await seedStock(s, { MUG: 1 });
    });
    afterAll(async () => {
      http.close();
      await s.close();
    });
    beforeEach(() => {
      answered = [];
    });

    describe('happy', () => {
      it('stores each kind encrypted, shows only its kind and name, and Run now sends it', async () => {
        const kinds = [
          { file: '/basic.csv', auth: { type: 'basic', username: 'ballast', password: PASSWORD } },
          { file: '/bearer.csv', auth: { type: 'bearer', token: TOKEN } },
          { file: '/header.csv', auth: { type: 'header', name: 'X-Api-Key', value: API_KEY } },
        ];
        const shown = [
          { type: 'basic', username: 'ballast' },
          { type: 'bearer' },
          { type: 'header', name: 'X-Api-Key' },
        ];
        for (const [i, { file, auth }] of kinds.entries()) {
          const feed = await json<FeedView>(
            await call('POST', path(), { body: { name: `ERP ${auth.type}`, url: `${origin}${file}`, auth } }),
            201,
          );
          expect(feed.auth).toEqual(shown[i]);
          const ciphertext = await storedCiphertext(feed.id);
          expect(ciphertext).toMatch(/^v1\./);
          for (const secret of SECRETS) expect(ciphertext).not.toContain(secret);

          const read = await json<FeedView>(await call('GET', path(`/${feed.id}`)), 200);
          expect(read.auth).toEqual(shown[i]);
          const list = await json<{ items: FeedView[] }>(await call('GET', path()), 200);
          expect(list.items.find((f) => f.id === feed.id)!.auth).toEqual(shown[i]);

          const run = await json<FeedRunResult>(await call('POST', path(`/${feed.id}/run`)), 200);
          expect(run).toMatchObject({ status: 'applied', error: null });
          expect((await stockOf(s, 'MUG')).onHand).toBe(FILES[file]!.quantity);
        }
        for (const secret of SECRETS) expect(answered.join('\n')).not.toContain(secret);
      });

      it('keeps credentials a change leaves out, keeps a secret left out, and removes them on null', async () => {
        const auth = { type: 'basic', username: 'ballast', password: PASSWORD };
        const feed = await json<FeedView>(
          await call('POST', path(), { body: { name: 'Kept', url: `${origin}/basic.csv`, auth } }),
          201,
        );
        const renamed = await json<FeedView>(
          await call('PATCH', path(`/${feed.id}`), { body: { name: 'Kept nightly', intervalMinutes: 1440 } }),
          200,
        );
        expect(renamed.auth).toEqual({ type: 'basic', username: 'ballast' });
        const sameUser = await json<FeedView>(
          await call('PATCH', path(`/${feed.id}`), {
            body: { auth: { type: 'basic', username: 'ballast' } },
          }),
          200,
        );
        expect(sameUser.auth).toEqual({ type: 'basic', username: 'ballast' });
        expect(await json<FeedRunResult>(await call('POST', path(`/${feed.id}/run`)), 200)).toMatchObject({
          status: 'applied',
        });

        const removed = await json<FeedView>(
          await call('PATCH', path(`/${feed.id}`), { body: { auth: null } }),
          200,
        );
        expect(removed.auth).toBeNull();
        expect(await storedCiphertext(feed.id)).toBeNull();
        const refused = await json<FeedRunResult>(await call('POST', path(`/${feed.id}/run`)), 200);
        expect(refused).toMatchObject({ status: 'failed', error: expect.stringContaining('HTTP 401') });

        // Replaced by another kind, on another origin (sent again, so it may follow).
        const moved = await json<FeedView>(
          await call('PATCH', path(`/${feed.id}`), {
            body: {
              url: `${origin.replace('127.0.0.1', 'localhost')}/header.csv`,
              auth: { type: 'header', name: 'X-Api-Key', value: API_KEY },
            },
          }),
          200,
        );
        expect(moved.auth).toEqual({ type: 'header', name: 'X-Api-Key' });
        for (const secret of SECRETS) expect(answered.join('\n')).not.toContain(secret);
      });
    });

    describe('error', () => {
      it('refuses invalid credentials with problem+json naming the field, writing nothing', async () => {
        const before = await snapshot();
        const cases: [Record<string, unknown>, string][] = [
          [{ url: `http://ballast:${encodeURIComponent(PASSWORD)}@127.0.0.1/basic.csv` }, 'body.url'],
          [{ auth: { type: 'ntlm', username: 'x' } }, 'body.auth.type'],
          [{ auth: { type: 'basic', username: 'ballast' } }, 'body.auth.password'],
          [{ auth: { type: 'basic', username: 'a:b', password: PASSWORD } }, 'body.auth.username'],
          [{ auth: { type: 'basic', username: 'ballast', password: `${PASSWORD}\n` } }, 'body.auth.password'],
          [{ auth: { type: 'bearer', token: `${TOKEN}\r\nHost: evil` } }, 'body.auth.token'],
          [{ auth: { type: 'bearer', token: 'x'.repeat(4001) } }, 'body.auth.token'],
          [{ auth: { type: 'header', name: 'Host', value: API_KEY } }, 'body.auth.name'],
          [{ auth: { type: 'header', name: 'Content-Length', value: '0' } }, 'body.auth.name'],
          [{ auth: { type: 'header', name: 'X Api Key', value: API_KEY } }, 'body.auth.name'],
          [{ auth: { type: 'header', name: 'X-Api-Key', value: `${API_KEY}\u0000` } }, 'body.auth.value'],
          [{ auth: { type: 'bearer', token: TOKEN, username: 'x' } }, 'body.auth'],
        ];
        for (const [extra, field] of cases) {
          const res = await call('POST', path(), {
            body: { name: 'Bad', url: `${origin}/basic.csv`, ...extra },
          });
          const problem = await expectProblem(res, 422);
          expect(
            problem.errors?.map((e) => e.field),
            JSON.stringify(extra),
          ).toEqual([field]);
        }
        const url = await expectProblem(
          await call('POST', path(), { body: { name: 'Bad', url: `http://me:${PASSWORD}@127.0.0.1/` } }),
          422,
        );
        expect(url.errors?.[0]?.reason).toContain('`auth`');
        expect(await snapshot()).toEqual(before);
        for (const secret of SECRETS) expect(answered.join('\n')).not.toContain(secret);
      });

      it('refuses a change that would send stored credentials to another origin, changing nothing', async () => {
        const feed = await json<FeedView>(
          await call('POST', path(), {
            body: { name: 'Stay', url: `${origin}/bearer.csv`, auth: { type: 'bearer', token: TOKEN } },
          }),
          201,
        );
        const before = await snapshot();
        const away = await expectProblem(
          await call('PATCH', path(`/${feed.id}`), { body: { url: 'https://collector.example.net/x.csv' } }),
          422,
        );
        expect(away.errors).toEqual([expect.objectContaining({ field: 'body.auth' })]);
        const kept = await expectProblem(
          await call('PATCH', path(`/${feed.id}`), {
            body: { url: 'https://collector.example.net/x.csv', auth: { type: 'bearer' } },
          }),
          422,
        );
        expect(kept.errors).toEqual([expect.objectContaining({ field: 'body.auth.token' })]);
        const otherKind = await expectProblem(
          await call('PATCH', path(`/${feed.id}`), { body: { auth: { type: 'header', name: 'X-Api-Key' } } }),
          422,
        );
        expect(otherKind.errors).toEqual([expect.objectContaining({ field: 'body.auth.value' })]);
        expect(await snapshot()).toEqual(before);
      });
    });

    describe('security', () => {
      it('refuses another store’s token, and never finds another store’s feed under this store', async () => {
        const feed = await json<FeedView>(
          await call('POST', path(), {
            body: { name: 'Mine', url: `${origin}/bearer.csv`, auth: { type: 'bearer', token: TOKEN } },
          }),
          201,
        );
        const before = await snapshot();
        const calls: [string, string, unknown?][] = [
          ['GET', path(`/${feed.id}`)],
          ['GET', path()],
          ['PATCH', path(`/${feed.id}`), { auth: null }],
          ['PATCH', path(`/${feed.id}`), { url: 'https://collector.example.net/x.csv', auth: null }],
          ['POST', path(`/${feed.id}/run`)],
          [
            'POST',
            path(),
            { name: 'Theirs', url: `${origin}/bearer.csv`, auth: { type: 'bearer', token: 'x' } },
          ],
        ];
        for (const [method, url, body] of calls) {
          await expectProblem(await call(method, url, { token: s.otherToken, body }), 403);
          await expectProblem(await call(method, url, { token: null, body }), 401);
        }
        // Their own path, our feed id: not found, and nothing of it leaks.
        const theirs = (suffix: string) => `/stores/${s.otherStore.id}/feeds${suffix}`;
        await expectProblem(await call('GET', theirs(`/${feed.id}`), { token: s.otherToken }), 404);
        await expectProblem(
          await call('PATCH', theirs(`/${feed.id}`), { token: s.otherToken, body: { auth: null } }),
          404,
        );
        await expectProblem(await call('POST', theirs(`/${feed.id}/run`), { token: s.otherToken }), 404);
        expect(await snapshot()).toEqual(before);
        expect((await json<FeedView>(await call('GET', path(`/${feed.id}`)), 200)).auth).toEqual({
          type: 'bearer',
        });
        for (const secret of SECRETS) expect(answered.join('\n')).not.toContain(secret);
      });

      it('says credentials sealed under another server secret are unreadable, and fails their pulls', async () => {
        const feed = await json<FeedView>(
          await call('POST', path(), {
            body: { name: 'Rotated', url: `${origin}/bearer.csv`, auth: { type: 'bearer', token: TOKEN } },
          }),
          201,
        );
        // What a server started with another BALLAST_SECRET finds.
        const otherBox = createSecretBox('another server secret, 16+ chars');
        await s.t.db
          .updateTable('feeds')
          .set({ authCiphertext: otherBox.seal(JSON.stringify({ type: 'bearer', token: TOKEN })) })
          .where('id', '=', feed.id)
          .execute();
        expect((await json<FeedView>(await call('GET', path(`/${feed.id}`)), 200)).auth).toEqual({
          type: 'unreadable',
        });
        const run = await json<FeedRunResult>(await call('POST', path(`/${feed.id}/run`)), 200);
        expect(run).toMatchObject({ status: 'failed', error: expect.stringContaining('set them again') });
        const replaced = await json<FeedView>(
          await call('PATCH', path(`/${feed.id}`), { body: { auth: { type: 'bearer', token: TOKEN } } }),
          200,
        );
        expect(replaced.auth).toEqual({ type: 'bearer' });
        expect(await json<FeedRunResult>(await call('POST', path(`/${feed.id}/run`)), 200)).toMatchObject({
          status: 'applied',
        });
        for (const secret of SECRETS) expect(answered.join('\n')).not.toContain(secret);
      });
    });
  });
}
