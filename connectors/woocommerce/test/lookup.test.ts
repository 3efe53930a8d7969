import { describe, expect, it } from 'vitest';
import { wooPaths } from '../src/index.ts';
import { connect, simulator } from './support/harness.ts';

describe('lookup by SKU', () => {
  it('finds simple products and variations (by their parent), with the quantity they show', async () => {
    const sim = await simulator();
    const mug = sim.addProduct({ sku: 'MUG', quantity: 4 });
    const loose = sim.addProduct({ sku: 'LOOSE', manageStock: false });
    const shirt = sim.addVariable('SHIRT', [
      { sku: 'SHIRT-S', quantity: 2 },
      { sku: 'SHIRT-M', manageStock: 'parent' },
    ]);
    const { client } = connect(sim);

    const matches = await client.lookupListings(['MUG', 'SHIRT-S', 'SHIRT-M', 'LOOSE', 'NOPE']);

    expect([...matches].sort((a, b) => a.sku.localeCompare(b.sku))).toEqual([
      { sku: 'LOOSE', listingRef: { productId: loose.id } },
      { sku: 'MUG', listingRef: { productId: mug.id }, quantity: 4 },
      { sku: 'SHIRT-M', listingRef: { productId: shirt.parent.id, variationId: shirt.variations[1]!.id } },
      {
        sku: 'SHIRT-S',
        listingRef: { productId: shirt.parent.id, variationId: shirt.variations[0]!.id },
        quantity: 2,
      },
    ]);
    const [request] = sim.server.requests;
    expect(request?.path).toBe(wooPaths.products);
    expect(new URLSearchParams(request?.query).get('per_page')).toBe('100');
  });

  it('leaves out SKUs on items that cannot hold stock: variable parents, grouped and external products', async () => {
    const sim = await simulator();
    sim.addVariable('PARENT', [{ sku: 'CHILD', quantity: 1 }]);
    sim.addProduct({ sku: 'GROUP', type: 'grouped', manageStock: false });
    sim.addProduct({ sku: 'LINK', type: 'external', manageStock: false });
    sim.addProduct({ sku: 'SUB', type: 'subscription', quantity: 3 });
    const { client } = connect(sim);
    const matches = await client.lookupListings(['PARENT', 'CHILD', 'GROUP', 'LINK', 'SUB']);
    expect(matches.map((m) => m.sku).sort()).toEqual(['CHILD', 'SUB']);
  });

  it('keeps only exact SKUs: no case variants (MySQL compares without case) and no comma-joined strings', async () => {
    const sim = await simulator({ caseInsensitiveSku: true });
    sim.addProduct({ sku: 'abc', quantity: 1 });
    sim.addProduct({ sku: 'A,B', quantity: 1 });
    sim.addProduct({ sku: 'A', quantity: 1 });
    sim.addProduct({ sku: 'B', quantity: 1 });
    const { client } = connect(sim);

    expect((await client.lookupListings(['ABC'])).map((m) => m.sku)).toEqual([]);
    expect((await client.lookupListings(['A', 'B'])).map((m) => m.sku).sort()).toEqual(['A', 'B']);
    // A SKU with a comma goes in a request of its own; WooCommerce finds it as the whole string.
    const withComma = await client.lookupListings(['A,B', 'B']);
    expect(withComma.map((m) => m.sku).sort()).toEqual(['A,B', 'B']);
    const skuParams = sim.server.requests.map((r) => new URLSearchParams(r.query).get('sku'));
    expect(skuParams.slice(-2)).toEqual(['A,B', 'B']);
  });

  it('pages through a SKU held by many items (duplicates appear once per item)', async () => {
    for (const pagingHeaders of [true, false]) {
      const sim = await simulator({ pagingHeaders });
      for (let i = 0; i < 130; i++) sim.addProduct({ sku: 'DUP', quantity: i });
      const { client } = connect(sim);
      const matches = await client.lookupListings(['DUP']);
      expect(matches, `paging headers ${pagingHeaders}`).toHaveLength(130);
      expect(new Set(matches.map((m) => m.listingRef.productId)).size).toBe(130);
      expect(sim.server.requests.map((r) => new URLSearchParams(r.query).get('page'))).toEqual(['1', '2']);
    }
  });

  it('splits many SKUs over several requests, spaced so a throttling host never refuses', async () => {
    const sim = await simulator({ throttle: { requestsPerSecond: 20, burst: 1 } });
    const skus = Array.from({ length: 120 }, (_, i) => `SKU-${i}`);
    sim.seed(skus.map((sku) => ({ sku, quantity: 1 })));
    const { client } = connect(sim, { requestsPerSecond: 20, burst: 1 });
    const matches = await client.lookupListings(skus);
    expect(matches).toHaveLength(120);
    expect(sim.server.requests).toHaveLength(3);
    expect(sim.rateLimiter.rejected).toBe(0);
    for (const request of sim.server.requests) {
      expect(new URLSearchParams(request.query).get('sku')!.split(',').length).toBeLessThanOrEqual(50);
    }
  });

  it('rethrows a failed lookup classified', async () => {
    const sim = await simulator();
    const { client } = connect(sim);
    sim.server.faults.next({ kind: 'status', status: 503 });
    await expect(client.lookupListings(['A'])).rejects.toMatchObject({
      name: 'ChannelError',
      retryable: true,
    });
  });
});
