import { assertRowId } from '../channels/row-id.ts';
import type { Db } from '../db/connect.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { markDirty } from '../outbox/mark-dirty.ts';
import { getListing, type Listing } from './listing.ts';

export interface ListingAutoSyncOptions extends OperationOptions {
  /** The channel the listing must be on: a listing of another channel is not found (as one of another store). */
  channelId?: number | undefined;
}

/**
 * Overrides Auto Sync for one listing: true/false, or null to follow the product's flag again. When the
 * effective flag turns on, the pair is marked dirty at once and forced, as turning the product on does (Auto
 * Sync never waits for the next stock change, and overwrites what the channel shows). When it turns off, the
 * pair's pending push is dropped, as turning the product off drops the product's.
 */
export async function setListingAutoSync(
  db: Db,
  storeId: number,
  listingId: number,
  override: boolean | null,
  options?: ListingAutoSyncOptions,
): Promise<Listing> {
  assertRowId(listingId, 'listingId');
  const channelId = options?.channelId;
  if (channelId !== undefined) assertRowId(channelId, 'channelId');
  if (override !== null && typeof override !== 'boolean') {
    throw new ValidationError('invalid auto sync override', [
      { path: ['override'], message: 'expected true, false or null' },
    ]);
  }
  const scope = {
    storeId,
    key: idempotencyKeyOf(options),
    operation: 'listings.autoSync',
    request: { listingId, channelId: channelId ?? null, override },
  };
  return runIdempotent(db, scope, async (trx) => {
    const current = await trx
      .selectFrom('listings as l')
      .innerJoin('products as p', 'p.id', 'l.productId')
      .select(['l.channelId', 'l.productId', 'l.autoSyncOverride', 'p.autoSync'])
      .where('l.storeId', '=', storeId)
      .where('l.id', '=', listingId)
      .$if(channelId !== undefined, (qb) => qb.where('l.channelId', '=', channelId!))
      .executeTakeFirst();
    if (!current) throw new NotFoundError('listing', ['listingId']);
    const value = override === null ? null : override ? 1 : 0;
    const changed = await trx
      .updateTable('listings')
      .set({ autoSyncOverride: value })
      .where('id', '=', listingId)
      .where('autoSyncOverride', 'is distinct from', value)
      .returning('id')
      .executeTakeFirst();
    const wasOn = (current.autoSyncOverride ?? current.autoSync) === 1;
    const isOn = (value ?? current.autoSync) === 1;
    if (changed && isOn && !wasOn) {
      await markDirty(trx, {
        storeId,
        products: [current.productId],
        channelId: current.channelId,
        includeKits: false,
        force: true,
        cause: { type: 'auto_sync', ref: `listing:${listingId}` },
      });
    }
    if (changed && wasOn && !isOn) {
      // Claimed rows too, as turnAutoSyncOff does: a push already under way may land, nothing after it.
      await trx
        .deleteFrom('syncDirty')
        .where('storeId', '=', storeId)
        .where('channelId', '=', current.channelId)
        .where('productId', '=', current.productId)
        .execute();
    }
    return getListing(trx, storeId, listingId);
  });
}
