import { describe, expect, it } from 'vitest';
import { shopifyConnector } from '../src/index.ts';
import { startShopifySimulator } from '../src/simulator/index.ts';
import { LOCATION, SHOP, TOKEN } from './fixtures.ts';

const config = { shopDomain: SHOP, accessToken: TOKEN, locationIds: [LOCATION], restoreRate: 2000 } as const;

describe('the Admin API client', () => {
  it('speaks to https://{shop}/admin/api/{version}/graphql.json with the access token', async () => {
    const seen: { url: string; headers: Headers }[] = [];
    const { client } = shopifyConnector.connect(
      { ...config, apiVersion: '2026-01' },
      {
        fetch: async (url, init) => {
          seen.push({ url: String(url), headers: new Headers(init?.headers) });
          return Response.json({
            data: { inventoryItems: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } },
          });
        },
      },
    );
    await client.lookupListings(['A']);
    expect(seen[0]?.url).toBe(`https://${SHOP}/admin/api/2026-01/graphql.json`);
    expect(seen[0]?.headers.get('x-shopify-access-token')).toBe(TOKEN);
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(seen[0]?.headers.get('user-agent')).toContain('ballast-connector-shopify');
  });

  it('the host’s endpoint override wins over the configured one, and may be plain http', async () => {
    const sim = await startShopifySimulator();
    try {
      sim.seed([{ sku: 'A', quantity: 1 }]);
      const viaConfig = shopifyConnector.connect({ ...config, endpoint: sim.server.url });
      expect(await viaConfig.client.lookupListings(['A'])).toHaveLength(1);
      const viaHost = shopifyConnector.connect(
        { ...config, endpoint: 'https://proxy.invalid' },
        { endpoint: `${sim.server.url}/` },
      );
      expect(await viaHost.client.lookupListings(['A'])).toHaveLength(1);
      expect(sim.server.requests.map((r) => r.path)).toEqual([
        `/admin/api/2026-04/graphql.json`,
        `/admin/api/2026-04/graphql.json`,
      ]);
    } finally {
      await sim.close();
    }
  });

  it('the client’s notice about a version outside Shopify’s support window reaches our logger', () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (message: string) => warnings.push(message) };
    shopifyConnector.connect({ ...config, apiVersion: '2025-01' }, { logger });
    expect(warnings).toEqual(['Shopify API version is outside the supported window']);
  });

  it('keeps the cause of a network failure: a refused connection is transient, not a programming error', async () => {
    const { client } = shopifyConnector.connect({ ...config, endpoint: 'http://127.0.0.1:9' });
    await expect(client.lookupListings(['A'])).rejects.toMatchObject({ retryable: true, code: 'network' });
    const result = await client.setQuantities([
      {
        key: 'k',
        sku: 'A',
        quantity: 1,
        idempotencyKey: 'i',
        listingRef: { inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: LOCATION },
      },
    ]);
    expect(result.items[0]).toMatchObject({ status: 'transient', code: 'network' });
  });

  it('Shopify’s own message from an error body reaches the item', async () => {
    const { client } = shopifyConnector.connect(config, {
      fetch: async () =>
        Response.json(
          { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
          { status: 401 },
        ),
    });
    const result = await client.setQuantities([
      {
        key: 'k',
        sku: 'A',
        quantity: 1,
        idempotencyKey: 'i',
        listingRef: { inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: LOCATION },
      },
    ]);
    expect(result.items[0]).toMatchObject({ status: 'permanent', code: 'unauthorized' });
    expect(result.items[0]?.status === 'permanent' && result.items[0].message).toContain('Invalid API key');
  });
});
