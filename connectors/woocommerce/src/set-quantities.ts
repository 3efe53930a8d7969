import { type BatchResult, failBatch, type ItemResult, type QuantityUpdate } from '@ballast/connector-kit';
import { wooPaths } from './api/paths.ts';
import { batchResponseSchema, type StockBatch } from './api/protocol.ts';
import type { WooApi } from './http/woo-api.ts';
import { groupByEndpoint, type ItemGroup } from './item-groups.ts';
import { outcomeOf } from './item-outcome.ts';
import { itemIdOf, type WooListingRef } from './listing-ref.ts';

type Update = QuantityUpdate<WooListingRef>;

/** HTTP calls a batch takes: one for the simple products, one per variable parent. */
export function callsFor(batch: readonly Update[]): number {
  return Math.max(1, groupByEndpoint(batch).length);
}

/**
 * Writes absolute quantities: `POST /products/batch` for simple products and
 * `POST /products/{parent}/variations/batch` per variable parent, each `{ update: [{ id, manage_stock: true,
 * stock_quantity }] }`. The calls go one after another (paced past what the engine booked); once one is
 * told to wait (429 / `Retry-After`) the rest are not sent and come back transient with the same wait.
 */
export async function setQuantities(api: WooApi, batch: readonly Update[]): Promise<BatchResult> {
  const { sendable, refused } = screen(batch);
  const groups = groupByEndpoint(sendable);
  const spacer = api.spacer(groups.length);
  const items: ItemResult[] = [...refused];
  let retryAfterMs: number | undefined;
  for (const group of groups) {
    if (retryAfterMs !== undefined) {
      items.push(...notSent(group.items, retryAfterMs));
      continue;
    }
    const result = await spacer.run(() => sendGroup(api, group));
    items.push(...result.items);
    retryAfterMs = result.rateFeedback?.retryAfterMs;
  }
  return retryAfterMs === undefined ? { items } : { items, rateFeedback: { retryAfterMs } };
}

/**
 * Updates WooCommerce cannot take as they are fail here for good: a quantity that is not a whole number
 * >= 0, and a second listing pointing at an item already in the batch (a mapping mistake: WooCommerce
 * would apply both, last one wins).
 */
function screen(batch: readonly Update[]): { sendable: Update[]; refused: ItemResult[] } {
  const seen = new Set<string>();
  const sendable: Update[] = [];
  const refused: ItemResult[] = [];
  for (const update of batch) {
    const itemKey = `${update.listingRef.productId}/${update.listingRef.variationId ?? ''}`;
    if (!Number.isInteger(update.quantity) || update.quantity < 0) {
      refused.push({
        key: update.key,
        status: 'permanent',
        code: 'invalid_quantity',
        message: `WooCommerce stock is a whole number >= 0 (got ${update.quantity})`,
      });
    } else if (seen.has(itemKey)) {
      refused.push({
        key: update.key,
        status: 'permanent',
        code: 'duplicate_listing',
        message: `WooCommerce item ${itemIdOf(update.listingRef)} appears twice in one batch: two listings point at it`,
      });
    } else {
      seen.add(itemKey);
      sendable.push(update);
    }
  }
  return { sendable, refused };
}

async function sendGroup(api: WooApi, group: ItemGroup<Update>): Promise<BatchResult> {
  const ids = group.items.map((update) => itemIdOf(update.listingRef));
  // `stock_quantity` is silently ignored unless `manage_stock` is true: the two always travel together.
  const body: StockBatch = {
    update: group.items.map((update, i) => ({
      id: ids[i]!,
      manage_stock: true,
      stock_quantity: update.quantity,
    })),
  };
  const path =
    group.parentId === undefined ? wooPaths.productsBatch : wooPaths.variationsBatch(group.parentId);
  try {
    const response = await api.post(path, body, batchResponseSchema);
    const entries = response.body.update ?? [];
    // Items come back in request order; match by id, falling back to the position for an entry without one.
    const byId = new Map<number, (typeof entries)[number]>();
    entries.forEach((entry, i) => {
      const id = entry.id ?? ids[i];
      if (id !== undefined && !byId.has(id)) byId.set(id, entry);
    });
    return {
      items: group.items.flatMap((update, i): ItemResult[] => {
        const entry = byId.get(ids[i]!);
        // No entry: the kit's guard reports the item as a missing (transient) result.
        return entry ? [{ key: update.key, ...outcomeOf(entry) }] : [];
      }),
    };
  } catch (error) {
    return failBatch(group.items, error);
  }
}

function notSent(updates: readonly Update[], retryAfterMs: number): ItemResult[] {
  return updates.map((update) => ({
    key: update.key,
    status: 'transient',
    code: 'throttled',
    message: 'not sent: an earlier call of this batch was told to wait (Retry-After)',
    retryAfterMs,
  }));
}
