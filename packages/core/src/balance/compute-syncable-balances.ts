import { effectiveChannelLocationIds } from '../channels/channel-locations.ts';
import { assertRowId, assertRowIds } from '../channels/row-id.ts';
import type { Db } from '../db/connect.ts';
import { NotFoundError } from '../errors.ts';
import { stalePositions, staleReasonsByProduct } from '../feeds/stale-positions.ts';
import { loadRules, ruleFor } from '../rules/load-rules.ts';
import { chunk } from '../shared/chunk.ts';
import { now } from '../shared/time.ts';
import { explainBalance } from './explain-balance.ts';
import { type Availability, availabilityOf, NO_STOCK, type StockTotals } from './kit-availability.ts';
import { loadStockGraph, stockedProductIds } from './stock-graph.ts';
import type { SyncableBalance } from './syncable-balance.ts';

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
  const channel = await db
    .selectFrom('channels')
    .select(['id', 'allLocations'])
    .where('storeId', '=', storeId)
    .where('id', '=', channelId)
    .executeTakeFirst();
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
    const rows = await db
      .selectFrom('quantities as q')
      .select((eb) => [
        'q.productId',
        eb.fn.sum<number>('q.onHand').as('onHand'),
        eb.fn.sum<number>('q.committed').as('committed'),
        eb.fn.sum<number>('q.incoming').as('incoming'),
      ])
      .where('q.storeId', '=', storeId)
      .where('q.productId', 'in', part)
      .$if(channel.allLocations !== 1, (qb) =>
        qb.where('q.locationId', 'in', (eb) =>
          eb.selectFrom('channelLocations').select('locationId').where('channelId', '=', channel.id),
        ),
      )
      .groupBy('q.productId')
      .execute();
    // PostgreSQL returns sum(integer) as bigint, which the driver may hand over as text.
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
