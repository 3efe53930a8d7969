import type { Db } from '../db/connect.ts';
import { type Cause, markDirty } from '../outbox/mark-dirty.ts';

/**
 * Marks every auto-synced product of one channel (or of every active channel, when `channelId` is omitted)
 * dirty in one set-based statement: for changes that move many balances at once, such as a channel's
 * locations or a store-wide rule. Kits need no expansion: the selection already holds every product.
 */
export async function markChannelProductsDirty(
  trx: Db,
  storeId: number,
  channelId: number | undefined,
  cause: Cause,
): Promise<void> {
  // Narrowed to products whose flag or some listing override is on; markDirty applies the exact per-pair test.
  const autoSynced = trx
    .selectFrom('products')
    .select('products.id')
    .where('products.storeId', '=', storeId)
    .where((eb) =>
      eb.or([
        eb('products.autoSync', '=', 1),
        eb(
          'products.id',
          'in',
          eb
            .selectFrom('listings')
            .select('listings.productId')
            .where('listings.storeId', '=', storeId)
            .where('listings.autoSyncOverride', '=', 1)
            .$if(channelId !== undefined, (qb) => qb.where('listings.channelId', '=', channelId!)),
        ),
      ]),
    );
  await markDirty(trx, { storeId, products: autoSynced, cause, includeKits: false, channelId });
}
