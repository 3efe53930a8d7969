import { ChannelError, type Clock, systemClock } from '@ballast/connector-kit';
import { json, startSimServer } from '@ballast/connector-kit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { wooConnector, wooPaths } from '../src/index.ts';
import { credentials } from './fixtures.ts';
import { connect, simulator } from './support/harness.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** Fails the test with the lookup's error unless it is a ChannelError. */
async function lookupError(run: () => Promise<unknown>): Promise<ChannelError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

describe('authentication', () => {
  it('picks Basic for https sites and OAuth 1.0a for plain-http sites unless told', () => {
    const https = wooConnector.parseConfig({ siteUrl: 'https://shop.example', ...credentials });
    const http = wooConnector.parseConfig({ siteUrl: 'http://shop.example', ...credentials });
    expect(https.authMode).toBeUndefined();
    expect(http.authMode).toBeUndefined();
  });

  it('over https: HTTP Basic with key and secret, nothing in the query', async () => {
    const sim = await simulator();
    sim.addProduct({ sku: 'MUG', quantity: 1 });
    const { client } = wooConnector.connect(
      {
        siteUrl: 'https://shop.example',
        ...credentials,
      },
      { endpoint: sim.url },
    );
    expect(await client.lookupListings(['MUG'])).toHaveLength(1);
    const [request] = sim.server.requests;
    const expected = Buffer.from(`${credentials.consumerKey}:${credentials.consumerSecret}`).toString(
      'base64',
    );
    expect(request?.headers.authorization).toBe(`Basic ${expected}`);
    expect(request?.query).not.toMatch(/oauth_|consumer_/);
  });

  it('over plain http: OAuth 1.0a HMAC-SHA256 in the query string, no Authorization header', async () => {
    const sim = await simulator({ https: false });
    const mug = sim.addProduct({ sku: 'MUG', quantity: 1 });
    const fixed = Date.now();
    const clock: Clock = { now: () => fixed, sleep: systemClock.sleep };
    const { client } = connect(sim, {}, { clock }, false);
    expect(await client.lookupListings(['MUG'])).toEqual([
      { sku: 'MUG', listingRef: { productId: mug.id }, quantity: 1 },
    ]);
    const [request] = sim.server.requests;
    const query = new URLSearchParams(request?.query);
    expect(request?.headers.authorization).toBeUndefined();
    expect(query.get('oauth_consumer_key')).toBe(credentials.consumerKey);
    expect(query.get('oauth_signature_method')).toBe('HMAC-SHA256');
    expect(query.get('oauth_timestamp')).toBe(String(Math.floor(fixed / 1000)));
    expect(query.get('oauth_nonce')).toMatch(/^[0-9a-f]{32}$/);
    expect(query.get('oauth_signature')).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    // Each parameter once: the signed ones are the ones WooCommerce reads.
    expect([...query.keys()].sort()).toEqual(
      [
        'oauth_consumer_key',
        'oauth_nonce',
        'oauth_signature',
        'oauth_signature_method',
        'oauth_timestamp',
        'oauth_version',
        'page',
        'per_page',
        'sku',
      ].sort(),
    );
  });

  it('signs SKUs with spaces, plus signs, commas and non-ASCII characters the way WooCommerce checks them', async () => {
    const sim = await simulator({ https: false });
    const skus = ['A B', 'C+D', 'E/F?G=H&I', 'ÜBER-100%', "it's (1)*"];
    for (const sku of skus) sim.addProduct({ sku, quantity: 2 });
    sim.addProduct({ sku: 'X,Y', quantity: 3 });
    const { client } = connect(sim, {}, {}, false);
    const matches = await client.lookupListings([...skus, 'X,Y']);
    expect(matches.map((m) => m.sku).sort()).toEqual([...skus, 'X,Y'].sort());
    const result = await client.setQuantities(
      matches.map((m, i) => ({
        key: `k${i}`,
        listingRef: m.listingRef,
        sku: m.sku,
        quantity: 5,
        idempotencyKey: `i${i}`,
      })),
    );
    expect(result.items.map((r) => r.status)).toEqual(matches.map(() => 'ok'));
  });

  it('a plain-http site ignores Basic auth: the call is refused for good', async () => {
    const sim = await simulator({ https: false });
    const { client } = connect(sim, {}, {}, true);
    const error = await lookupError(() => client.lookupListings(['MUG']));
    expect(error).toMatchObject({ retryable: false, status: 401, code: 'woocommerce_rest_cannot_view' });
  });

  it('a wrong secret is refused for good in both modes', async () => {
    for (const https of [true, false]) {
      const sim = await simulator({ https });
      const { client } = connect(sim, { consumerSecret: 'cs_wrong' }, {}, https);
      const error = await lookupError(() => client.lookupListings(['MUG']));
      expect(error).toMatchObject({
        retryable: false,
        status: 401,
        code: 'woocommerce_rest_authentication_error',
      });
      expect(error.message).toMatch(https ? /Consumer secret is invalid/ : /signature does not match/);
    }
  });

  it('a read-only key cannot write: every item fails for good', async () => {
    const sim = await simulator({ keyPermissions: 'read' });
    const mug = sim.addProduct({ sku: 'MUG', quantity: 1 });
    const { client } = connect(sim);
    const result = await client.setQuantities([
      { key: 'k', listingRef: { productId: mug.id }, sku: 'MUG', quantity: 3, idempotencyKey: 'i' },
    ]);
    expect(result.items).toMatchObject([
      { status: 'permanent', code: 'woocommerce_rest_authentication_error' },
    ]);
    expect(result.items[0]?.status === 'permanent' && result.items[0].message).toMatch(/write permissions/);
  });

  it('the simulator refuses a replayed OAuth nonce and a timestamp outside 15 minutes', async () => {
    const sim = await simulator({ https: false });
    sim.addProduct({ sku: 'MUG', quantity: 1 });
    const { client } = connect(sim, {}, {}, false);
    await client.lookupListings(['MUG']);
    const sent = sim.server.requests[0]!;
    const replay = await fetch(`${sim.url}${sent.path}${sent.query}`);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ message: 'Invalid nonce - nonce has already been used.' });

    const late: Clock = { now: () => Date.now() - 16 * 60_000, sleep: systemClock.sleep };
    const stale = connect(sim, {}, { clock: late }, false);
    const error = await lookupError(() => stale.client.lookupListings(['MUG']));
    expect(error.message).toBe('Invalid timestamp.');
  });

  it('a redirect is not followed: the batch would become a GET; siteUrl must change', async () => {
    const server = await startSimServer();
    closers.push(() => server.close());
    server.route('POST', wooPaths.productsBatch, () => ({
      status: 301,
      headers: { location: 'https://www.shop.example/wp-json/wc/v3/products/batch' },
    }));
    server.route('GET', wooPaths.products, () => json(200, []));
    const { client } = wooConnector.connect({ siteUrl: server.url, authMode: 'basic', ...credentials });
    const result = await client.setQuantities([
      { key: 'k', listingRef: { productId: 5 }, sku: 'MUG', quantity: 3, idempotencyKey: 'i' },
    ]);
    expect(result.items).toMatchObject([{ status: 'permanent', code: 'redirected' }]);
    expect(result.items[0]?.status === 'permanent' && result.items[0].message).toMatch(/www\.shop\.example/);
    expect(server.requests.map((r) => r.method)).toEqual(['POST']);
  });
});
