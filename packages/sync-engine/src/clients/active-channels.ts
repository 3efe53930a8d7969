import { type ChannelRow, type Db, preparedQuery, slotList } from '@ballast/core';
import { sql } from 'kysely';

/** Params: the channels. Prepared: the loop asks on every tick with work. */
const activeIn = preparedQuery<ChannelRow>(
  (slot, count) =>
    sql`select * from channels where id in (${slotList(slot, 0, count)}) and status = 'active'`,
);

/** The rows of those channels that are active (paused or disconnected ones get no work). */
export async function activeChannels(db: Db, ids: readonly number[]): Promise<ChannelRow[]> {
  if (ids.length === 0) return [];
  return (await activeIn(db, ids.length, ids)).rows;
}
