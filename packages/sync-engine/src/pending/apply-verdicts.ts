import type { ItemOutcome, PendingOutcome } from '@ballast/connector-kit';
import {
  type ChannelRow,
  computeSyncableBalances,
  type Db,
  dialectOf,
  finishSyncAttempts,
  type SyncAttemptOutcome,
} from '@ballast/core';
import { retryDelayMs } from '../retry/backoff.ts';
import type { EngineContext } from '../round/engine-context.ts';
import { redirtyPair } from './redirty-pair.ts';
import { type AwaitedVerdict, dequeueVerdicts } from './verdict-queue.ts';

/** What the channel finally said about an accepted push, or that it said nothing in time. */
export type FinalOutcome = Exclude<ItemOutcome, PendingOutcome> | { status: 'timeout' };

export interface Verdict {
  entry: AwaitedVerdict;
  outcome: FinalOutcome;
}

export interface AppliedVerdict {
  entry: AwaitedVerdict;
  status: 'succeeded' | 'failed' | 'retrying';
}

interface Decision {
  status: AppliedVerdict['status'];
  code?: string;
  message?: string;
}

/**
 * Writes a batch of verdicts in one transaction: each attempt's Sync History row, its listing's confirmed
 * value, re-marks for what must be pushed again, and the queue. Attempts closed meanwhile only leave the queue.
 * Oldest first, so that a newer attempt's verdict in the same batch is the one that stands.
 */
export async function applyVerdicts(
  ctx: EngineContext,
  channel: ChannelRow,
  verdicts: readonly Verdict[],
): Promise<AppliedVerdict[]> {
  if (verdicts.length === 0) return [];
  return ctx.db.transaction().execute(async (trx) => {
    const ids = verdicts.map((v) => v.entry.historyId);
    const open = await trx
      .selectFrom('syncHistory')
      .select('id')
      .where('id', 'in', ids)
      .where('status', '=', 'pending')
      .$if(dialectOf(trx) === 'postgres', (qb) => qb.forUpdate())
      .execute();
    const stillOpen = new Set(open.map((row) => row.id));
    const ordered = verdicts
      .filter((v) => stillOpen.has(v.entry.historyId))
      .sort((a, b) => a.entry.seq - b.entry.seq || a.entry.historyId - b.entry.historyId);

    const applied: AppliedVerdict[] = [];
    const outcomes: SyncAttemptOutcome[] = [];
    const confirmed: { entry: AwaitedVerdict; quantity: number }[] = [];
    for (const verdict of ordered) {
      const decision = await decide(ctx, trx, channel, verdict, confirmed);
      applied.push({ entry: verdict.entry, status: decision.status });
      outcomes.push({
        id: verdict.entry.historyId,
        status: decision.status,
        finishedAt: ctx.now(),
        ...(decision.code !== undefined && { errorCode: decision.code }),
        ...(decision.message !== undefined && { errorMessage: decision.message }),
      });
    }
    await finishSyncAttempts(trx, outcomes);
    await remarkWhereMasterMoved(trx, channel, confirmed);
    await dequeueVerdicts(trx, ids);
    return applied;
  });
}

