import type { Db } from '@ballast/core';

/**
 * Makes a channel's waiting pushes due now, with a fresh retry budget. For when the reason they were failing
 * went away (new credentials, a new endpoint): without this they would sit out their backoff first, or
 * exhaust their attempts against the old problem. Pushes a worker holds right now are left to it.
 */
export async function resetChannelBackoff(db: Db, channelId: number): Promise<void> {
  await db
    .updateTable('syncDirty')
    .set({ notBefore: Date.now(), attempts: 0 })
    .where('channelId', '=', channelId)
    .where('claimedBy', 'is', null)
    .execute();
}
