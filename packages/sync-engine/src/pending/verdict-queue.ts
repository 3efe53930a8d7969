import { type CauseType, type ChannelRow, type Db, dialectOf } from '@ballast/core';
import { sql } from 'kysely';
import { activeChannels } from '../clients/active-channels.ts';
import { chunk } from '../shared/chunk.ts';

/** A pending attempt this worker leased to poll, with what its verdict needs from the attempt's history row. */
export interface AwaitedVerdict {
  historyId: number;
  storeId: number;
  channelId: number;
  productId: number;
  listingId: number | null;
  /** null when the attempt is no longer pending (closed meanwhile): it only has to leave the queue. */
  handle: string | null;
  quantity: number;
  seq: number;
  attempt: number;
  cause: { type: CauseType; ref: string };
  firstMarkedAt: number;
  acceptedAt: number;
  pollFailures: number;
}

/** Queues attempts just recorded as pending with a handle; runs in the transaction that recorded them. */
export async function queueVerdicts(
  trx: Db,
  historyIds: readonly number[],
  acceptedAt: number,
  nextPollAt: number,
): Promise<void> {
  for (const part of chunk(historyIds, 500)) {
    await trx
      .insertInto('syncPending')
      .columns(['historyId', 'storeId', 'channelId', 'productId', 'acceptedAt', 'nextPollAt'])
      .expression((eb) =>
        eb
          .selectFrom('syncHistory')
          .select([
            'id',
            'storeId',
            'channelId',
            'productId',
            sql<number>`${acceptedAt}`.as('acceptedAt'),
            sql<number>`${nextPollAt}`.as('nextPollAt'),
          ])
          .where('id', 'in', part)
          .where('status', '=', 'pending')
          .where('pendingHandle', 'is not', null),
      )
      .onConflict((oc) => oc.column('historyId').doNothing())
      .execute();
  }
}

/** Active channels with verdicts due to be polled now and not leased by a live worker. */
export async function channelsWithDueVerdicts(db: Db, now: number): Promise<ChannelRow[]> {
  const due = await db
    .selectFrom('syncPending')
    .select('channelId')
    .distinct()
    .where('nextPollAt', '<=', now)
    .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]))
    .execute();
  return activeChannels(
    db,
    due.map((d) => d.channelId),
  );
}

/**
 * Leases up to `limit` due verdicts of one channel to this worker, oldest poll time first. Like claiming dirty
 * pairs: `FOR UPDATE SKIP LOCKED` hands each row to one worker on PostgreSQL, and a dead worker's lease runs out.
 */
export async function claimVerdicts(
  db: Db,
  options: { workerId: string; channelId: number; limit: number; leaseMs: number; now: number },
): Promise<AwaitedVerdict[]> {
  const { workerId, channelId, limit, leaseMs, now } = options;
  const lock = dialectOf(db) === 'postgres' ? sql`for update skip locked` : sql``;
  const { rows } = await sql<{ historyId: number }>`
    update sync_pending set claimed_by = ${workerId}, lease_until = ${now + leaseMs}
    where history_id in (
      select history_id from sync_pending
      where channel_id = ${channelId} and next_poll_at <= ${now}
        and (lease_until is null or lease_until < ${now})
      order by next_poll_at, history_id
      limit ${limit}
      ${lock}
    )
    returning history_id`.execute(db);
  if (rows.length === 0) return [];
  const found = await db
    .selectFrom('syncPending as q')
    .innerJoin('syncHistory as h', 'h.id', 'q.historyId')
    .select([
      'q.historyId',
      'q.storeId',
      'q.channelId',
      'q.productId',
      'q.acceptedAt',
      'q.nextPollAt',
      'q.pollFailures',
      'h.status',
      'h.pendingHandle',
      'h.listingId',
      'h.quantity',
      'h.seq',
      'h.attempt',
      'h.causeType',
      'h.causeRef',
      'h.cause',
    ])
    .where(
      'q.historyId',
      'in',
      rows.map((r) => r.historyId),
    )
    .where('q.claimedBy', '=', workerId)
    .orderBy('q.nextPollAt')
    .orderBy('q.historyId')
    .execute();
  return found.map((row) => ({
    historyId: row.historyId,
    storeId: row.storeId,
    channelId: row.channelId,
    productId: row.productId,
    listingId: row.listingId,
    handle: row.status === 'pending' ? row.pendingHandle : null,
    quantity: row.quantity ?? 0,
    seq: row.seq,
    attempt: row.attempt,
    cause: { type: row.causeType, ref: row.causeRef },
    firstMarkedAt: (JSON.parse(row.cause) as { firstMarkedAt: number }).firstMarkedAt,
    acceptedAt: row.acceptedAt,
    pollFailures: row.pollFailures,
  }));
}

/** Keeps the lease through a long wait for the channel's rate limit. */
export async function extendVerdictLeases(
  db: Db,
  workerId: string,
  historyIds: readonly number[],
  leaseUntil: number,
): Promise<void> {
  for (const part of chunk(historyIds, 500)) {
    await db
      .updateTable('syncPending')
      .set({ leaseUntil })
      .where('historyId', 'in', part)
      .where('claimedBy', '=', workerId)
      .execute();
  }
}

/** Not ready yet: poll again at `nextPollAt`. A poll that answered clears the failure count. */
export async function pollAgainLater(
  db: Db,
  workerId: string,
  historyIds: readonly number[],
  nextPollAt: number,
): Promise<void> {
  for (const part of chunk(historyIds, 500)) {
    await db
      .updateTable('syncPending')
      .set({ nextPollAt, pollFailures: 0, lastPollError: null, claimedBy: null, leaseUntil: null })
      .where('historyId', 'in', part)
      .where('claimedBy', '=', workerId)
      .execute();
  }
}

/** The poll itself failed: the handles stay queued, with the failure counted and the next poll backed off. */
export async function pollFailed(
  db: Db,
  workerId: string,
  historyIds: readonly number[],
  nextPollAt: number,
  error: string,
): Promise<void> {
  for (const part of chunk(historyIds, 500)) {
    await db
      .updateTable('syncPending')
      .set((eb) => ({
        nextPollAt,
        pollFailures: eb('pollFailures', '+', 1),
        lastPollError: error.slice(0, 1000),
        claimedBy: null,
        leaseUntil: null,
      }))
      .where('historyId', 'in', part)
      .where('claimedBy', '=', workerId)
      .execute();
  }
}

/** The channel handed out a new handle for a verdict not ready yet: poll that one from now on. */
export async function replaceHandle(db: Db, historyId: number, handle: string): Promise<void> {
  await db
    .updateTable('syncHistory')
    .set({ pendingHandle: handle })
    .where('id', '=', historyId)
    .where('status', '=', 'pending')
    .execute();
}

/** Verdicts applied (or attempts closed meanwhile): they leave the queue. */
export async function dequeueVerdicts(db: Db, historyIds: readonly number[]): Promise<void> {
  for (const part of chunk(historyIds, 500)) {
    await db.deleteFrom('syncPending').where('historyId', 'in', part).execute();
  }
}

/** SQLite runs one worker: leases held by another id belong to a process that died. */
export async function releaseOrphanedVerdictLeases(db: Db, workerId: string): Promise<void> {
  await db
    .updateTable('syncPending')
    .set({ claimedBy: null, leaseUntil: null })
    .where('claimedBy', 'is not', null)
    .where('claimedBy', '<>', workerId)
    .execute();
}
