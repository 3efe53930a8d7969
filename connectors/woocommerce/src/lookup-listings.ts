import type { ListingMatch } from '@ballast/connector-kit';
import { wooPaths } from './api/paths.ts';
import { MAX_PER_PAGE, type Product, productListSchema } from './api/protocol.ts';
import type { CallSpacer } from './http/call-spacer.ts';
import type { WooApi } from './http/woo-api.ts';
import type { WooListingRef } from './listing-ref.ts';
import { readPages } from './read-pages.ts';

/** SKUs per request, and the most characters they may take, so the URL stays well under server limits. */
const SKUS_PER_LOOKUP = 50;
const MAX_SKU_CHARS = 1_500;

/**
 * Product types whose own stock is not a sellable quantity: a variable product's stock is its variations'
 * (parent-level stock management is not supported), grouped products hold none, external products
 * cannot manage stock. Their SKUs count as not listed.
 */
const UNSUPPORTED_TYPES = new Set(['variable', 'grouped', 'external']);

/**
 * Finds items by SKU with `GET /products?sku=A,B`: an exact match over products and variations (a
 * variation comes back with `type: "variation"` and its `parent_id`), paged as needed.
 */
export async function lookupListings(
  api: WooApi,
  skus: readonly string[],
): Promise<ListingMatch<WooListingRef>[]> {
  const wanted = new Set(skus.filter((sku) => sku !== ''));
  const spacer = api.spacer(1);
  const matches: ListingMatch<WooListingRef>[] = [];
  const seen = new Set<number>();
  for (const chunk of chunkSkus([...wanted])) {
    for (const product of await fetchBySku(api, spacer, chunk)) {
      // WooCommerce also matches the whole comma-joined string, and MySQL compares case-insensitively:
      // only exact SKUs we asked for count.
      if (!product.sku || !wanted.has(product.sku) || seen.has(product.id)) continue;
      seen.add(product.id);
      const match = matchOf(product);
      if (match) matches.push(match);
      else
        api.ctx.logger.debug('woocommerce: SKU found on an item that cannot hold stock', {
          sku: product.sku,
          type: product.type ?? null,
        });
    }
  }
  return matches;
}

function matchOf(product: Product): ListingMatch<WooListingRef> | undefined {
  const type = product.type ?? 'simple';
  if (UNSUPPORTED_TYPES.has(type) || type.startsWith('variable-')) return undefined;
  // Only the type says "variation": products once inside a grouped product may still carry a parent_id.
  const isVariation = type === 'variation';
  if (isVariation && !product.parent_id) return undefined;
  const listingRef: WooListingRef = isVariation
    ? { productId: product.parent_id!, variationId: product.id }
    : { productId: product.id };
  const quantity =
    product.manage_stock === true && typeof product.stock_quantity === 'number'
      ? product.stock_quantity
      : undefined;
  return { sku: product.sku!, listingRef, ...(quantity === undefined ? {} : { quantity }) };
}

/**
 * SKU groups for one request each. A SKU with a comma goes alone: WooCommerce splits the list on commas
 * (and also tries the whole string, which is what finds it).
 */
function chunkSkus(skus: readonly string[]): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const sku of skus) {
    if (sku.includes(',')) {
      chunks.push([sku]);
      continue;
    }
    if (current.length >= SKUS_PER_LOOKUP || (current.length > 0 && chars + sku.length > MAX_SKU_CHARS)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(sku);
    chars += sku.length + 1;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function fetchBySku(api: WooApi, spacer: CallSpacer, skus: readonly string[]): Promise<Product[]> {
  return readPages(spacer, (page) =>
    api.get(
      wooPaths.products,
      [
        ['sku', skus.join(',')],
        ['per_page', String(MAX_PER_PAGE)],
        ['page', String(page)],
      ],
      productListSchema,
    ),
  );
}
