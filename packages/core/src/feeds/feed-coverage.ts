import type { Db } from '../db/connect.ts';
import { markDirtyCounted } from '../outbox/mark-dirty.ts';
import { chunk } from '../shared/chunk.ts';

export interface CoveredPosition {
  productId: number;
  locationId: number;
}

/**
 * Makes the feed's coverage the positions of the snapshot just applied. A feed covers exactly the (product,
 * location) positions its last successful snapshot listed for products the store has (not kits, not unknown
 * SKUs): a position it stopped listing is no longer its to vouch for. Only the difference is written, so a
 * feed that lists the same positions every pull writes nothing here.
 */
export async function replaceFeedCoverage(
  trx: Db,
  storeId: number,
  feedId: number,
  positions: readonly CoveredPosition[],
): Promise<void> {
  const current = await trx
    .selectFrom('feedCoverage')
    .select(['productId', 'locationId'])
    .where('feedId', '=', feedId)
    .execute();
  const wanted = byLocation(positions);
  const existing = byLocation(current);

  const removed = new Map<number, number[]>();
  for (const [locationId, products] of existing) {
    const keep = wanted.get(locationId);
    const gone = [...products].filter((id) => !keep?.has(id));
    if (gone.length > 0) removed.set(locationId, gone);
  }
  const added: CoveredPosition[] = [];
  for (const [locationId, products] of wanted) {
    const had = existing.get(locationId);
    for (const productId of products) if (!had?.has(productId)) added.push({ productId, locationId });
  }

  // Grouped by location: a tuple IN list is not portable to SQLite.
  for (const [locationId, productIds] of removed) {
    for (const part of chunk(productIds, 1000)) {
      await trx
        .deleteFrom('feedCoverage')
        .where('feedId', '=', feedId)
        .where('locationId', '=', locationId)
        .where('productId', 'in', part)
        .execute();
    }
  }
  for (const part of chunk(added, 1000)) {
    await trx
      .insertInto('feedCoverage')
      .values(part.map((p) => ({ storeId, feedId, productId: p.productId, locationId: p.locationId })))
      // A concurrent snapshot of the same feed may have written the same position first.
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/**
 * Marks the products the feed covers (and the kits containing them) dirty: when the feed turns stale, so
 * the held pushes are recorded in Sync History instead of silently waiting for a change, and when it turns
 * fresh again (or is removed), so they go out. Returns the (product, channel) pairs marked.
 */
export async function markFeedCoverageDirty(
  trx: Db,
  storeId: number,
  feedId: number,
  causeRef: string,
): Promise<number> {
  const rows = await trx
    .selectFrom('feedCoverage')
    .select('productId')
    .distinct()
    .where('feedId', '=', feedId)
    .execute();
  const { marked } = await markDirtyCounted(trx, {
    storeId,
    products: rows.map((r) => r.productId),
    cause: { type: 'feed', ref: causeRef },
  });
  return marked;
}

function byLocation(positions: readonly CoveredPosition[]): Map<number, Set<number>> {
  const result = new Map<number, Set<number>>();
  for (const { productId, locationId } of positions) {
    let products = result.get(locationId);
    if (!products) {
      products = new Set();
      result.set(locationId, products);
    }
    products.add(productId);
  }
  return result;
}
