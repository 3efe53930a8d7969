import { describe, expect, it } from 'vitest';
import { wooPaths } from '../src/index.ts';
import { connect, simulator } from './support/harness.ts';

describe('read-back', () => {
  it('reads simple products with ?include= and variations per parent, by listing reference', async () => {
    const sim = await simulator();
    const mug = sim.addProduct({ sku: 'MUG', quantity: 4 });
    const gone = sim.addProduct({ sku: 'GONE', quantity: 4 });
    const loose = sim.addProduct({ sku: 'LOOSE', manageStock: false });
    const shirt = sim.addVariable('SHIRT', [
      { sku: 'SHIRT-S', quantity: 2 },
      { sku: 'SHIRT-M', manageStock: 'parent' },
    ]);
    sim.trash(gone.id);
    sim.setQuantity('SHIRT-S', 9);
    const { client } = connect(sim);

    const results = await client.readQuantities!([
      {
        key: 'shirt-s',
        sku: 'SHIRT-S',
        listingRef: { productId: shirt.parent.id, variationId: shirt.variations[0]!.id },
      },
      { key: 'mug', sku: 'MUG', listingRef: { productId: mug.id } },
      { key: 'gone', sku: 'GONE', listingRef: { productId: gone.id } },
      { key: 'loose', sku: 'LOOSE', listingRef: { productId: loose.id } },
      {
        key: 'shirt-m',
        sku: 'SHIRT-M',
        listingRef: { productId: shirt.parent.id, variationId: shirt.variations[1]!.id },
      },
    ]);

    expect(results).toMatchObject([
      { key: 'shirt-s', status: 'ok', quantity: 9 },
      { key: 'mug', status: 'ok', quantity: 4 },
      { key: 'gone', status: 'missing' },
      { key: 'loose', status: 'permanent', code: 'stock_not_managed' },
      { key: 'shirt-m', status: 'permanent', code: 'stock_not_managed' },
    ]);
    expect(sim.server.requests.map((r) => [r.path, new URLSearchParams(r.query).get('include')])).toEqual([
      [wooPaths.products, `${mug.id},${gone.id},${loose.id}`],
      [wooPaths.variations(shirt.parent.id), `${shirt.variations[0]!.id},${shirt.variations[1]!.id}`],
    ]);
  });

  it('a failed call fails only the items it was reading', async () => {
    const sim = await simulator();
    const mug = sim.addProduct({ sku: 'MUG', quantity: 4 });
    const shirt = sim.addVariable('SHIRT', [{ sku: 'SHIRT-S', quantity: 2 }]);
    const { client } = connect(sim);
    sim.server.faults.next({ kind: 'status', status: 500 }, { path: wooPaths.variations(shirt.parent.id) });
    const results = await client.readQuantities!([
      { key: 'mug', sku: 'MUG', listingRef: { productId: mug.id } },
      {
        key: 'shirt',
        sku: 'SHIRT-S',
        listingRef: { productId: shirt.parent.id, variationId: shirt.variations[0]!.id },
      },
    ]);
    expect(results).toMatchObject([
      { key: 'mug', status: 'ok', quantity: 4 },
      { key: 'shirt', status: 'transient', code: 'http_500' },
    ]);
  });

  it("keeps a 429's Retry-After on the items it was reading, for the host to hold the channel back", async () => {
    const sim = await simulator();
    const mug = sim.addProduct({ sku: 'MUG', quantity: 4 });
    const cup = sim.addProduct({ sku: 'CUP', quantity: 2 });
    const { client } = connect(sim);
    sim.server.faults.next({ kind: 'status', status: 429, retryAfter: '7' }, { path: wooPaths.products });
    const results = await client.readQuantities!([
      { key: 'mug', sku: 'MUG', listingRef: { productId: mug.id } },
      { key: 'cup', sku: 'CUP', listingRef: { productId: cup.id } },
    ]);
    expect(results).toMatchObject([
      { key: 'mug', status: 'transient', code: 'throttled', retryAfterMs: 7_000 },
      { key: 'cup', status: 'transient', code: 'throttled', retryAfterMs: 7_000 },
    ]);
  });

  it('after a 429 with Retry-After the rest of the read is not sent and waits as long', async () => {
    const sim = await simulator();
    const mug = sim.addProduct({ sku: 'MUG', quantity: 4 });
    const shirt = sim.addVariable('SHIRT', [{ sku: 'SHIRT-S', quantity: 2 }]);
    const { client } = connect(sim);
    sim.server.faults.next({ kind: 'status', status: 429, retryAfter: '7' }, { path: wooPaths.products });
    const results = await client.readQuantities!([
      { key: 'mug', sku: 'MUG', listingRef: { productId: mug.id } },
      {
        key: 'shirt',
        sku: 'SHIRT-S',
        listingRef: { productId: shirt.parent.id, variationId: shirt.variations[0]!.id },
      },
    ]);
    expect(results).toMatchObject([
      { key: 'mug', status: 'transient', code: 'throttled', retryAfterMs: 7_000 },
      { key: 'shirt', status: 'transient', code: 'throttled', retryAfterMs: 7_000 },
    ]);
    expect(sim.server.requests.map((r) => r.path)).toEqual([wooPaths.products]);
  });

  it('reads more than 100 items of one endpoint in chunks of 100 ids', async () => {
    const sim = await simulator();
    const products = Array.from({ length: 150 }, (_, i) => sim.addProduct({ sku: `S${i}`, quantity: i }));
    const { client } = connect(sim);
    const results = await client.readQuantities!(
      products.map((p) => ({ key: p.sku, sku: p.sku, listingRef: { productId: p.id } })),
    );
    expect(results.map((r) => (r.status === 'ok' ? r.quantity : r.status))).toEqual(
      products.map((_, i) => i),
    );
    expect(
      sim.server.requests.map((r) => new URLSearchParams(r.query).get('include')!.split(',').length),
    ).toEqual([100, 50]);
  });
});
