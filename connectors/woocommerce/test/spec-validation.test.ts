import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { wooPaths } from '../src/index.ts';
import type { WooSimulator } from '../src/simulator/index.ts';
import { connect, simulator } from './support/harness.ts';
import {
  type CapturedRequest,
  type OpenApiDocument,
  WooRequestValidator,
} from './support/woo-request-validator.ts';

/** The community document (WordPress-generated, includes the batch endpoints), read from ../shared. */
const SPEC = fileURLToPath(
  new URL('../../../../shared/specs/woocommerce/woocommerce-openapi-3.1.0.generated.json', import.meta.url),
);
const doc = JSON.parse(readFileSync(SPEC, 'utf8')) as OpenApiDocument;
const validator = new WooRequestValidator(doc);

/** Everything the connector sends in normal work: lookups, mixed batches, read-back. */
async function workload(sim: WooSimulator, https: boolean): Promise<void> {
  sim.addProduct({ sku: 'MUG', quantity: 1 });
  sim.addProduct({ sku: 'CUP with space', manageStock: false });
  sim.addVariable('SHIRT', [
    { sku: 'SHIRT-S', quantity: 1 },
    { sku: 'SHIRT-M', manageStock: 'parent' },
  ]);
  sim.addVariable('CAP', [{ sku: 'CAP-RED', quantity: 1 }]);
  const { client } = connect(sim, {}, {}, https);
  const matches = await client.lookupListings([
    'MUG',
    'CUP with space',
    'SHIRT-S',
    'SHIRT-M',
    'CAP-RED',
    'NONE',
  ]);
  expect(matches).toHaveLength(5);
  const result = await client.setQuantities(
    matches.map((m, i) => ({
      key: m.sku,
      listingRef: m.listingRef,
      sku: m.sku,
      quantity: i,
      idempotencyKey: m.sku,
    })),
  );
  expect(result.items.map((r) => r.status)).toEqual(matches.map(() => 'ok'));
  await client.readQuantities!(matches.map((m) => ({ key: m.sku, listingRef: m.listingRef, sku: m.sku })));
}

describe('requests against the WooCommerce OpenAPI document', () => {
  it('the document is a valid OpenAPI 3.1 description', async () => {
    const result = await new Validator().validate(SPEC);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('every request the connector sends matches an operation, its parameters and its body', async () => {
    const captured: CapturedRequest[] = [];
    for (const https of [true, false]) {
      const sim = await simulator({ https });
      await workload(sim, https);
      captured.push(...sim.server.requests);
    }
    const operations = new Set(captured.map((r) => validator.operationOf(r)));
    expect([...operations].sort()).toEqual(
      [
        'GET /products',
        'GET /products/{product_id}/variations',
        'POST /products/batch',
        'POST /products/{product_id}/variations/batch',
      ].sort(),
    );
    for (const request of captured) {
      expect(validator.validate(request), `${request.method} ${request.path}${request.query}`).toEqual([]);
    }
  });

  it('is not vacuous: requests that stray from the document are caught', () => {
    const batch = (update: unknown[]): CapturedRequest => ({
      method: 'POST',
      path: wooPaths.productsBatch,
      query: '',
      body: JSON.stringify({ update }),
    });
    const list = (query: string): CapturedRequest => ({
      method: 'GET',
      path: wooPaths.products,
      query,
      body: '',
    });
    const strays: [string, CapturedRequest][] = [
      ['a quantity as a string', batch([{ id: 5, manage_stock: true, stock_quantity: '7' }])],
      ['a field the endpoint does not take', batch([{ id: 5, manage_stock: true, stock: 7 }])],
      ['an update without id', batch([{ manage_stock: true, stock_quantity: 7 }])],
      ['manage_stock as a string', batch([{ id: 5, manage_stock: 'yes', stock_quantity: 7 }])],
      ['an undeclared query parameter', list('?skus=A,B')],
      ['a non-numeric page size', list('?sku=A&per_page=all')],
      ['an id list with a name in it', list('?include=5,six')],
      [
        'a path that does not exist',
        { method: 'POST', path: `${wooPaths.products}/stock`, query: '', body: '' },
      ],
      [
        'a variation batch under a non-numeric parent',
        {
          method: 'POST',
          path: `${wooPaths.products}/abc/variations/batch`,
          query: '',
          body: JSON.stringify({ update: [{ id: 5, manage_stock: true, stock_quantity: 1 }] }),
        },
      ],
    ];
    for (const [what, request] of strays) expect(validator.validate(request), what).not.toEqual([]);
    expect(validator.validate(list('?sku=A,B&per_page=100&page=2&oauth_nonce=x'))).toEqual([]);
    expect(validator.validate(batch([{ id: 5, manage_stock: true, stock_quantity: 7 }]))).toEqual([]);
  });
});
