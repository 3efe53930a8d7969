import type { ChannelRow, Db } from '@ballast/core';

/** The rows of those channels that are active (paused or disconnected ones get no work). */
export async function activeChannels(db: Db, ids: readonly number[]): Promise<ChannelRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('channels')
    .selectAll()
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .execute();
}
