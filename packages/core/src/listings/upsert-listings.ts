import { sql } from 'kysely';
import { z } from 'zod';
import { assertRowId } from '../channels/row-id.ts';
import type { Db } from '../db/connect.ts';
import { InvalidStateError, NotFoundError } from '../errors.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { markDirty } from '../outbox/mark-dirty.ts';
import { productIdsBySku } from '../products/products.ts';
import { chunk } from '../shared/chunk.ts';
import { stableJson } from '../shared/stable-json.ts';
import { now } from '../shared/time.ts';
import { parseInput } from '../validation/parse-input.ts';
import { type ListingItem, type listingItemSchema, listingItemsSchema } from './listing-input.ts';

export interface MatchedListing {
  sku: string;
  productId: number;
  listingId: number;
  /** true = the link is new; false = it existed (its reference may have been updated). */
  created: boolean;
}

export interface UpsertListingsResult {
  matched: MatchedListing[];
  /** SKUs the store has no product for; nothing was linked for them. */
  unknownSkus: string[];
  /**
   * SKUs given more than once with different references (the channel lists the SKU twice). One product can
   * have one item per channel, and pushing to only one of them would leave the other overselling, so
   * neither is linked and any existing link is left as it was.
   */
  duplicateSkus: string[];
}

export interface UpsertListingsOptions extends OperationOptions {
  /**
   * Mark newly linked pairs dirty (default true). The sync engine links the items of pairs it has claimed
   * and is pushing in the same round: a mark of its own would only replace the cause of the push that is
   * owed (Auto Sync turned on, a sale) with `resync`.
   */
  markPairs?: boolean;
}

/**
 * Links channel items to products by SKU, creating or updating one listing per (channel, product). Pairs
 * that are newly linked or point at a different item now are marked dirty for the channel (when Auto Sync
 * is on), so the item gets its quantity without waiting for a stock change.
 *
 * @example
 * const { matched, unknownSkus } = await upsertListings(db, storeId, channelId, [
 *   { sku: 'MUG-1', channelRef: { inventoryItemId: '4417' }, quantity: 3 },
 * ]);
 */
export async function upsertListings(
  db: Db,
  storeId: number,
  channelId: number,
  items: readonly ListingItem[],
  options?: UpsertListingsOptions,
): Promise<UpsertListingsResult> {
  assertRowId(channelId, 'channelId');
  const { items: data } = parseInput(z.object({ items: listingItemsSchema }), { items }, 'listings');
  const request = { channelId, items: data };
  const scope = { storeId, key: idempotencyKeyOf(options), operation: 'listings.upsert', request };
  return runIdempotent(db, scope, async (trx) => {
    const channel = await trx
      .selectFrom('channels')
      .select('status')
      .where('storeId', '=', storeId)
      .where('id', '=', channelId)
      .executeTakeFirst();
    if (!channel) throw new NotFoundError('channel', ['channelId']);
    if (channel.status === 'disconnected') {
      throw new InvalidStateError(`channel ${channelId} is disconnected; reconnect it before linking items`);
    }

    const { unique, duplicateSkus } = dedupeBySku(data);
    const products = await productIdsBySku(
      trx,
      storeId,
      unique.map((i) => i.sku),
    );
    const known = unique.filter((i) => products.has(i.sku));
    const unknownSkus = unique.filter((i) => !products.has(i.sku)).map((i) => i.sku);
    const at = now();

    const matched: MatchedListing[] = [];
    const toMark: number[] = [];
    for (const part of chunk(known, 500)) {
      const productIds = part.map((i) => products.get(i.sku)!.id);
      const existing = await trx
        .selectFrom('listings')
        .select(['productId', 'channelRef'])
        .where('channelId', '=', channelId)
        .where('productId', 'in', productIds)
        .execute();
      const refBefore = new Map(existing.map((r) => [r.productId, r.channelRef]));
      const rows = await trx
        .insertInto('listings')
        .values(
          part.map((item) => ({
            storeId,
            channelId,
            productId: products.get(item.sku)!.id,
            channelRef: JSON.stringify(item.channelRef),
            channelQuantity: item.quantity ?? null,
            channelQuantityAt: item.quantity === undefined ? null : at,
            createdAt: at,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['channelId', 'productId']).doUpdateSet((eb) => ({
            channelRef: eb.ref('excluded.channelRef'),
            // Items without a reported quantity keep what the channel said before.
            channelQuantity: sql<
              number | null
            >`coalesce(excluded.channel_quantity, listings.channel_quantity)`,
            channelQuantityAt: sql<
              number | null
            >`coalesce(excluded.channel_quantity_at, listings.channel_quantity_at)`,
          })),
        )
        .returning(['id', 'productId'])
        .execute();
      const listingIdOf = new Map(rows.map((r) => [r.productId, r.id]));
      for (const item of part) {
        const productId = products.get(item.sku)!.id;
        const before = refBefore.get(productId);
        const created = !refBefore.has(productId);
        matched.push({ sku: item.sku, productId, listingId: listingIdOf.get(productId)!, created });
        if (created || !sameRef(before ?? null, item.channelRef)) toMark.push(productId);
      }
    }
    if (options?.markPairs === false) return { matched, unknownSkus, duplicateSkus };
    await markDirty(trx, {
      storeId,
      products: toMark,
      channelId,
      includeKits: false,
      cause: { type: 'resync', ref: `listings:channel:${channelId}` },
    });
    return { matched, unknownSkus, duplicateSkus };
  });
}

type ParsedItem = z.output<typeof listingItemSchema>;

function dedupeBySku(items: readonly ParsedItem[]): { unique: ParsedItem[]; duplicateSkus: string[] } {
  const bySku = new Map<string, ParsedItem>();
  const duplicates = new Set<string>();
  for (const item of items) {
    const seen = bySku.get(item.sku);
    if (!seen) bySku.set(item.sku, item);
    else if (stableJson(seen.channelRef) !== stableJson(item.channelRef)) duplicates.add(item.sku);
  }
  return {
    unique: [...bySku.values()].filter((i) => !duplicates.has(i.sku)),
    duplicateSkus: [...duplicates],
  };
}

function sameRef(stored: string | null, ref: ParsedItem['channelRef']): boolean {
  return stored !== null && stableJson(JSON.parse(stored)) === stableJson(ref);
}
