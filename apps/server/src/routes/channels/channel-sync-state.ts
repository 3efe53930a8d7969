import type { Db } from '@ballast/core';
import type { ChannelView } from './channel-schema.ts';

export type ChannelSyncState = ChannelView['sync'];

/**
 * Pending pushes, last successful push and last error per channel, from the outbox and Sync History. Each
 * "latest" lookup walks an index newest-first and stops at the first row, however long the history.
 */
export async function channelSyncStates(
  db: Db,
  storeId: number,
  channelIds: readonly number[],
): Promise<Map<number, ChannelSyncState>> {
  const states = new Map<number, ChannelSyncState>();
  if (channelIds.length === 0) return states;
  const pending = await db
    .selectFrom('syncDirty')
    .select((eb) => ['channelId', eb.fn.countAll<number>().as('n')])
    .where('storeId', '=', storeId)
    .where('channelId', 'in', channelIds)
    .groupBy('channelId')
    .execute();
  const pendingBy = new Map(pending.map((r) => [r.channelId, Number(r.n)]));
  for (const channelId of channelIds) {
    const latest = (status: 'succeeded' | 'failed' | 'retrying') =>
      db
        .selectFrom('syncHistory')
        .select(['status', 'errorCode', 'errorMessage', 'productId', 'createdAt', 'finishedAt'])
        .where('storeId', '=', storeId)
        .where('channelId', '=', channelId)
        .where('status', '=', status)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
    const [pushed, failed, retrying] = await Promise.all([
      latest('succeeded'),
      latest('failed'),
      latest('retrying'),
    ]);
    const errors = [failed, retrying].filter((row) => row !== undefined);
    const lastError = errors.sort((a, b) => atOf(b) - atOf(a))[0];
    states.set(channelId, {
      pendingPushes: pendingBy.get(channelId) ?? 0,
      lastPushAt: pushed ? atOf(pushed) : null,
      lastError: lastError
        ? {
            code: lastError.errorCode,
            message: lastError.errorMessage,
            status: lastError.status as 'failed' | 'retrying',
            productId: lastError.productId,
            at: atOf(lastError),
          }
        : null,
    });
  }
  return states;
}

const atOf = (row: { finishedAt: number | null; createdAt: number }) => row.finishedAt ?? row.createdAt;
