import { sql } from 'kysely';
import { effectiveChannelLocationIds } from '../channels/channel-locations.ts';
import { assertRowId, assertRowIds } from '../channels/row-id.ts';
import type { Db } from '../db/connect.ts';
import { preparedQuery, slotList } from '../db/statement-cache.ts';
import { NotFoundError } from '../errors.ts';
import { stalePositions, staleReasonsByProduct } from '../feeds/stale-positions.ts';
import { loadRules, ruleFor } from '../rules/load-rules.ts';
import { chunk } from '../shared/chunk.ts';
import { now } from '../shared/time.ts';
import { explainBalance } from './explain-balance.ts';
import { type Availability, availabilityOf, NO_STOCK, type StockTotals } from './kit-availability.ts';
import { loadStockGraph, stockedProductIds } from './stock-graph.ts';
import type { SyncableBalance } from './syncable-balance.ts';

// The sync loop computes its batch's balances every round: these statements are prepared templates, not
// rebuilt by the query builder with the batch's ids each time.

/** Params: store, channel. */
const channelOf = preparedQuery<{ id: number; allLocations: number }>(
  (slot) => sql`select id, all_locations from channels where store_id = ${slot(0)} and id = ${slot(1)}`,
);

/**
 * Params: store, channel, then the products. Shape: whether the channel counts all locations or some, and the
 * number of products. PostgreSQL returns sum(integer) as bigint, which the driver may hand over as text.
 */
const stockSums = preparedQuery<
  { productId: number; onHand: number | string; committed: number | string; incoming: number | string },
  string
>((slot, shape) => {
  const [counted, count] = shape.split(':');
  return sql`select q.product_id, sum(q.on_hand) as on_hand, sum(q.committed) as committed,
        sum(q.incoming) as incoming
      from quantities q
      where q.store_id = ${slot(0)} and q.product_id in (${slotList(slot, 2, Number(count))})
        ${counted === 'some' ? sql`and q.location_id in (select location_id from channel_locations where channel_id = ${slot(1)})` : sql``}
      group by q.product_id`;
}, 256);

/**
 * The syncable balance of many products on one channel, in a handful of set-based queries whatever the
 * batch size (the channel, its locations, the products and each kit level, stock sums, stale feed positions,
 * rules). The sync engine calls it at push time. Ids that are not the store's products are absent from the
 * result. A product is unknown on the channel when a stale feed covers it at one of the channel's locations
 * (and so is every kit it is a component of).
 *
 * @example
 * const balances = await computeSyncableBalances(db, storeId, channelId, dirtyProductIds);
 * balances.get(productId)?.quantity; // null = unknown: hold the push
 */
export async function computeSyncableBalances(
  db: Db,
  storeId: number,
  channelId: number,
  productIds: readonly number[],
): Promise<Map<number, SyncableBalance>> {
  assertRowId(channelId, 'channelId');
  assertRowIds(productIds, 'productIds');
  const [channel] = (await channelOf(db, 0, [storeId, channelId])).rows;
  if (!channel) throw new NotFoundError('channel', ['channelId']);
  const result = new Map<number, SyncableBalance>();
  if (productIds.length === 0) return result;

  const locations = await effectiveChannelLocationIds(db, storeId, channel);
  const graph = await loadStockGraph(db, storeId, productIds);
  const stocked = stockedProductIds(graph);
  const stock = await stockOverChannel(db, storeId, channel, stocked);
  const stale = staleReasonsByProduct(await stalePositions(db, storeId, stocked, { at: now(), channel }));
  const rules = await loadRules(db, storeId, { channelId, productIds });

  const memo = new Map<number, Availability>();
  const stockOf = (id: number): StockTotals => {
    const totals = stock.get(id) ?? NO_STOCK;
    const unknownReason = stale.get(id);
    return unknownReason === undefined ? totals : { ...totals, unknownReason };
  };
  for (const productId of productIds) {
    if (!graph.products.has(productId) || result.has(productId)) continue;
    const availability = availabilityOf(graph, productId, stockOf, memo);
    result.set(productId, explainBalance(availability, locations, ruleFor(rules, channelId, productId)));
  }
  return result;
}

/** Per-product stock summed over the channel's locations, computed by the database. */
async function stockOverChannel(
  db: Db,
  storeId: number,
  channel: { id: number; allLocations: number },
  productIds: readonly number[],
): Promise<Map<number, StockTotals>> {
  const totals = new Map<number, StockTotals>();
  for (const part of chunk(productIds, 1000)) {
    const counted = channel.allLocations === 1 ? 'all' : 'some';
    const { rows } = await stockSums(db, `${counted}:${part.length}`, [storeId, channel.id, ...part]);
    for (const row of rows) {
      totals.set(row.productId, {
        onHand: Number(row.onHand),
        committed: Number(row.committed),
        incoming: Number(row.incoming),
      });
    }
  }
  return totals;
}
