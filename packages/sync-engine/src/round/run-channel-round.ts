import type { Connection, QuantityUpdate } from '@ballast/connector-kit';
import { type ChannelRow, type SyncAttemptOutcome, transact } from '@ballast/core';
import { type ClaimedPair, settlePairs } from '../claim/settle-pairs.ts';
import { connectChannel } from '../clients/connect-channel.ts';
import { finishAttempts } from '../pending/finish-attempts.ts';
import { type AppliedOutcome, applyOutcome, confirmPushes, missingResult } from './apply-outcome.ts';
import { claimRound } from './claim-round.ts';
import type { EngineContext } from './engine-context.ts';
import { type FailPlan, idempotencyKeyFor, type PushPlan, type SkipPlan } from './plan.ts';
import { planRound } from './plan-round.ts';
import { replanAfterWait } from './replan-after-wait.ts';
import {
  emit,
  pairOf,
  recordPending,
  reportLinkFailures,
  reportSkips,
  writeLinkFailures,
  writeSkips,
} from './round-records.ts';
import { emptySummary, type RoundSummary } from './round-summary.ts';
import { skipsToRecord } from './skips-to-record.ts';

/**
 * One round for one channel: claim up to one batch of due pairs, compute their balances now, skip what needs
 * no push, send the rest in one paced call, and record every outcome in Sync History.
 *
 * A round of linked pairs takes SQLite's write lock three times: to claim, to record what it decided (skips,
 * failures, the rate reservation and the pending attempts), and to record the outcomes; once more after a
 * rate-limit wait, and for lookups of unlinked SKUs. Each turn makes the API's writes wait and drops the API
 * connection's page cache. Counts and events follow each commit: on SQLite a group
 * commit may run its work twice, and a commit that failed changed nothing to report.
 */
