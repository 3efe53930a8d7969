import type { Db } from '../db/connect.ts';
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
    const rows = await db
      .selectFrom('feedCoverage as fc')
      .innerJoin('feeds as f', 'f.id', 'fc.feedId')
      .select(['fc.productId', 'fc.locationId', 'f.name', 'f.lastAppliedAt'])
      .where('fc.storeId', '=', storeId)
      .where('fc.productId', 'in', part)
      .where('f.staleAt', '<=', at)
      .$if(channel !== undefined && channel.allLocations !== 1, (qb) =>
        qb.where('fc.locationId', 'in', (eb) =>
          eb.selectFrom('channelLocations').select('locationId').where('channelId', '=', channel!.id),
        ),
      )
      .orderBy('f.id')
      .execute();
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
