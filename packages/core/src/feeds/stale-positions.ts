import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { preparedQuery, slotList } from '../db/statement-cache.ts';
import { chunk } from '../shared/chunk.ts';
import { staleFeedReason } from './feed-staleness.ts';

/** A (product, location) whose stock is unknown: a feed that covers it is stale. */
export interface StalePosition {
  productId: number;
  locationId: number;
  /** Why, e.g. `feed "Warehouse CSV" is stale (last snapshot 5 h ago)`. */
  reason: string;
}

/**
 * Params: store, at, channel, then the products. Shape: whether only the channel's locations count, and the
 * number of products. Prepared: the sync loop asks for its batch every round.
 */
const staleCoverage = preparedQuery<
  { productId: number; locationId: number; name: string; lastAppliedAt: number | null },
  string
>((slot, shape) => {
  const [counted, count] = shape.split(':');
  return sql`select fc.product_id, fc.location_id, f.name, f.last_applied_at
    from feed_coverage fc inner join feeds f on f.id = fc.feed_id
    where fc.store_id = ${slot(0)} and fc.product_id in (${slotList(slot, 3, Number(count))})
      and f.stale_at <= ${slot(1)}
      ${counted === 'some' ? sql`and fc.location_id in (select location_id from channel_locations where channel_id = ${slot(2)})` : sql``}
    order by f.id`;
}, 256);

/**
 * The positions of these products that a stale feed covers, at `at`: one query per 1,000 products whatever
 * the number of feeds. With `channel`, only the locations that channel counts. When several stale feeds cover
 * one position, the oldest feed gives the reason.
 */
export async function stalePositions(
  db: Db,
  storeId: number,
  productIds: readonly number[],
  options: { at: number; channel?: { id: number; allLocations: number } },
): Promise<StalePosition[]> {
  const { at, channel } = options;
  const positions: StalePosition[] = [];
  for (const part of chunk([...new Set(productIds)], 1000)) {
    const counted = channel !== undefined && channel.allLocations !== 1 ? 'some' : 'all';
    const { rows } = await staleCoverage(db, `${counted}:${part.length}`, [
      storeId,
      at,
      channel?.id,
      ...part,
    ]);
    for (const row of rows) {
      positions.push({
        productId: row.productId,
        locationId: row.locationId,
        reason: staleFeedReason(row.name, row.lastAppliedAt, at),
      });
    }
  }
  return positions;
}

/** The first reason per product among the positions at `locationIds` (all of them when omitted). */
export function staleReasonsByProduct(
  positions: readonly StalePosition[],
  locationIds?: ReadonlySet<number>,
): Map<number, string> {
  const reasons = new Map<number, string>();
  for (const p of positions) {
    if (locationIds && !locationIds.has(p.locationId)) continue;
    if (!reasons.has(p.productId)) reasons.set(p.productId, p.reason);
  }
  return reasons;
}
