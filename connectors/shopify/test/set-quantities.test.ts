import { describe, expect, it } from 'vitest';
import { adminSchema2025 } from './admin-schema.ts';
import { LOCATION } from './fixtures.ts';
import { connectToSim, graphqlBodies, simulatorCost, updateOf } from './harness.ts';

const REFERENCE =
  /^gid:\/\/ballast\/SyncBatch\/[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('inventorySetQuantities, 2026-04 (changeFromQuantity, @idempotent)', () => {
  it('sets available at the listing’s location, names the batch, and reports what Shopify shows', async () => {
    const { sim, connection } = await connectToSim();
    const a = sim.addItem({ sku: 'A', levels: { [LOCATION]: 1 } });
    const b = sim.addItem({ sku: 'B', levels: { [LOCATION]: 2 } });
    const result = await connection.client.setQuantities([
      updateOf(a, 7),
      updateOf(b, 2, { expectedCurrent: 2 }),
    ]);
    expect(result.items.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(result.items[0]).toMatchObject({ status: 'ok', quantity: 7 });
    expect(sim.levelOf(a.id, LOCATION)).toBe(7);

    const [body] = graphqlBodies(sim);
    const input = body!.variables.set as Record<string, unknown>;
    expect(input).toMatchObject({ name: 'available', reason: 'correction' });
    expect(String(input.referenceDocumentUri)).toMatch(REFERENCE);
    expect(input.quantities).toEqual([
      { inventoryItemId: a.id, locationId: LOCATION, quantity: 7, changeFromQuantity: null },
      { inventoryItemId: b.id, locationId: LOCATION, quantity: 2, changeFromQuantity: 2 },
    ]);
    expect(body!.query).toContain('@idempotent(key: $idempotencyKey)');
    expect(String(input.referenceDocumentUri)).toContain(String(body!.variables.idempotencyKey));
  });

  it('estimateCost is what the simulator charges, and the reported bucket becomes rate feedback', async () => {
    const { sim, connection } = await connectToSim(
      { bucketSize: 1500, restoreRate: 100 },
      {
        bucketSize: 1500,
        restoreRate: 100,
      },
    );
    const items = Array.from({ length: 12 }, (_, i) =>
      sim.addItem({ sku: `C-${i}`, levels: { [LOCATION]: 0 } }),
    );
    const batch = items.map((item, i) => updateOf(item, i, i % 2 ? { expectedCurrent: 0 } : {}));
    const estimate = connection.client.estimateCost!(batch);
    const result = await connection.client.setQuantities(batch);
    expect(estimate).toBe(10 + 12);
    expect(simulatorCost('2026-04', graphqlBodies(sim)[0]!)).toBe(estimate);
    expect(result.rateFeedback?.costBucket).toEqual({
      available: expect.closeTo(1500 - estimate, -1),
      capacity: 1500,
      restorePerSec: 100,
    });
  });

  it('a stale entry comes back stale with what the shop shows now; the engine’s retry with it applies', async () => {
    const { sim, connection } = await connectToSim({ userErrorMode: 'per-entry' });
    const a = sim.addItem({ sku: 'A', levels: { [LOCATION]: 5 } });
    const b = sim.addItem({ sku: 'B', levels: { [LOCATION]: 1 } });
    const stale = updateOf(a, 9, { expectedCurrent: 3 });
    const result = await connection.client.setQuantities([stale, updateOf(b, 4, { expectedCurrent: 1 })]);
    expect(result.items).toEqual([
      { key: stale.key, status: 'stale', actualQuantity: 5 },
      expect.objectContaining({ status: 'ok', quantity: 4 }),
    ]);
    expect(sim.levelOf(a.id, LOCATION)).toBe(5);

    // Same version and quantity (same item idempotency key), new expectation: a new write, not a replay.
    const retry = await connection.client.setQuantities([{ ...stale, expectedCurrent: 5 }]);
    expect(retry.items[0]?.status).toBe('ok');
    expect(sim.levelOf(a.id, LOCATION)).toBe(9);
  });

  it('a retry of a batch whose answer was lost reuses its key: Shopify replays, nothing is applied twice', async () => {
    const { sim, connection } = await connectToSim({}, {}, 300);
    const a = sim.addItem({ sku: 'A', levels: { [LOCATION]: 1 } });
    const update = updateOf(a, 6);
    sim.server.faults.next({ kind: 'delay', ms: 600 });
    const lost = await connection.client.setQuantities([update]);
    expect(lost.items[0]).toMatchObject({ status: 'transient', code: 'timeout' });
    // Shopify applied it after we gave up.
    await expect.poll(() => sim.levelOf(a.id, LOCATION), { timeout: 5_000 }).toBe(6);

    sim.setQuantity('A', 2); // a merchant edit in between
    const retry = await connection.client.setQuantities([update]);
    expect(retry.items[0]?.status).toBe('ok');
    expect(sim.levelOf(a.id, LOCATION)).toBe(2);
    const [first, second] = graphqlBodies(sim);
    expect(second!.variables.idempotencyKey).toBe(first!.variables.idempotencyKey);
    expect(sim.usedIdempotencyKey(String(first!.variables.idempotencyKey))).toBe(true);
  });

  it('IDEMPOTENCY_CONCURRENT_REQUEST is transient', async () => {
    const { sim, connection } = await connectToSim({ mutationDelayMs: 1_000 });
    const a = sim.addItem({ sku: 'A', levels: { [LOCATION]: 1 } });
    const update = updateOf(a, 3);
    const [one, two] = await Promise.all([
      connection.client.setQuantities([update]),
      new Promise((resolve) => setTimeout(resolve, 100)).then(() =>
        connection.client.setQuantities([update]),
      ),
    ]);
    expect(one.items[0]?.status).toBe('ok');
    expect(two.items[0]).toMatchObject({ status: 'transient', code: 'IDEMPOTENCY_CONCURRENT_REQUEST' });
  });

  it('a key Shopify will not take again is retired: the next attempt goes out under a fresh key', async () => {
    const { sim, connection } = await connectToSim();
    const a = sim.addItem({ sku: 'A', levels: { [LOCATION]: 1 } });
    const update = updateOf(a, 8);
    sim.server.faults.next({ kind: 'status', status: 503 });
    expect((await connection.client.setQuantities([update])).items[0]?.status).toBe('transient');
    const key = String(graphqlBodies(sim)[0]!.variables.idempotencyKey);
    sim.failIdempotencyKey(key);

    const refused = await connection.client.setQuantities([update]);
    expect(refused.items[0]).toMatchObject({
      status: 'transient',
      code: 'IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED',
    });
    const fresh = await connection.client.setQuantities([update]);
    expect(fresh.items[0]?.status).toBe('ok');
    expect(sim.levelOf(a.id, LOCATION)).toBe(8);
    const keys = graphqlBodies(sim).map((b) => b.variables.idempotencyKey);
    expect(keys[1]).toBe(key);
    expect(keys[2]).not.toBe(key);
  });
});

describe('inventorySetQuantities, 2025-01 (compareQuantity), validated against Shopify’s published schema', () => {
  const connect = (userErrorMode: 'atomic' | 'per-entry' = 'atomic') =>
    connectToSim({ introspectionSchema: adminSchema2025(), userErrorMode }, { apiVersion: '2025-01' });

  it('entries with and without an expectation go in two aliased fields, one call', async () => {
    const { sim, connection } = await connect();
    const a = sim.addItem({ sku: 'A', levels: { [LOCATION]: 4 } });
    const b = sim.addItem({ sku: 'B', levels: { [LOCATION]: 0 } });
    const batch = [updateOf(a, 5, { expectedCurrent: 4 }), updateOf(b, 3)];
    const result = await connection.client.setQuantities(batch);
    expect(result.items.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect([sim.levelOf(a.id, LOCATION), sim.levelOf(b.id, LOCATION)]).toEqual([5, 3]);

    const bodies = graphqlBodies(sim);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.variables.compared).toMatchObject({
      ignoreCompareQuantity: false,
      quantities: [{ inventoryItemId: a.id, locationId: LOCATION, quantity: 5, compareQuantity: 4 }],
    });
    expect(bodies[0]!.variables.unchecked).toMatchObject({
      ignoreCompareQuantity: true,
      quantities: [{ inventoryItemId: b.id, locationId: LOCATION, quantity: 3 }],
    });
    expect(bodies[0]!.variables.idempotencyKey).toBeUndefined();
    expect(connection.client.estimateCost!(batch)).toBe(20 + 2);
    expect(simulatorCost('2025-01', bodies[0]!)).toBe(22);
    expect(connection.capabilities.idempotentWrites).toBe(false);
  });

  it('COMPARE_QUANTITY_STALE is stale, with the quantity read back', async () => {
    const { sim, connection } = await connect('per-entry');
    const a = sim.addItem({ sku: 'A', levels: { [LOCATION]: 4 } });
    const update = updateOf(a, 5, { expectedCurrent: 1 });
    const result = await connection.client.setQuantities([update]);
    expect(result.items).toEqual([{ key: update.key, status: 'stale', actualQuantity: 4 }]);
  });

  it('atomic: one bad entry fails the call; the others are transient and nothing is applied', async () => {
    const { sim, connection } = await connect('atomic');
    const good = sim.addItem({ sku: 'G', levels: { [LOCATION]: 1 } });
    const frozen = sim.addItem({ sku: 'F', mutable: false, levels: { [LOCATION]: 1 } });
    const elsewhere = sim.addItem({ sku: 'E', levels: { 'gid://shopify/Location/9': 1 } });
    const batch = [updateOf(good, 2), updateOf(frozen, 2), updateOf(elsewhere, 2)];
    const { items } = await connection.client.setQuantities(batch);
    expect(items).toEqual([
      expect.objectContaining({ status: 'transient', code: 'not_applied' }),
      expect.objectContaining({ status: 'permanent', code: 'NON_MUTABLE_INVENTORY_ITEM' }),
      expect.objectContaining({ status: 'permanent', code: 'ITEM_NOT_STOCKED_AT_LOCATION' }),
    ]);
    expect(sim.levelOf(good.id, LOCATION)).toBe(1);
  });

  it('per entry: the bad entry fails alone and the others are applied', async () => {
    const { sim, connection } = await connect('per-entry');
    const good = sim.addItem({ sku: 'G', levels: { [LOCATION]: 1 } });
    const batch = [updateOf(good, 2), updateOf({ ...good, id: 'gid://shopify/InventoryItem/999999' }, 2)];
    const { items } = await connection.client.setQuantities(batch);
    expect(items).toEqual([
      expect.objectContaining({ status: 'ok', quantity: 2 }),
      expect.objectContaining({ status: 'permanent', code: 'INVALID_INVENTORY_ITEM' }),
    ]);
    expect(sim.levelOf(good.id, LOCATION)).toBe(2);
  });
});

describe('what is refused before sending', () => {
  it('two listings on one item and location, and out-of-bounds quantities, fail alone', async () => {
    const { sim, connection } = await connectToSim();
    const a = sim.addItem({ sku: 'A', levels: { [LOCATION]: 1 } });
    const b = sim.addItem({ sku: 'B', levels: { [LOCATION]: 1 } });
    const first = updateOf(a, 3);
    const twin = updateOf(a, 4);
    const huge = updateOf(b, 2_000_000_000);
    const { items } = await connection.client.setQuantities([first, twin, huge]);
    expect(items).toEqual([
      expect.objectContaining({ key: first.key, status: 'ok' }),
      expect.objectContaining({ key: twin.key, status: 'permanent', code: 'duplicate_listing' }),
      expect.objectContaining({ key: huge.key, status: 'permanent', code: 'invalid_quantity' }),
    ]);
    expect((graphqlBodies(sim)[0]!.variables.set as { quantities: unknown[] }).quantities).toHaveLength(1);

    sim.server.clearLog();
    const onlyBad = await connection.client.setQuantities([updateOf(b, -1)]);
    expect(onlyBad.items[0]?.status).toBe('permanent');
    expect(sim.server.requests).toHaveLength(0);
  });
});
