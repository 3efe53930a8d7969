import type { Db } from '@ballast/core';

/**
 * On SQLite only one worker runs, so any lease held by another id belongs to a process that died: free those
 * pairs at start instead of waiting for the leases to run out.
 */
export async function releaseOrphanedLeases(db: Db, workerId: string): Promise<number> {
  const result = await db
    .updateTable('syncDirty')
    .set({ claimedBy: null, leaseUntil: null })
    .where('claimedBy', 'is not', null)
    .where('claimedBy', '<>', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