async function decide(
  ctx: EngineContext,
  trx: Db,
  channel: ChannelRow,
  { entry, outcome }: Verdict,
  confirmed: { entry: AwaitedVerdict; quantity: number }[],
): Promise<Decision> {
  const now = ctx.now();
  const pair = { storeId: entry.storeId, channelId: channel.id, productId: entry.productId };
  switch (outcome.status) {
    case 'ok': {
      if (entry.listingId === null) return { status: 'succeeded' };
      const quantity = outcome.quantity ?? entry.quantity;
      // The mark advances only now that the channel confirmed, and never past a newer confirmed value.
      const advanced = await trx
        .updateTable('listings')
        .set({
          lastPushedQuantity: entry.quantity,
          lastPushedSeq: entry.seq,
          lastPushedAt: now,
          channelQuantity: quantity,
          channelQuantityAt: now,
        })
        .where('id', '=', entry.listingId)
        .where((eb) => eb.or([eb('lastPushedSeq', 'is', null), eb('lastPushedSeq', '<=', entry.seq)]))
        .executeTakeFirst();
      if (advanced.numUpdatedRows === 0n) {
        // A newer value was confirmed first; the channel may have applied this older one after it.
        await redirtyPair(trx, {
          ...pair,
          force: true,
          cause: { type: 'resync', ref: `stale-confirmation:${entry.listingId}` },
        });
      } else if (!(await newerAttempt(trx, entry, ['pending']))) {
        confirmed.push({ entry, quantity });
      }
      return { status: 'succeeded' };
    }
    case 'permanent':
      return { status: 'failed', code: outcome.code, message: outcome.message };
    case 'stale': {
      // Compare-and-set lost to a change on the channel: learn what it shows and push again at once.
      if (outcome.actualQuantity !== undefined && entry.listingId !== null) {
        await trx
          .updateTable('listings')
          .set({ channelQuantity: outcome.actualQuantity, channelQuantityAt: now })
          .where('id', '=', entry.listingId)
          .execute();
      }
      const code = 'stale';
      const message = `the channel showed ${outcome.actualQuantity ?? 'another quantity'}, not the expected one; recomputing`;
      if (await newerAttempt(trx, entry, ['pending', 'succeeded'])) return superseded(code, message);
      const again = await redirtyPair(trx, { ...pair, force: false, cause: entry.cause });
      return again ? { status: 'retrying', code, message } : notRetried(code, message);
    }
    case 'transient':
    case 'timeout': {
      const code = outcome.status === 'timeout' ? 'pending_timeout' : outcome.code;
      const message =
        outcome.status === 'timeout'
          ? `the channel gave no verdict within ${duration(ctx.pending.timeoutMs)} of accepting the push`
          : outcome.message;
      const rateLimited = code === 'throttled' || code === 'rate_limited';
      const attempts = entry.attempt - (rateLimited ? 1 : 0);
      if (!rateLimited && attempts >= ctx.maxAttempts) {
        return { status: 'failed', code, message: `${message} (gave up after ${attempts} attempts)` };
      }
      if (await newerAttempt(trx, entry, ['pending', 'succeeded'])) return superseded(code, message);
      const retryAfterMs = outcome.status === 'transient' ? outcome.retryAfterMs : undefined;
      const again = await redirtyPair(trx, {
        ...pair,
        cause: entry.cause,
        // A timed-out feed may still land, and Auto Sync or a repair meant to overwrite whatever is shown.
        force:
          outcome.status === 'timeout' || entry.cause.type === 'auto_sync' || entry.cause.type === 'resync',
        retry: { notBefore: now + retryDelayMs(Math.max(1, attempts), ctx.backoff, retryAfterMs), attempts },
      });
      return again ? { status: 'retrying', code, message } : notRetried(code, message);
    }
  }
}

const duration = (ms: number) =>
  ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;

const superseded = (code: string, message: string): Decision => ({
  status: 'retrying',
  code,
  message: `${message}; a newer push already carries the current value`,
});

const notRetried = (code: string, message: string): Decision => ({
  status: 'failed',
  code,
  message: `${message}; not pushed again: Auto Sync is off for it or the channel is not active`,
});

/** Whether a later attempt of the same pair is in one of these states (it carries a newer value). */
async function newerAttempt(
  trx: Db,
  entry: AwaitedVerdict,
  statuses: readonly ('pending' | 'succeeded')[],
): Promise<boolean> {
  const row = await trx
    .selectFrom('syncHistory')
    .select('id')
    .where('storeId', '=', entry.storeId)
    .where('productId', '=', entry.productId)
    .where('channelId', '=', entry.channelId)
    .where('id', '>', entry.historyId)
    .where('status', 'in', statuses)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * While a push waited for its verdict, the master may have moved back to what the channel showed before, and
 * that change was skipped as "already shown". Now that the channel confirmed the pushed value, mark those pairs
 * again so the master's value is pushed.
 */
async function remarkWhereMasterMoved(
  trx: Db,
  channel: ChannelRow,
  confirmed: readonly { entry: AwaitedVerdict; quantity: number }[],
): Promise<void> {
  if (confirmed.length === 0) return;
  const balances = await computeSyncableBalances(
    trx,
    channel.storeId,
    channel.id,
    confirmed.map((c) => c.entry.productId),
  );
  for (const { entry, quantity } of confirmed) {
    const master = balances.get(entry.productId)?.quantity;
    if (master === null || master === undefined || master === quantity) continue;
    await redirtyPair(trx, {
      storeId: entry.storeId,
      channelId: channel.id,
      productId: entry.productId,
      force: false,
      cause: { type: 'resync', ref: `verdict:${entry.historyId}` },
    });
  }
}
