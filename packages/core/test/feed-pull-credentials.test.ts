import type { IncomingHttpHeaders } from 'node:http';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  createFeed,
  createProduct,
  createStore,
  type FeedAuth,
  getFeed,
  runFeedNow,
  type Store,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';
import { testSecretBox } from './support/test-secret-box.ts';

const PASSWORD = 'pa55 word:with colon';
const TOKEN = 'tok_0123456789abcdef';
const API_KEY = 'key-fedcba9876543210';
const CSV = 'sku,quantity\nA,7\n';

/** Each kind of credentials, and what the supplier checks for it. */
const KINDS: { kind: string; auth: FeedAuth; accepts: (headers: IncomingHttpHeaders) => boolean }[] = [
  {
    kind: 'basic',
    auth: { type: 'basic', username: 'erp', password: PASSWORD },
    accepts: (h) => h.authorization === `Basic ${Buffer.from(`erp:${PASSWORD}`).toString('base64')}`,
  },
  {
    kind: 'bearer',
    auth: { type: 'bearer', token: TOKEN },
    accepts: (h) => h.authorization === `Bearer ${TOKEN}`,
  },
  {
    kind: 'header',
    auth: { type: 'header', name: 'X-Api-Key', value: API_KEY },
    accepts: (h) => h['x-api-key'] === API_KEY,
  },
];
const SECRETS = [PASSWORD, TOKEN, API_KEY, Buffer.from(`erp:${PASSWORD}`).toString('base64')];

