import { type ChannelRow, recordTrustedSyncAttempts, type SyncDirtyRow } from '@ballast/core';
import { type ClaimedPair, settlePairs } from '../claim/settle-pairs.ts';
import { type FailureOutcome, failureOutcome } from '../retry/failure-outcome.ts';
import type { EngineContext } from './engine-context.ts';
import type { FailPlan, PairPlan, PushPlan, SkipPlan } from './plan.ts';
import type { RoundSummary } from './round-summary.ts';

// What a round puts on record (Sync History rows, settled marks) and reports (counts, events) for its pairs.

export function pairOf(plan: PairPlan): ClaimedPair {
  return { channelId: plan.dirty.channelId, productId: plan.dirty.productId, seq: plan.dirty.seq };
}

/** What a round records for any planned pair: the pair, its cause, the quantity planned and why, when it began. */
function plannedRecord(ctx: EngineContext, channel: ChannelRow, plan: PairPlan, queuedAt: number) {
  const { dirty, listing } = plan;
  return {
    storeId: channel.storeId,
    channelId: channel.id,
    productId: dirty.productId,
    listingId: listing?.id ?? null,
    previousQuantity: listing?.channelQuantity ?? null,
    cause: {
      type: dirty.lastCauseType,
      ref: dirty.lastCauseRef,
      marks: dirty.marks,
      firstMarkedAt: dirty.firstMarkedAt,
    },
    quantity: plan.quantity,
    explanation: plan.explanation,
    attempt: dirty.attempts + 1,
    seq: dirty.seq,
    queuedAt: Math.min(queuedAt, dirty.firstMarkedAt),
    startedAt: queuedAt,
    workerId: ctx.workerId,
  };
}

/** How a pair ended the round without a call: skipped, or its link failed (for good or to retry). */
interface EndedWithoutCall {
  status: 'skipped' | FailureOutcome['status'];
  code: string;
  message: string;
}

function endedRecord(
  ctx: EngineContext,
  channel: ChannelRow,
  plan: SkipPlan | FailPlan,
  queuedAt: number,
  finishedAt: number,
  { status, code, message }: EndedWithoutCall,
) {
  return {
    ...plannedRecord(ctx, channel, plan, queuedAt),
    status,
    errorCode: code,
    errorMessage: message,
    finishedAt,
  };
}

export function emit(
  ctx: EngineContext,
  channel: ChannelRow,
  dirty: SyncDirtyRow,
  status: 'succeeded' | 'failed' | 'retrying' | 'skipped',
) {
  ctx.onEvent({
    channelId: channel.id,
    connectorId: channel.connectorId,
    productId: dirty.productId,
    status,
    latencyMs: ctx.now() - dirty.firstMarkedAt,
  });
}

/** The round's pushes as pending attempts, before the call: a crash after it leaves them to be closed. */
export async function recordPending(
  ctx: EngineContext,
  channel: ChannelRow,
  pushes: readonly PushPlan[],
  queuedAt: number,
): Promise<number[]> {
  return recordTrustedSyncAttempts(
    ctx.db,
    pushes.map((plan) => ({ ...plannedRecord(ctx, channel, plan, queuedAt), status: 'pending' as const })),
  );
}

/** Skipped pairs: settled, and on record unless the history already says the same (`onRecord`, skipsToRecord). */
export async function writeSkips(
  ctx: EngineContext,
  channel: ChannelRow,
  skips: readonly SkipPlan[],
  onRecord: readonly SkipPlan[],
  queuedAt: number,
): Promise<void> {
  if (skips.length === 0) return;
  const finishedAt = ctx.now();
  await recordTrustedSyncAttempts(
    ctx.db,
    onRecord.map((plan) =>
      endedRecord(ctx, channel, plan, queuedAt, finishedAt, {
        status: 'skipped',
        code: plan.code,
        message: plan.message,
      }),
    ),
  );
  await settlePairs(ctx.db, ctx.workerId, skips.map(pairOf));
}

export function reportSkips(
  ctx: EngineContext,
  channel: ChannelRow,
  skips: readonly SkipPlan[],
  summary: RoundSummary,
) {
  summary.skipped += skips.length;
  for (const plan of skips) emit(ctx, channel, plan.dirty, 'skipped');
}

/** Pairs that could not be linked: failed for good and settled, or put back to retry, each on record. */
export async function writeLinkFailures(
  ctx: EngineContext,
  channel: ChannelRow,
  failures: readonly FailPlan[],
  queuedAt: number,
): Promise<FailureOutcome[]> {
  if (failures.length === 0) return [];
  const outcomes: FailureOutcome[] = [];
  for (const plan of failures)
    outcomes.push(await failureOutcome(ctx, pairOf(plan), plan.dirty.attempts, plan));
  const finishedAt = ctx.now();
  await recordTrustedSyncAttempts(
    ctx.db,
    failures.map((plan, i) => endedRecord(ctx, channel, plan, queuedAt, finishedAt, outcomes[i]!)),
  );
  await settlePairs(ctx.db, ctx.workerId, failures.filter((_, i) => outcomes[i]!.settle).map(pairOf));
  return outcomes;
}

export function reportLinkFailures(
  ctx: EngineContext,
  channel: ChannelRow,
  failures: readonly FailPlan[],
  outcomes: readonly FailureOutcome[],
  summary: RoundSummary,
) {
  failures.forEach((plan, i) => {
    summary[outcomes[i]!.status]++;
    emit(ctx, channel, plan.dirty, outcomes[i]!.status);
  });
}