export async function runChannelRound(ctx: EngineContext, channel: ChannelRow): Promise<RoundSummary> {
  const summary = emptySummary();
  const connection = await connectChannel(ctx, channel);
  if (!connection) return summary;
  const claimed = await claimRound(ctx, channel, connection.capabilities.maxBatch);
  summary.claimed = claimed.length;
  if (claimed.length === 0) return summary;

  const plans = await planRound(ctx, channel, connection, claimed);
  const queuedAt = ctx.now();
  const skips = plans.filter((p): p is SkipPlan => p.kind === 'skip');
  const failures = plans.filter((p): p is FailPlan => p.kind === 'fail');
  let pushes = plans.filter((p): p is PushPlan => p.kind === 'push');

  const skipsOnRecord = await skipsToRecord(ctx, channel, skips);
  const models = connection.capabilities.rateModel;
  const cost =
    pushes.length === 0 ? 0 : (connection.client.estimateCost?.(toUpdates(connection, pushes)) ?? 1);
  const reservedAt = ctx.now();
  const decided = await transact(ctx.db, async (trx) => {
    const tx: EngineContext = { ...ctx, db: trx };
    await writeSkips(tx, channel, skips, skipsOnRecord, queuedAt);
    const failed = await writeLinkFailures(tx, channel, failures, queuedAt);
    if (pushes.length === 0) return { failed, waitMs: 0, historyIds: [] };
    const waitMs = await ctx.limiter.in(trx).reserve(channel.id, models, cost, reservedAt);
    // After a wait the pushes are planned again, and only those still due get a pending attempt.
    const historyIds = waitMs > 0 ? [] : await recordPending(tx, channel, pushes, queuedAt);
    return { failed, waitMs, historyIds };
  });
  reportSkips(ctx, channel, skips, summary);
  reportLinkFailures(ctx, channel, failures, decided.failed, summary);
  if (pushes.length === 0) return summary;

  const { waitMs } = decided;
  let historyIds = decided.historyIds;
  if (waitMs > 0) {
    await ctx.sleep(waitMs);
    // A rate-limit wait can last seconds: plan again, so the push carries the master's value of now and none
    // goes out that Auto Sync turned off, an unlinked item or a paused channel would not have planned.
    const replanned = await replanAfterWait(ctx, channel, pushes);
    const replannedOnRecord = await skipsToRecord(ctx, channel, replanned.skips);
    pushes = replanned.pushes;
    // Every product left to push was deleted during the wait: nothing to record, so no turn at the write lock.
    if (pushes.length === 0 && replanned.skips.length === 0) return summary;
    historyIds = await transact(ctx.db, async (trx) => {
      const tx: EngineContext = { ...ctx, db: trx };
      await writeSkips(tx, channel, replanned.skips, replannedOnRecord, queuedAt);
      return recordPending(tx, channel, pushes, queuedAt);
    });
    reportSkips(ctx, channel, replanned.skips, summary);
    if (pushes.length === 0) return summary;
  }

  const result = await connection.client.setQuantities(toUpdates(connection, pushes));
  const observedAt = ctx.now();
  const sentAt = reservedAt + waitMs;

  // Every outcome of the call is written in one transaction, with what the call taught the rate limiter: one
  // commit instead of one per item, and on SQLite one turn at the write lock, which the API's writes wait for.
  let outcomes: AppliedOutcome[];
  try {
    outcomes = await transact(ctx.db, async (trx) => {
      const tx: EngineContext = { ...ctx, db: trx };
      const byKey = new Map(result.items.map((item) => [item.key, item]));
      const settled: ClaimedPair[] = [];
      const finished: SyncAttemptOutcome[] = [];
      const applied: AppliedOutcome[] = [];
      const throttled = (result.rateFeedback?.retryAfterMs ?? 0) > 0;
      for (const [i, plan] of pushes.entries()) {
        const item = byKey.get(String(plan.dirty.productId)) ?? missingResult(plan);
        const finishedAt = ctx.now();
        const outcome = await applyOutcome(tx, plan, item, throttled);
        applied.push(outcome);
        finished.push({
          id: historyIds[i]!,
          status: outcome.status,
          finishedAt,
          ...(outcome.code !== undefined && { errorCode: outcome.code }),
          ...(outcome.message !== undefined && { errorMessage: outcome.message }),
          ...(item.status === 'pending' && { pendingHandle: item.handle }),
        });
        if (outcome.settle) settled.push(pairOf(plan));
      }
      await confirmPushes(tx, channel, applied);
      // Marks before attempts, the order a claim takes them in (it closes the attempts a dead worker left
      // pending for the pairs it claimed): on PostgreSQL, a worker whose lease ran out and the worker that
      // took its pairs over then cannot deadlock.
      await settlePairs(trx, ctx.workerId, settled);
      await finishAttempts(tx, finished);
      // Last: on PostgreSQL the rate row stays locked until the commit, and other workers book on it.
      await ctx.limiter.in(trx).observe(channel.id, models, result.rateFeedback, observedAt, sentAt);
      return applied;
    });
  } catch (error) {
    // The outcomes were not written, but the channel's word on its budget still holds for every worker.
    await ctx.limiter
      .observe(channel.id, models, result.rateFeedback, observedAt, sentAt)
      .catch((cause: unknown) =>
        ctx.logger.warn('rate feedback not stored', { channelId: channel.id, error: String(cause) }),
      );
    throw error;
  }
  pushes.forEach((plan, i) => {
    const { status } = outcomes[i]!;
    summary[status === 'succeeded' || status === 'pending' ? 'pushed' : status]++;
    if (status !== 'pending') emit(ctx, channel, plan.dirty, status);
  });
  return summary;
}

function toUpdates(connection: Connection, pushes: readonly PushPlan[]): QuantityUpdate[] {
  return pushes.map((plan) => ({
    key: String(plan.dirty.productId),
    listingRef: JSON.parse(plan.listing.channelRef!) as QuantityUpdate['listingRef'],
    sku: plan.sku,
    quantity: plan.quantity,
    ...(connection.capabilities.compareAndSet &&
      plan.listing.channelQuantity !== null && { expectedCurrent: plan.listing.channelQuantity }),
    idempotencyKey: idempotencyKeyFor(plan.listing.id, plan.dirty.seq, plan.quantity),
  }));
}
