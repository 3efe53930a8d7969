import { assertRowId } from '../channels/row-id.ts';
import type { Db } from '../db/connect.ts';
import type { ChannelStatus, ProductKind } from '../db/schema.ts';
import { NotFoundError } from '../errors.ts';
import { type StalePosition, stalePositions, staleReasonsByProduct } from '../feeds/stale-positions.ts';
import { loadRules, ruleFor } from '../rules/load-rules.ts';
import { chunk } from '../shared/chunk.ts';
import { now } from '../shared/time.ts';
import { explainBalance } from './explain-balance.ts';
import { availabilityOf, NO_STOCK, type StockTotals } from './kit-availability.ts';
import { loadStockGraph, type StockGraph, stockedProductIds } from './stock-graph.ts';
import type { KitComponentInput, SyncableBalance } from './syncable-balance.ts';

/** One location's share. For a kit: how many kits that location's stock alone allows (stock fields null). */
export interface LocationBalance {
  locationId: number;
  name: string;
  onHand: number | null;
  committed: number | null;
  incoming: number | null;
  available: number | null;
  unknownReason?: string;
}

export interface ChannelBalance {
  channelId: number;
  name: string;
  status: ChannelStatus;
  /** The listing linking the product to this channel, if any. */
  listingId: number | null;
  /** The listing's own Auto Sync: null = follows the product (always null without a listing). */
  autoSyncOverride: boolean | null;
  /** Whether the product's changes are pushed to this channel: the override, else the product's flag. */
  autoSync: boolean;
  syncable: SyncableBalance;
}

/** A product's stock over every location, per location, and what each channel would be sent. */
export interface ProductBalance {
  productId: number;
  sku: string;
  kind: ProductKind;
  /** Over all locations; null for a kit (no stock of its own). */
  onHand: number | null;
  committed: number | null;
  incoming: number | null;
  /** null = unknown, with `unknownReason`. */
  available: number | null;
  unknownReason?: string;
  /** Kits only: each direct component over all locations. */
  components?: KitComponentInput[];
  perLocation: LocationBalance[];
  /** Every channel that is not disconnected, oldest first. */
  channels: ChannelBalance[];
}

/**
 * Everything the admin shows about one product's quantity: totals, per location, and the syncable balance
 * with its explanation on each channel. Uses the same math as `computeSyncableBalances`, so both agree: a
 * location a stale feed covers is unknown, and so is every total or channel that counts it.
 */
export async function getProductBalance(db: Db, storeId: number, productId: number): Promise<ProductBalance> {
  assertRowId(productId, 'productId');
  const graph = await loadStockGraph(db, storeId, [productId]);
  const product = graph.products.get(productId);
  if (!product) throw new NotFoundError('product');

  const locations = await db
    .selectFrom('locations')
    .select(['id', 'name'])
    .where('storeId', '=', storeId)
    .orderBy('id')
    .execute();
  const stock = await loadStockRows(db, storeId, graph);
  const stale = await stalePositions(db, storeId, stockedProductIds(graph), { at: now() });
  const channels = await loadChannelsWithLocations(db, storeId);
  const listings = await db
    .selectFrom('listings')
    .select(['id', 'channelId', 'autoSyncOverride'])
    .where('storeId', '=', storeId)
    .where('productId', '=', productId)
    .execute();
  const listingOf = new Map(listings.map((l) => [l.channelId, l]));
  const { autoSync } = await db
    .selectFrom('products')
    .select('autoSync')
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
  const rules = await loadRules(db, storeId, { productIds: [productId] });

  const allIds = locations.map((l) => l.id);
  const over = (locationIds: readonly number[]) =>
    availabilityOf(graph, productId, stockOver(stock, stale, new Set(locationIds)));
  const total = over(allIds);

  return {
    productId,
    sku: product.sku,
    kind: product.kind,
    onHand: total.onHand,
    committed: total.committed,
    incoming: total.incoming,
    available: total.available,
    ...(total.unknownReason !== undefined && { unknownReason: total.unknownReason }),
    ...(total.components && { components: total.components }),
    perLocation: locations.map((location) => {
      const { components: _, ...share } = over([location.id]);
      return { locationId: location.id, name: location.name, ...share };
    }),
    channels: channels.map((channel) => {
      const ids = channel.locationIds ?? allIds;
      const listing = listingOf.get(channel.id);
      const override = listing?.autoSyncOverride ?? null;
      return {
        channelId: channel.id,
        name: channel.name,
        status: channel.status,
        listingId: listing?.id ?? null,
        autoSyncOverride: override === null ? null : override === 1,
        autoSync: (override ?? autoSync) === 1,
        syncable: explainBalance(over(ids), ids, ruleFor(rules, channel.id, productId)),
      };
    }),
  };
}

interface StockRow extends StockTotals {
  productId: number;
  locationId: number;
}

async function loadStockRows(db: Db, storeId: number, graph: StockGraph): Promise<StockRow[]> {
  const ids = stockedProductIds(graph);
  const rows: StockRow[] = [];
  for (const part of chunk(ids, 1000)) {
    rows.push(
      ...(await db
        .selectFrom('quantities')
        .select(['productId', 'locationId', 'onHand', 'committed', 'incoming'])
        .where('storeId', '=', storeId)
        .where('productId', 'in', part)
        .execute()),
    );
  }
  return rows;
}

/** Stock over some locations; unknown for a product a stale feed covers at one of them. */
function stockOver(
  rows: readonly StockRow[],
  stale: readonly StalePosition[],
  locationIds: ReadonlySet<number>,
) {
  const reasons = staleReasonsByProduct(stale, locationIds);
  const totals = new Map<number, StockTotals>();
  for (const row of rows) {
    if (!locationIds.has(row.locationId)) continue;
    const t = totals.get(row.productId) ?? { onHand: 0, committed: 0, incoming: 0 };
    totals.set(row.productId, {
      onHand: t.onHand + row.onHand,
      committed: t.committed + row.committed,
      incoming: t.incoming + row.incoming,
    });
  }
  return (productId: number): StockTotals => {
    const found = totals.get(productId) ?? NO_STOCK;
    const unknownReason = reasons.get(productId);
    return unknownReason === undefined ? found : { ...found, unknownReason };
  };
}

async function loadChannelsWithLocations(db: Db, storeId: number) {
  const rows = await db
    .selectFrom('channels')
    .select(['id', 'name', 'status', 'allLocations'])
    .where('storeId', '=', storeId)
    .where('status', '<>', 'disconnected')
    .orderBy('id')
    .execute();
  const subset = rows.filter((r) => r.allLocations !== 1).map((r) => r.id);
  const links =
    subset.length === 0
      ? []
      : await db
          .selectFrom('channelLocations')
          .select(['channelId', 'locationId'])
          .where('channelId', 'in', subset)
          .orderBy('locationId')
          .execute();
  return rows.map((r) => ({
    ...r,
    locationIds:
      r.allLocations === 1 ? null : links.filter((l) => l.channelId === r.id).map((l) => l.locationId),
  }));
}
