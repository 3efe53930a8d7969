import { finishTrustedSyncAttempts, type SyncAttemptOutcome, transact } from '@ballast/core';
import type { EngineContext } from '../round/engine-context.ts';
import { queueVerdicts } from './verdict-queue.ts';

/**
 * Finishes a round's attempts. Those the channel accepted for a later verdict are queued for polling in the
 * same transaction that records their handle, so a crash between the two cannot leave an accepted push that
 * nobody polls. Rounds without pending results take the plain path. The attempts are the round's own
 * (recorded by it, from the store's rows): not checked again.
 */
export async function finishAttempts(ctx: EngineContext, outcomes: SyncAttemptOutcome[]): Promise<void> {
  const awaiting = outcomes.filter((o) => o.status === 'pending' && o.pendingHandle);
  if (awaiting.length === 0) {
    await finishTrustedSyncAttempts(ctx.db, outcomes);
    return;
  }
  const acceptedAt = ctx.now();
  await transact(ctx.db, async (trx) => {
    await finishTrustedSyncAttempts(trx, outcomes);
    await queueVerdicts(
      trx,
      awaiting.map((o) => o.id),
      acceptedAt,
      acceptedAt + ctx.pending.pollIntervalMs,
    );
  });
}
