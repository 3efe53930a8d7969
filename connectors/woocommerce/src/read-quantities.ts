import { classifyError, type ReadRequest, type ReadResult } from '@ballast/connector-kit';
import { wooPaths } from './api/paths.ts';
import { MAX_PER_PAGE, type Product, productListSchema } from './api/protocol.ts';
import type { CallSpacer } from './http/call-spacer.ts';
import type { WooApi } from './http/woo-api.ts';
import { groupByEndpoint } from './item-groups.ts';
import { itemIdOf, type WooListingRef } from './listing-ref.ts';
import { readPages } from './read-pages.ts';

type Request = ReadRequest<WooListingRef>;

/**
 * Reads what WooCommerce shows: `GET /products?include=...` for simple products and
 * `GET /products/{parent}/variations?include=...` per variable parent, `stock_quantity` of each. An id
 * the answer leaves out is `missing` (deleted or trashed); an item whose stock is not managed has no
 * quantity to compare and comes back `permanent` (`stock_not_managed`) until the next push turns
 * management back on. A failed call fails only its own group; once one is told to wait (429 /
 * `Retry-After`) the rest are not sent and come back transient with the same wait.
 */
export async function readQuantities(api: WooApi, requests: readonly Request[]): Promise<ReadResult[]> {
  const spacer = api.spacer(1);
  const results: ReadResult[] = [];
  let retryAfterMs: number | undefined;
  for (const group of groupByEndpoint(requests)) {
    for (let start = 0; start < group.items.length; start += MAX_PER_PAGE) {
      const chunk = group.items.slice(start, start + MAX_PER_PAGE);
      if (retryAfterMs !== undefined) {
        results.push(...notRead(chunk, retryAfterMs));
        continue;
      }
      const read = await readChunk(api, spacer, group.parentId, chunk);
      results.push(...read.results);
      retryAfterMs = read.retryAfterMs;
    }
  }
  return results;
}

function notRead(chunk: readonly Request[], retryAfterMs: number): ReadResult[] {
  return chunk.map(({ key }) => ({
    key,
    status: 'transient',
    code: 'throttled',
    message: 'not read: an earlier call of this read was told to wait (Retry-After)',
    retryAfterMs,
  }));
}

async function readChunk(
  api: WooApi,
  spacer: CallSpacer,
  parentId: number | undefined,
  chunk: readonly Request[],
): Promise<{ results: ReadResult[]; retryAfterMs?: number }> {
  const ids = chunk.map((request) => itemIdOf(request.listingRef));
  let found: Product[];
  try {
    found = await readPages(spacer, (page) =>
      api.get(
        parentId === undefined ? wooPaths.products : wooPaths.variations(parentId),
        [
          ['include', [...new Set(ids)].join(',')],
          ['per_page', String(MAX_PER_PAGE)],
          ['page', String(page)],
        ],
        productListSchema,
      ),
    );
  } catch (error) {
    const { retryable, code, message, retryAfterMs } = classifyError(error);
    const status = retryable ? 'transient' : 'permanent';
    // A 429's Retry-After travels with the results: the host holds every call to the site back by it.
    const holdBack = retryAfterMs === undefined ? {} : { retryAfterMs };
    return { results: chunk.map(({ key }) => ({ key, status, code, message, ...holdBack })), ...holdBack };
  }
  const byId = new Map(found.map((product) => [product.id, product]));
  const results = chunk.map(({ key }, i): ReadResult => {
    const product = byId.get(ids[i]!);
    if (!product) return { key, status: 'missing' };
    if (product.manage_stock !== true || typeof product.stock_quantity !== 'number') {
      return {
        key,
        status: 'permanent',
        code: 'stock_not_managed',
        message: `stock management is off for WooCommerce item ${product.id} (manage_stock: ${String(
          product.manage_stock,
        )}); the next push turns it back on`,
      };
    }
    return { key, status: 'ok', quantity: product.stock_quantity };
  });
  return { results };
}