/** Two real servers on 127.0.0.1: two origins (the port differs). */
let supplier: Server;
let elsewhere: Server;
let supplierUrl: string;
let elsewhereUrl: string;
/** Requests each server received, with their headers. */
const received: { supplier: IncomingHttpHeaders[]; elsewhere: IncomingHttpHeaders[] } = {
  supplier: [],
  elsewhere: [],
};

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  // `/<kind>.csv` needs that kind's credentials; `/same/<path>` redirects to `/<path>` on this origin,
  // `/away/<path>` to `/<path>` on the other, whose `/back/<kind>` redirects to this origin's `/<kind>.csv`.
  supplier = createServer((req, res) => {
    received.supplier.push(req.headers);
    const url = req.url ?? '';
    if (url.startsWith('/same/')) return res.writeHead(302, { location: `/${url.slice(6)}` }).end();
    if (url.startsWith('/away/'))
      return res.writeHead(307, { location: `${elsewhereUrl}/${url.slice(6)}` }).end();
    const accepted = KINDS.find((k) => url === `/${k.kind}.csv`);
    if (!accepted) return res.writeHead(404).end();
    if (!accepted.accepts(req.headers))
      return res.writeHead(401, { 'www-authenticate': 'Basic realm="erp"' }).end('who are you?');
    res.writeHead(200, { 'content-type': 'text/csv' }).end(CSV);
  });
  elsewhere = createServer((req, res) => {
    received.elsewhere.push(req.headers);
    if (req.url?.startsWith('/back/'))
      return res.writeHead(302, { location: `${supplierUrl}/${req.url.slice('/back/'.length)}.csv` }).end();
    res.writeHead(200, { 'content-type': 'text/csv' }).end(CSV);
  });
  supplierUrl = await listen(supplier);
  elsewhereUrl = await listen(elsewhere);
});
afterAll(async () => {
  for (const server of [supplier, elsewhere]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
beforeEach(() => {
  received.supplier = [];
  received.elsewhere = [];
});

describeEachDialect('pulling a feed with credentials', (ctx) => {
  const secrets = testSecretBox();

  async function feedAt(path: string, auth: FeedAuth | null): Promise<{ store: Store; feedId: number }> {
    const store = await createStore(ctx.db, { name: 'Pull' });
    await createProduct(ctx.db, store.id, { sku: 'A', name: 'A' });
    const feed = await createFeed(
      ctx.db,
      store.id,
      { name: 'ERP', url: `${supplierUrl}${path}`, auth },
      { secrets },
    );
    return { store, feedId: feed.id };
  }

  for (const { kind, auth } of KINDS) {
    it(`${kind}: refused without the credentials, applied with them`, async () => {
      const without = await feedAt(`/${kind}.csv`, null);
      const refused = await runFeedNow(ctx.db, without.store.id, without.feedId, { secrets });
      expect(refused).toMatchObject({ status: 'failed', changed: 0 });
      expect(refused.error).toContain('HTTP 401');

      const withAuth = await feedAt(`/${kind}.csv`, auth);
      const applied = await runFeedNow(ctx.db, withAuth.store.id, withAuth.feedId, { secrets });
      expect(applied).toMatchObject({ status: 'applied', changed: 1, error: null });

      // Wrong credentials: the failure is recorded without them.
      const wrong: FeedAuth =
        auth.type === 'basic'
          ? { ...auth, username: 'someone-else' }
          : auth.type === 'bearer'
            ? { type: 'bearer', token: TOKEN.toUpperCase() }
            : { ...auth, name: 'X-Other-Key' };
      const bad = await feedAt(`/${kind}.csv`, wrong);
      const failed = await runFeedNow(ctx.db, bad.store.id, bad.feedId, { secrets });
      expect(failed.error).toContain('HTTP 401');
      const feed = await getFeed(ctx.db, bad.store.id, bad.feedId);
      for (const secret of [...SECRETS, TOKEN.toUpperCase()])
        expect(JSON.stringify([failed, feed])).not.toContain(secret);
    });

    it(`${kind}: follows a redirect on the same origin with the credentials`, async () => {
      const { store, feedId } = await feedAt(`/same/${kind}.csv`, auth);
      expect(await runFeedNow(ctx.db, store.id, feedId, { secrets })).toMatchObject({ status: 'applied' });
      expect(received.supplier.map(accepts)).toEqual([true, true]);
    });

    it(`${kind}: never sends the credentials to another origin a redirect points to`, async () => {
      const { store, feedId } = await feedAt(`/away/${kind}.csv`, auth);
      const run = await runFeedNow(ctx.db, store.id, feedId, { secrets });
      expect(run).toMatchObject({ status: 'applied', changed: 1 });
      expect(received.supplier.map(accepts)).toEqual([true]);
      expect(received.elsewhere).toHaveLength(1);
      expect(received.elsewhere[0]!.authorization).toBeUndefined();
      expect(received.elsewhere[0]!['x-api-key']).toBeUndefined();
      for (const secret of SECRETS) expect(JSON.stringify(received.elsewhere)).not.toContain(secret);
    });

    it(`${kind}: does not send them again when a redirect comes back from another origin`, async () => {
      // supplier /away/back/<kind> -> elsewhere /back/<kind> -> supplier /<kind>.csv
      const { store, feedId } = await feedAt(`/away/back/${kind}`, auth);
      const run = await runFeedNow(ctx.db, store.id, feedId, { secrets });
      expect(run.error).toContain('HTTP 401');
      expect(received.elsewhere).toHaveLength(1);
      expect(received.supplier.map(accepts)).toEqual([true, false]);
    });

    function accepts(headers: IncomingHttpHeaders): boolean {
      return KINDS.find((k) => k.kind === kind)!.accepts(headers);
    }
  }

  it('records a failed run, pulling nothing, when the credentials cannot be opened', async () => {
    const store = await createStore(ctx.db, { name: 'Rotated' });
    const feed = await createFeed(
      ctx.db,
      store.id,
      { name: 'ERP', url: `${supplierUrl}/bearer.csv`, auth: { type: 'bearer', token: TOKEN } },
      { secrets: testSecretBox() },
    );
    const run = await runFeedNow(ctx.db, store.id, feed.id, { secrets });
    expect(run).toMatchObject({ status: 'failed', changed: 0 });
    expect(run.error).toMatch(/credentials cannot be decrypted .* set them again/);
    expect(received.supplier).toEqual([]);
    await expect(runFeedNow(ctx.db, store.id, feed.id)).rejects.toThrow('secret box');
  });

  it('keeps the secret out of a failed run even when the HTTP client quotes it', async () => {
    const { store, feedId } = await feedAt('/header.csv', KINDS[2]!.auth);
    const run = await runFeedNow(ctx.db, store.id, feedId, {
      secrets,
      fetch: async (_url, init) => {
        const sent = new Headers(init?.headers).get('x-api-key');
        throw new TypeError(`invalid header value "${sent}"`);
      },
    });
    expect(run.error).toBe(`fetching ${supplierUrl}/header.csv failed: invalid header value "[redacted]"`);
  });
});
