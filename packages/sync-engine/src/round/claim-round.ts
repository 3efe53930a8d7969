import { type ChannelRow, type SyncDirtyRow, transact } from '@ballast/core';
import { claimPairs } from '../claim/claim-pairs.ts';
import { closeInterruptedAttempts } from '../recovery/close-interrupted-attempts.ts';
import type { EngineContext } from './engine-context.ts';

/**
 * Leases up to `limit` due pairs of the channel and closes the attempts a dead worker left pending for them,
 * in one transaction: one turn at SQLite's write lock instead of two autocommit statements, each of which
 * waited in SQLite's sleeping busy handler. Both writes are safe to run again (transact may on SQLite).
 */
export async function claimRound(
  ctx: EngineContext,
  channel: ChannelRow,
  limit: number,
): Promise<SyncDirtyRow[]> {
  return transact(ctx.db, async (trx) => {
    const now = ctx.now();
    const claimed = await claimPairs(trx, {
      workerId: ctx.workerId,
      channelId: channel.id,
      limit,
      leaseMs: ctx.leaseMs,
      now,
    });
    await closeInterruptedAttempts(
      trx,
      channel.storeId,
      channel.id,
      claimed.map((c) => c.productId),
      now,
    );
    return claimed;
  });
}
