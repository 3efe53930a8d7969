import type { Db } from '@ballast/core';

/**
 * Frees what a sync loop that died held under its worker id: dirty pairs it had claimed and verdicts it was
 * polling. Only for a loop known to be gone (its thread exited): until their leases ran out (30 s) no worker
 * could push those pairs, and on SQLite the engine frees at start only the claims of other ids.
 */
export async function releaseClaimsOf(db: Db, workerId: string): Promise<void> {
  await db
    .updateTable('syncDirty')
    .set({ claimedBy: null, leaseUntil: null })
    .where('claimedBy', '=', workerId)
    .execute();
  await db
    .updateTable('syncPending')
    .set({ claimedBy: null, leaseUntil: null })
    .where('claimedBy', '=', workerId)
    .execute();
}
