import { ChannelError, type ListingMatch } from '@ballast/connector-kit';
import { z } from 'zod';
import { initialBucketSize } from '../config.ts';
import { itemWithLevelsCost, MAX_QUERY_COST } from '../cost-model.ts';
import type { ShopifyListingRef } from '../listing-ref.ts';
import type { ShopifySession } from '../session.ts';
import { availableOf, levelSchema } from './available-selection.ts';
import { buildLookupRequest } from './lookup-request.ts';

/** SKUs per search query, and items per page: a page of 50 costs 152 points with one location. */
const SKUS_PER_QUERY = 50;

const pageSchema = z.object({
  inventoryItems: z.object({
    nodes: z.array(z.looseObject({ id: z.string(), sku: z.string().nullable(), tracked: z.boolean() })),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  }),
});

/** Items per page so a page fits the single-query cap and the bucket. */
export function lookupPageSize(session: ShopifySession): number {
  const budget = Math.min(MAX_QUERY_COST, initialBucketSize(session.config)) - 2;
  const perItem = itemWithLevelsCost(session.config.locationIds.length);
  return Math.max(1, Math.min(SKUS_PER_QUERY, Math.floor(budget / perItem)));
}

/**
 * Finds the inventory items with these SKUs (`inventoryItems(query: "sku:'A' OR sku:'B'")`, following
 * pages), keeping exact matches only: Shopify's search may match more loosely than our SKU equality.
 *
 * Each item is managed at the first configured location where it is stocked, with the `available` quantity
 * found there. An item stocked at none of them is still matched, at the first location, so the first push
 * fails with Shopify's own `ITEM_NOT_STOCKED_AT_LOCATION` and the merchant sees why; Ballast does not stock
 * items at locations by itself.
 */
export async function lookupListings(
  session: ShopifySession,
  skus: readonly string[],
): Promise<ListingMatch<ShopifyListingRef>[]> {
  const { locationIds } = session.config;
  const wanted = [...new Set(skus.filter((sku) => sku !== ''))];
  const first = lookupPageSize(session);
  const matches: ListingMatch<ShopifyListingRef>[] = [];
  for (let start = 0; start < wanted.length; start += first) {
    const chunk = wanted.slice(start, start + first);
    const chunkSet = new Set(chunk);
    let after: string | null = null;
    do {
      // One item per SKU is the rule, so the first page asks for as many; SKUs on several items (or looser
      // search matches) are followed with full pages.
      const size = after === null ? chunk.length : first;
      const request = buildLookupRequest(chunk, locationIds, size, after);
      const reply = await session.query(request.document, request.variables, request.cost);
      const page = pageSchema.safeParse(reply.body.data);
      if (!page.success) {
        throw new ChannelError({
          retryable: true,
          code: 'malformed_body',
          message: `Shopify answered an unreadable inventoryItems page: ${page.error.issues[0]?.message ?? ''}`,
        });
      }
      for (const node of page.data.inventoryItems.nodes) {
        if (node.sku === null || !chunkSet.has(node.sku)) continue;
        if (!node.tracked) {
          session.ctx.logger.warn(
            'Shopify item does not track quantity: the storefront ignores what is set',
            {
              sku: node.sku,
              inventoryItemId: node.id,
            },
          );
        }
        const levels = locationIds.map((_, i) => levelSchema.safeParse(node[`level${i}`]).data ?? null);
        const stockedAt = levels.findIndex((level) => level !== null);
        const at = Math.max(stockedAt, 0);
        const quantity = availableOf(levels[at]);
        matches.push({
          sku: node.sku,
          listingRef: { inventoryItemId: node.id, locationId: locationIds[at]! },
          ...(quantity === undefined ? {} : { quantity }),
        });
      }
      const { hasNextPage, endCursor } = page.data.inventoryItems.pageInfo;
      after = hasNextPage ? endCursor : null;
    } while (after !== null);
  }
  return matches;
}
