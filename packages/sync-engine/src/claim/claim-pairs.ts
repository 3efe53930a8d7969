import { type Db, dialectOf, type SyncDirtyRow } from '@ballast/core';
import { sql } from 'kysely';

export interface ClaimOptions {
  workerId: string;
  channelId: number;
  limit: number;
  leaseMs: number;
  now: number;
}

/**
 * Active channels with at least one pair due now and not leased by a live worker. The loop asks this many times
 * a second, so it probes each channel's outbox through `(channel_id, not_before)` for one due row instead of
 * counting a backlog that can hold every product of the store.
 */
export async function channelsWithDuePairs(db: Db, now: number): Promise<{ channelId: number }[]> {
  return db
    .selectFrom('channels as c')
    .select('c.id as channelId')
    .where('c.status', '=', 'active')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('syncDirty as d')
          .select('d.productId')
          .whereRef('d.channelId', '=', 'c.id')
          .where('d.notBefore', '<=', now)
          .where((eb) => eb.or([eb('d.leaseUntil', 'is', null), eb('d.leaseUntil', '<', now)])),
      ),
    )
    .orderBy('c.id')
    .execute();
}

/**
 * Leases up to `limit` due pairs of one channel to this worker. On PostgreSQL several workers claim at once:
 * `FOR UPDATE SKIP LOCKED` hands each row to exactly one of them, and the lease lets another worker take the
 * row over when this one dies. Oldest marks go first, read in that order from `(channel_id, first_marked_at,
 * product_id)`: the unary plus keeps the planner off the `not_before` index, which would sort the whole backlog.
 */
export async function claimPairs(db: Db, options: ClaimOptions): Promise<SyncDirtyRow[]> {
  const { workerId, channelId, limit, leaseMs, now } = options;
  const lock = dialectOf(db) === 'postgres' ? sql`for update skip locked` : sql``;
  const { rows } = await sql<SyncDirtyRow>`
    update sync_dirty set claimed_by = ${workerId}, lease_until = ${now + leaseMs}
    where (channel_id, product_id) in (
      select channel_id, product_id from sync_dirty
      where channel_id = ${channelId} and +not_before <= ${now}
        and (lease_until is null or lease_until < ${now})
      order by first_marked_at, product_id
      limit ${limit}
      ${lock}
    )
    returning *`.execute(db);
  return rows;
}
