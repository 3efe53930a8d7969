import { z } from 'zod';
import { initialBucketSize } from '../config.ts';
import { itemWithLevelsCost, MAX_QUERY_COST } from '../cost-model.ts';
import { fieldError } from '../graphql/reply-failure.ts';
import type { ShopifyListingRef } from '../listing-ref.ts';
import type { ShopifySession } from '../session.ts';
import { availableOf, levelSchema } from './available-selection.ts';
import { buildReadLevelsRequest } from './read-levels-request.ts';

/** What one (item, location) shows, or why it could not be read. */
export type LevelRead =
  | { readonly status: 'ok'; readonly quantity: number }
  | { readonly status: 'missing' }
  | { readonly status: 'transient' | 'permanent'; readonly code: string; readonly message: string };

/** Pairs per query: fits a single query's cost cap and the bucket, and keeps the document small. */
export function readChunkSize(session: ShopifySession): number {
  const budget = Math.min(MAX_QUERY_COST, initialBucketSize(session.config));
  return Math.max(1, Math.min(100, Math.floor(budget / itemWithLevelsCost(1))));
}

const itemSchema = z.object({ id: z.string(), inventoryLevel: levelSchema }).nullable();

/**
 * Reads the `available` quantity of each pair, in order, in paced chunks. A missing item or an item not
 * stocked at the location is `missing`; an error Shopify scopes to one item is that item's; a failure of the
 * whole call throws (classified).
 */
export async function readLevels(
  session: ShopifySession,
  refs: readonly ShopifyListingRef[],
): Promise<LevelRead[]> {
  const results: LevelRead[] = [];
  const size = readChunkSize(session);
  for (let start = 0; start < refs.length; start += size) {
    const chunk = refs.slice(start, start + size);
    const request = buildReadLevelsRequest(chunk);
    const reply = await session.query(request.document, request.variables, request.cost);
    const errors = reply.body.errors ?? [];
    for (const alias of request.aliases) {
      const scoped = errors.find((e) => e.path?.[0] === alias);
      if (scoped) {
        const failure = fieldError(scoped);
        results.push({
          status: failure.retryable ? 'transient' : 'permanent',
          code: failure.code,
          message: failure.message,
        });
        continue;
      }
      const parsed = itemSchema.safeParse(reply.body.data?.[alias]);
      if (!parsed.success) {
        results.push({
          status: 'transient',
          code: 'malformed_body',
          message: `Shopify answered an unreadable item: ${parsed.error.issues[0]?.message ?? ''}`,
        });
        continue;
      }
      const quantity = availableOf(parsed.data?.inventoryLevel);
      results.push(quantity === undefined ? { status: 'missing' } : { status: 'ok', quantity });
    }
  }
  return results;
}
