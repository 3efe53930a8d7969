import { type Db, type DialectName, dialectOf, preparedQuery, type SyncDirtyRow } from '@ballast/core';
import { sql } from 'kysely';

// Both statements run many times a second while the loop is busy: prepared templates (see preparedQuery).

/** Params: now. */
const dueChannels = preparedQuery<{ channelId: number }>(
  (slot) => sql`select c.id as "channelId" from channels c
    where c.status = 'active' and exists (
      select 1 from sync_dirty d
      where d.channel_id = c.id and d.not_before <= ${slot(0)}
        and (d.lease_until is null or d.lease_until < ${slot(0)})
    )
    order by c.id`,
);

/** Params: worker, lease until, channel, now, limit. */
const claimDue = preparedQuery<SyncDirtyRow, DialectName>(
  (slot, dialect) => sql`
    update sync_dirty set claimed_by = ${slot(0)}, lease_until = ${slot(1)}
    where (channel_id, product_id) in (
      select channel_id, product_id from sync_dirty
      where channel_id = ${slot(2)} and +not_before <= ${slot(3)}
        and (lease_until is null or lease_until < ${slot(3)})
      order by first_marked_at, product_id
      limit ${slot(4)}
      ${dialect === 'postgres' ? sql`for update skip locked` : sql``}
    )
    returning *`,
);

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
  return (await dueChannels(db, 0, [now])).rows;
}

/**
 * Leases up to `limit` due pairs of one channel to this worker. On PostgreSQL several workers claim at once:
 * `FOR UPDATE SKIP LOCKED` hands each row to exactly one of them, and the lease lets another worker take the
 * row over when this one dies. Oldest marks go first, read in that order from `(channel_id, first_marked_at,
 * product_id)`: the unary plus keeps the planner off the `not_before` index, which would sort the whole backlog.
 */
export async function claimPairs(db: Db, options: ClaimOptions): Promise<SyncDirtyRow[]> {
  const { workerId, channelId, limit, leaseMs, now } = options;
  const { rows } = await claimDue(db, dialectOf(db), [workerId, now + leaseMs, channelId, now, limit]);
  return rows;
}
