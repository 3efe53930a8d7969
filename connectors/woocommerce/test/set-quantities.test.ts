import { describe, expect, it } from 'vitest';
import { wooPaths } from '../src/index.ts';
import { batchBodies, connect, simulator, update } from './support/harness.ts';

describe('stock batches', () => {
  it('writes simple products and the variations of each parent through their own batch endpoints', async () => {
    const sim = await simulator();
    const simple = sim.addProduct({ sku: 'MUG', quantity: 1 });
    const shirts = sim.addVariable('SHIRT', [
      { sku: 'SHIRT-S', quantity: 1 },
      { sku: 'SHIRT-M', quantity: 1 },
    ]);
    const caps = sim.addVariable('CAP', [{ sku: 'CAP-RED', quantity: 1 }]);
    const { client } = connect(sim);
    const batch = [
      update('SHIRT-S', { productId: shirts.parent.id, variationId: shirts.variations[0]!.id }, 5),
      update('MUG', { productId: simple.id }, 7),
      update('CAP-RED', { productId: caps.parent.id, variationId: caps.variations[0]!.id }, 0),
      update('SHIRT-M', { productId: shirts.parent.id, variationId: shirts.variations[1]!.id }, 3),
    ];
    expect(client.estimateCost?.(batch)).toBe(3);

    const result = await client.setQuantities(batch);

    expect(result.items).toEqual([
      { key: 'k-SHIRT-S', status: 'ok', quantity: 5 },
      { key: 'k-MUG', status: 'ok', quantity: 7 },
      { key: 'k-CAP-RED', status: 'ok', quantity: 0 },
      { key: 'k-SHIRT-M', status: 'ok', quantity: 3 },
    ]);
    expect(batchBodies(sim)).toEqual([
      {
        path: wooPaths.productsBatch,
        body: { update: [{ id: simple.id, manage_stock: true, stock_quantity: 7 }] },
      },
      {
        path: wooPaths.variationsBatch(shirts.parent.id),
        body: {
          update: [
            { id: shirts.variations[0]!.id, manage_stock: true, stock_quantity: 5 },
            { id: shirts.variations[1]!.id, manage_stock: true, stock_quantity: 3 },
          ],
        },
      },
      {
        path: wooPaths.variationsBatch(caps.parent.id),
        body: { update: [{ id: caps.variations[0]!.id, manage_stock: true, stock_quantity: 0 }] },
      },
    ]);
    expect(sim.quantityOf('CAP-RED')).toBe(0);
    expect(sim.productBySku('CAP-RED')?.manageStock).toBe(true);
  });

  it('turns stock management on where it was off, including variations that followed their parent', async () => {
    const sim = await simulator();
    const loose = sim.addProduct({ sku: 'LOOSE', manageStock: false });
    const family = sim.addVariable('FAMILY', [{ sku: 'FAMILY-A', manageStock: 'parent' }]);
    const { client } = connect(sim);
    const result = await client.setQuantities([
      update('LOOSE', { productId: loose.id }, 4),
      update('FAMILY-A', { productId: family.parent.id, variationId: family.variations[0]!.id }, 6),
    ]);
    expect(result.items.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(sim.quantityOf('LOOSE')).toBe(4);
    expect(sim.productBySku('FAMILY-A')).toMatchObject({ manageStock: true, stockQuantity: 6 });
  });

  it('reports per-item errors: unknown ids are permanent, 5xx items transient, the rest applied', async () => {
    const sim = await simulator();
    const kept = sim.addProduct({ sku: 'KEPT', quantity: 1 });
    const gone = sim.addProduct({ sku: 'GONE', quantity: 1 });
    const busy = sim.addProduct({ sku: 'BUSY', quantity: 1 });
    const family = sim.addVariable('FAM', [{ sku: 'FAM-1', quantity: 1 }]);
    const other = sim.addVariable('OTHER', [{ sku: 'OTHER-1', quantity: 1 }]);
    sim.trash(gone.id);
    const { client } = connect(sim);
    sim.server.faults.next(
      { kind: 'partial', failures: [{ sku: 'BUSY', retryable: true, code: 'db_busy', message: 'deadlock' }] },
      { path: wooPaths.productsBatch },
    );

    const result = await client.setQuantities([
      update('KEPT', { productId: kept.id }, 2),
      update('GONE', { productId: gone.id }, 2),
      update('BUSY', { productId: busy.id }, 2),
      // A variation named under the wrong parent.
      update('OTHER-1', { productId: family.parent.id, variationId: other.variations[0]!.id }, 2),
    ]);

    expect(result.items).toEqual([
      { key: 'k-KEPT', status: 'ok', quantity: 2 },
      {
        key: 'k-GONE',
        status: 'permanent',
        code: 'woocommerce_rest_product_invalid_id',
        message: 'Invalid ID.',
      },
      { key: 'k-BUSY', status: 'transient', code: 'db_busy', message: 'deadlock' },
      {
        key: 'k-OTHER-1',
        status: 'permanent',
        code: 'woocommerce_rest_product_variation_invalid_id',
        message: 'Invalid ID.',
      },
    ]);
    expect(sim.quantityOf('KEPT')).toBe(2);
    expect(sim.quantityOf('BUSY')).toBe(1);
    expect(sim.quantityOf('OTHER-1')).toBe(1);
  });

  it('a product type that cannot hold stock fails for good', async () => {
    const sim = await simulator();
    const external = sim.addProduct({ sku: 'EXT', type: 'external', manageStock: false });
    const grouped = sim.addProduct({ sku: 'GRP', type: 'grouped', manageStock: false });
    const { client } = connect(sim);
    const result = await client.setQuantities([
      update('EXT', { productId: external.id }, 3),
      update('GRP', { productId: grouped.id }, 3),
    ]);
    expect(result.items).toMatchObject([
      { status: 'permanent', code: 'product_external_invalid_manage_stock' },
      { status: 'permanent', code: 'stock_not_managed' },
    ]);
  });

  it('a 429 with Retry-After stops the batch: the calls not yet sent wait as long', async () => {
    const sim = await simulator();
    const first = sim.addVariable('P1', [{ sku: 'P1-A', quantity: 1 }]);
    const second = sim.addVariable('P2', [{ sku: 'P2-A', quantity: 1 }]);
    const { client } = connect(sim);
    sim.server.faults.next({ kind: 'status', status: 429, retryAfter: '12' });

    const result = await client.setQuantities([
      update('P1-A', { productId: first.parent.id, variationId: first.variations[0]!.id }, 4),
      update('P2-A', { productId: second.parent.id, variationId: second.variations[0]!.id }, 4),
    ]);

    expect(result.items).toMatchObject([
      { status: 'transient', code: 'throttled', retryAfterMs: 12_000 },
      { status: 'transient', code: 'throttled', retryAfterMs: 12_000 },
    ]);
    expect(result.rateFeedback).toEqual({ retryAfterMs: 12_000 });
    expect(batchBodies(sim)).toHaveLength(1);
    expect(sim.quantityOf('P2-A')).toBe(1);
  });

  it('a failed call fails only its own group', async () => {
    const sim = await simulator();
    const mug = sim.addProduct({ sku: 'MUG', quantity: 1 });
    const family = sim.addVariable('FAM', [{ sku: 'FAM-1', quantity: 1 }]);
    const { client } = connect(sim);
    sim.server.faults.next({ kind: 'status', status: 503 }, { path: wooPaths.productsBatch });
    const result = await client.setQuantities([
      update('MUG', { productId: mug.id }, 2),
      update('FAM-1', { productId: family.parent.id, variationId: family.variations[0]!.id }, 2),
    ]);
    expect(result.items.map((r) => r.status)).toEqual(['transient', 'ok']);
    expect(result.rateFeedback).toBeUndefined();
  });

  it("a site that lowered WooCommerce's batch limit answers 413, which names the setting to change", async () => {
    const sim = await simulator({ batchLimit: 2 });
    const products = ['A', 'B', 'C'].map((sku) => sim.addProduct({ sku, quantity: 1 }));
    const { client } = connect(sim, { batchSize: 3 });
    const result = await client.setQuantities(products.map((p) => update(p.sku, { productId: p.id }, 5)));
    for (const item of result.items) {
      expect(item).toMatchObject({ status: 'permanent', code: 'woocommerce_rest_request_entity_too_large' });
      if (item.status === 'permanent') expect(item.message).toMatch(/batchSize/);
    }
    expect(sim.quantityOf('A')).toBe(1);
  });

  it('refuses a negative or fractional quantity and a second listing on one item without sending them', async () => {
    const sim = await simulator();
    const mug = sim.addProduct({ sku: 'MUG', quantity: 1 });
    const cup = sim.addProduct({ sku: 'CUP', quantity: 1 });
    const { client } = connect(sim);
    const result = await client.setQuantities([
      update('MUG', { productId: mug.id }, 3, 'first'),
      update('MUG', { productId: mug.id }, 4, 'second'),
      update('CUP', { productId: cup.id }, -1),
    ]);
    expect(result.items).toMatchObject([
      { key: 'first', status: 'ok' },
      { key: 'second', status: 'permanent', code: 'duplicate_listing' },
      { key: 'k-CUP', status: 'permanent', code: 'invalid_quantity' },
    ]);
    expect(batchBodies(sim).map((b) => b.body.update.length)).toEqual([1]);
  });

  it('spaces the calls of a batch that spans more parents than the burst, so a throttling host never refuses', async () => {
    const sim = await simulator({ throttle: { requestsPerSecond: 20, burst: 2 } });
    const parents = Array.from({ length: 6 }, (_, i) =>
      sim.addVariable(`P${i}`, [{ sku: `P${i}-A`, quantity: 0 }]),
    );
    const { client, capabilities } = connect(sim, { requestsPerSecond: 20, burst: 2 });
    expect(capabilities.rateModel).toEqual({ kind: 'cost-bucket', capacity: 2, restorePerSec: 20 });
    const started = Date.now();
    const result = await client.setQuantities(
      parents.map(({ parent, variations }) =>
        update(variations[0]!.sku, { productId: parent.id, variationId: variations[0]!.id }, 9),
      ),
    );
    expect(result.items.map((r) => r.status)).toEqual(parents.map(() => 'ok'));
    expect(sim.rateLimiter.rejected).toBe(0);
    // Two calls at once, the other four 50 ms apart.
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('sends manage_stock: true with every stock_quantity, on every request the simulator received', async () => {
    const sim = await simulator();
    const products = Array.from({ length: 30 }, (_, i) => sim.addProduct({ sku: `S${i}`, quantity: i }));
    const families = Array.from({ length: 3 }, (_, f) =>
      sim.addVariable(
        `F${f}`,
        Array.from({ length: 5 }, (_, v) => ({ sku: `F${f}-${v}`, manageStock: false })),
      ),
    );
    const { client } = connect(sim, { batchSize: 20 });
    const matches = await client.lookupListings([
      ...products.map((p) => p.sku),
      ...families.flatMap((f) => f.variations.map((v) => v.sku)),
    ]);
    const updates = matches.map((m, i) => update(m.sku, m.listingRef, i));
    for (let start = 0; start < updates.length; start += 20) {
      await client.setQuantities(updates.slice(start, start + 20));
    }
    await client.readQuantities!(updates.map(({ key, listingRef, sku }) => ({ key, listingRef, sku })));

    const bodies = batchBodies(sim);
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    for (const request of sim.server.requests) {
      if (request.body === '') continue;
      const body = JSON.parse(request.body) as { update: Record<string, unknown>[] };
      for (const item of body.update) {
        expect(Object.keys(item).sort(), request.path).toEqual(['id', 'manage_stock', 'stock_quantity']);
        expect(item.manage_stock).toBe(true);
        expect(Number.isInteger(item.stock_quantity)).toBe(true);
      }
    }
    for (const m of matches)
      expect(sim.quantityOf(m.sku)).toBe(updates.find((u) => u.sku === m.sku)!.quantity);
  });
});
