import { afterEach, describe, expect, it } from 'vitest';
import { type ShopifySimulator, startShopifySimulator } from '../src/simulator/index.ts';
import { adminSchema2025 } from './admin-schema.ts';
import { LOCATION, TOKEN } from './fixtures.ts';

let sim: ShopifySimulator;
afterEach(() => sim.close());

const messages = (body: Record<string, unknown>): string =>
  ((body.errors ?? []) as { message: string }[]).map((e) => e.message).join('\n');

async function post(version: string, query: string, variables: object = {}, token = TOKEN) {
  const response = await fetch(`${sim.server.url}/admin/api/${version}/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': token },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const SET = `mutation($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id changes { name delta } }
    userErrors { code field message }
  }
}`;

describe('the Shopify simulator', () => {
  it('refuses a bad access token like Shopify (401, errors as a string)', async () => {
    sim = await startShopifySimulator();
    const { status, body } = await post('2026-04', '{ location { id } }', {}, 'wrong');
    expect(status).toBe(401);
    expect(typeof body.errors).toBe('string');
  });

  it('validates 2025-01 requests against the published schema, others against its own slice', async () => {
    sim = await startShopifySimulator({ introspectionSchema: adminSchema2025() });
    const idempotent = await post('2025-01', SET, {});
    expect(messages(idempotent.body)).toContain('Unknown directive "@idempotent"');
    const unknown = await post('2026-04', '{ shop { name } }');
    expect(messages(unknown.body)).toContain('Cannot query field "shop"');
  });

  it('prices queries and reports the bucket; refuses a query above 1000 points', async () => {
    sim = await startShopifySimulator({ bucketSize: 2000, restoreRate: 100 });
    const cheap = await post(
      '2026-04',
      '{ inventoryItems(first: 10) { nodes { id sku } pageInfo { hasNextPage } } }',
    );
    expect(cheap.body.extensions).toMatchObject({
      cost: {
        requestedQueryCost: 12,
        actualQueryCost: 12,
        throttleStatus: { maximumAvailable: 2000, restoreRate: 100 },
      },
    });
    // 2 + 250 x (1 + 2 x 2) = 1252
    const dear = await post(
      '2026-04',
      '{ inventoryItems(first: 250) { nodes { a: inventoryLevel(locationId: "1") { quantities(names: ["available"]) { quantity } } b: inventoryLevel(locationId: "2") { quantities(names: ["available"]) { quantity } } } } }',
    );
    expect(dear.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'MAX_COST_EXCEEDED' }) }),
    ]);
    expect(dear.body.data).toBeUndefined();
  });

  it('same key and input replays; same key and other input is a parameter mismatch', async () => {
    sim = await startShopifySimulator();
    const item = sim.addItem({ sku: 'A', levels: { [LOCATION]: 1 } });
    const input = (quantity: number) => ({
      name: 'available',
      reason: 'correction',
      quantities: [{ inventoryItemId: item.id, locationId: LOCATION, quantity, changeFromQuantity: null }],
    });
    const first = await post('2026-04', SET, { input: input(5), key: 'k-1' });
    sim.setQuantity('A', 3);
    const replay = await post('2026-04', SET, { input: input(5), key: 'k-1' });
    expect(replay.body.data).toEqual(first.body.data);
    expect(sim.levelOf(item.id, LOCATION)).toBe(3);
    const other = await post('2026-04', SET, { input: input(6), key: 'k-1' });
    expect(other.body.data).toMatchObject({
      inventorySetQuantities: {
        inventoryAdjustmentGroup: null,
        userErrors: [{ code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH' }],
      },
    });
  });

  it('from 2026-04, changeFromQuantity on every entry and the @idempotent key are required', async () => {
    sim = await startShopifySimulator();
    const item = sim.addItem({ sku: 'A', levels: { [LOCATION]: 1 } });
    const noChangeFrom = await post('2026-04', SET, {
      key: 'k-2',
      input: {
        name: 'available',
        reason: 'correction',
        quantities: [{ inventoryItemId: item.id, locationId: LOCATION, quantity: 2 }],
      },
    });
    expect(messages(noChangeFrom.body)).toContain('changeFromQuantity is required');
    const noKey = await post(
      '2026-04',
      'mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code } } }',
      {
        input: {
          name: 'available',
          reason: 'correction',
          quantities: [
            { inventoryItemId: item.id, locationId: LOCATION, quantity: 2, changeFromQuantity: null },
          ],
        },
      },
    );
    expect(messages(noKey.body)).toContain('@idempotent directive is required');
    expect(sim.levelOf(item.id, LOCATION)).toBe(1);
  });

  it('2025-01 needs compareQuantity unless ignoreCompareQuantity', async () => {
    sim = await startShopifySimulator({ introspectionSchema: adminSchema2025() });
    const item = sim.addItem({ sku: 'A', levels: { [LOCATION]: 1 } });
    const query = `mutation($input: InventorySetQuantitiesInput!) {
      inventorySetQuantities(input: $input) { inventoryAdjustmentGroup { id } userErrors { code field } }
    }`;
    const entry = { inventoryItemId: item.id, locationId: LOCATION, quantity: 2 };
    const required = await post('2025-01', query, {
      input: { name: 'available', reason: 'correction', quantities: [entry] },
    });
    expect(required.body.data).toMatchObject({
      inventorySetQuantities: {
        userErrors: [
          { code: 'COMPARE_QUANTITY_REQUIRED', field: ['input', 'quantities', '0', 'compareQuantity'] },
        ],
      },
    });
    const ignored = await post('2025-01', query, {
      input: { name: 'available', reason: 'correction', ignoreCompareQuantity: true, quantities: [entry] },
    });
    expect(ignored.body.data).toMatchObject({ inventorySetQuantities: { userErrors: [] } });
    expect(sim.levelOf(item.id, LOCATION)).toBe(2);
  });

  it('resolves nodes(ids:) by type, and signs order webhooks with the app secret', async () => {
    sim = await startShopifySimulator();
    const item = sim.addItem({ sku: 'N', levels: { [LOCATION]: 6 } });
    const { body } = await post(
      '2026-04',
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on InventoryItem { sku } } }`,
      {
        ids: [item.id, LOCATION, 'gid://shopify/InventoryItem/1'],
      },
    );
    expect(body.data).toEqual({
      nodes: [
        { __typename: 'InventoryItem', id: item.id, sku: 'N' },
        { __typename: 'Location', id: LOCATION },
        null,
      ],
    });
    const delivery = sim.signedOrderWebhook({ id: '1', lines: [{ sku: 'N', quantity: 1 }] });
    expect(delivery.headers.get('x-shopify-topic')).toBe('orders/create');
    expect(delivery.headers.get('x-shopify-shop-domain')).toBe(sim.shopDomain);
  });
});
