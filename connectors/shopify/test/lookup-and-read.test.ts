import { describe, expect, it } from 'vitest';
import { escapeSearchValue, skuSearchQuery } from '../src/index.ts';
import { parseSkuSearch } from '../src/simulator/index.ts';
import { LOCATION, OTHER_LOCATION } from './fixtures.ts';
import { connectToSim, graphqlBodies } from './harness.ts';

const TWO_LOCATIONS = { locations: [LOCATION, OTHER_LOCATION] };

describe('SKU search syntax', () => {
  it('quotes every value and escapes quotes and backslashes', () => {
    expect(skuSearchQuery(['A-1', "O'Neil", 'back\\slash'])).toBe(
      "sku:'A-1' OR sku:'O\\'Neil' OR sku:'back\\\\slash'",
    );
    expect(escapeSearchValue("'")).toBe("\\'");
  });

  it('reads back to the same SKUs (the simulator’s parser)', () => {
    const skus = ['plain', "it's", 'a\\b', 'with space', 'sku:fake OR x'];
    expect(parseSkuSearch(skuSearchQuery(skus))).toEqual(skus);
  });
});

describe('lookupListings', () => {
  it('matches SKUs exactly, with quotes in them, and leaves unknown ones out', async () => {
    const { sim, connection } = await connectToSim();
    const quoted = sim.addItem({ sku: "MUG'S", levels: { [LOCATION]: 3 } });
    sim.addItem({ sku: 'MUG', levels: { [LOCATION]: 1 } });
    const matches = await connection.client.lookupListings(["MUG'S", 'NOPE']);
    expect(matches).toEqual([
      { sku: "MUG'S", listingRef: { inventoryItemId: quoted.id, locationId: LOCATION }, quantity: 3 },
    ]);
    expect(graphqlBodies(sim)[0]!.variables.query).toBe("sku:'MUG\\'S' OR sku:'NOPE'");
  });

  it('a SKU on two items appears twice; many matches are followed across pages', async () => {
    const { sim, connection } = await connectToSim();
    for (let i = 0; i < 55; i++) sim.addItem({ sku: 'DUP', levels: { [LOCATION]: i } });
    const single = sim.addItem({ sku: 'ONE', levels: { [LOCATION]: 9 } });
    const matches = await connection.client.lookupListings(['DUP', 'ONE']);
    expect(matches.filter((m) => m.sku === 'DUP')).toHaveLength(55);
    expect(matches.find((m) => m.sku === 'ONE')?.listingRef.inventoryItemId).toBe(single.id);
    expect(graphqlBodies(sim).map((b) => b.variables.first)).toEqual([2, 50, 50]);
  });

  it('manages an item at the first configured location where it is stocked', async () => {
    const { sim, connection } = await connectToSim(TWO_LOCATIONS, {
      locationIds: [LOCATION, OTHER_LOCATION],
    });
    const first = sim.addItem({ sku: 'BOTH', levels: { [LOCATION]: 1, [OTHER_LOCATION]: 2 } });
    const second = sim.addItem({ sku: 'SECOND', levels: { [OTHER_LOCATION]: 5 } });
    const nowhere = sim.addItem({ sku: 'NOWHERE', levels: {} });
    const matches = await connection.client.lookupListings(['BOTH', 'SECOND', 'NOWHERE']);
    expect(matches).toEqual([
      { sku: 'BOTH', listingRef: { inventoryItemId: first.id, locationId: LOCATION }, quantity: 1 },
      { sku: 'SECOND', listingRef: { inventoryItemId: second.id, locationId: OTHER_LOCATION }, quantity: 5 },
      { sku: 'NOWHERE', listingRef: { inventoryItemId: nowhere.id, locationId: LOCATION } },
    ]);
    // Not stocked anywhere Ballast manages: the write says so with Shopify's own code.
    const result = await connection.client.setQuantities([
      { key: 'n', listingRef: matches[2]!.listingRef, sku: 'NOWHERE', quantity: 1, idempotencyKey: 'n1' },
    ]);
    expect(result.items[0]).toMatchObject({ status: 'permanent', code: 'ITEM_NOT_STOCKED_AT_LOCATION' });
  });

  it('a failed lookup throws a classified error', async () => {
    const { sim, connection } = await connectToSim();
    sim.server.faults.next({ kind: 'status', status: 401 });
    await expect(connection.client.lookupListings(['A'])).rejects.toMatchObject({
      retryable: false,
      code: 'unauthorized',
    });
  });
});

describe('readQuantities', () => {
  it('reads each listing at its own location; missing items and unstocked locations are `missing`', async () => {
    const { sim, connection } = await connectToSim(TWO_LOCATIONS, {
      locationIds: [LOCATION, OTHER_LOCATION],
    });
    const a = sim.addItem({ sku: 'A', levels: { [LOCATION]: 4, [OTHER_LOCATION]: 40 } });
    const b = sim.addItem({ sku: 'B', levels: { [OTHER_LOCATION]: 7 } });
    const results = await connection.client.readQuantities!([
      { key: 'a1', sku: 'A', listingRef: { inventoryItemId: a.id, locationId: LOCATION } },
      { key: 'a2', sku: 'A', listingRef: { inventoryItemId: a.id, locationId: OTHER_LOCATION } },
      { key: 'b1', sku: 'B', listingRef: { inventoryItemId: b.id, locationId: LOCATION } },
      {
        key: 'gone',
        sku: 'C',
        listingRef: { inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: LOCATION },
      },
    ]);
    expect(results).toEqual([
      { key: 'a1', status: 'ok', quantity: 4 },
      { key: 'a2', status: 'ok', quantity: 40 },
      { key: 'b1', status: 'missing' },
      { key: 'gone', status: 'missing' },
    ]);
    expect(graphqlBodies(sim)).toHaveLength(1);
  });

  it('reads in chunks that fit the bucket', async () => {
    const { sim, connection } = await connectToSim(
      { restoreRate: 1000, bucketSize: 150 },
      {
        restoreRate: 1000,
        bucketSize: 150,
      },
    );
    const items = Array.from({ length: 120 }, (_, i) =>
      sim.addItem({ sku: `R-${i}`, levels: { [LOCATION]: i } }),
    );
    const results = await connection.client.readQuantities!(
      items.map((item, i) => ({
        key: `r${i}`,
        sku: item.sku!,
        listingRef: { inventoryItemId: item.id, locationId: LOCATION },
      })),
    );
    expect(results.map((r) => (r.status === 'ok' ? r.quantity : -1))).toEqual(items.map((_, i) => i));
    expect(graphqlBodies(sim).length).toBe(3); // 50 per query: 150 points / 3 per item
    expect(sim.rateLimiter.rejected).toBe(0);
  });
});
