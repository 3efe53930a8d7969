import { type Db, dialectOf, type SyncDirtyRow } from '@ballast/core';
import { sql } from 'kysely';

export interface ClaimOptions {
  workerId: string;
  channelId: number;
  limit: number;
  leaseMs: number;
  now: number;
}

/** Channels that have pairs due now and not leased by a live worker, busiest first. */
export async function channelsWithDuePairs(
  db: Db,
  now: number,
): Promise<{ channelId: number; due: number }[]> {
  return db
    .selectFrom('syncDirty')
    .select(['channelId', (eb) => eb.fn.countAll<number>().as('due')])
    .where('notBefore', '<=', now)
    .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]))
    .groupBy('channelId')
    .orderBy('due', 'desc')
    .execute();
}

/**
 * Leases up to `limit` due pairs of one channel to this worker. On PostgreSQL several workers claim at once:
 * `FOR UPDATE SKIP LOCKED` hands each row to exactly one of them, and the lease lets another worker take the
 * row over when this one dies. Oldest marks go first.
 */
export async function claimPairs(db: Db, options: ClaimOptions): Promise<SyncDirtyRow[]> {
  const { workerId, channelId, limit, leaseMs, now } = options;
  const lock = dialectOf(db) === 'postgres' ? sql`for update skip locked` : sql``;
  const { rows } = await sql<SyncDirtyRow>`
    update sync_dirty set claimed_by = ${workerId}, lease_until = ${now + leaseMs}
    where (channel_id, product_id) in (
      select channel_id, product_id from sync_dirty
      where channel_id = ${channelId} and not_before <= ${now}
        and (lease_until is null or lease_until < ${now})
      order by first_marked_at, product_id
      limit ${limit}
      ${lock}
    )
    returning *`.execute(db);
  return rows;
}
