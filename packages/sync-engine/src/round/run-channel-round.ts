import type { Connection, ItemResult, QuantityUpdate } from '@ballast/connector-kit';
import {
  type ChannelRow,
  computeSyncableBalances,
  type ListingRow,
  markDirty,
  recordTrustedSyncAttempts,
  type SyncAttemptOutcome,
  type SyncDirtyRow,
  transact,
} from '@ballast/core';
import { type ClaimedPair, deferPair, settlePairs } from '../claim/settle-pairs.ts';
import { connectChannel } from '../clients/connect-channel.ts';
import { finishAttempts } from '../pending/finish-attempts.ts';
import { type FailureOutcome, failureOutcome } from '../retry/failure-outcome.ts';
import { claimRound } from './claim-round.ts';
import type { EngineContext } from './engine-context.ts';
import { ensureListings } from './ensure-listings.ts';
import {
  ambiguousSkuProblem,
  idempotencyKeyFor,
  lookupFailureProblem,
  type PairPlan,
  planPair,
} from './plan.ts';
import { type ConfirmedPush, recordConfirmedPushes } from './record-confirmed-push.ts';
import { replanAfterWait } from './replan-after-wait.ts';
import { claimedMarks, productsById } from './round-reads.ts';
import { skipsToRecord } from './skips-to-record.ts';

type PushPlan = Extract<PairPlan, { kind: 'push' }>;
type SkipPlan = Extract<PairPlan, { kind: 'skip' }>;
type FailPlan = Extract<PairPlan, { kind: 'fail' }>;

export interface RoundSummary {
  claimed: number;
  pushed: number;
  skipped: number;
  failed: number;
  retrying: number;
}

export const emptySummary = (): RoundSummary => ({
  claimed: 0,
  pushed: 0,
  skipped: 0,
  failed: 0,
  retrying: 0,
});

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

async function planRound(
  ctx: EngineContext,
  channel: ChannelRow,
  connection: Connection,
  claimed: readonly SyncDirtyRow[],
): Promise<PairPlan[]> {
  const productIds = claimed.map((c) => c.productId);
  const products = await productsById(ctx.db, productIds);
  const productById = new Map(products.map((p) => [p.id, p]));
  const forced = new Set(claimed.filter((c) => c.force === 1).map((c) => c.productId));
  const { listings, notListedSince, lookupFailed, ambiguous, autoSyncOff } = await ensureListings(
    ctx,
    channel,
    connection,
    products,
    forced,
  );
  // A change may have marked a pair again since the claim; take the newer marks so that this push settles them.
  const current = await claimedMarks(ctx.db, channel.id, ctx.workerId, productIds);
  const currentByProduct = new Map(current.map((row) => [row.productId, row]));
  const balances = await computeSyncableBalances(ctx.db, channel.storeId, channel.id, productIds);
  return claimed.map((claimedRow) => {
    const cachedMiss = notListedSince.get(claimedRow.productId);
    const newer = currentByProduct.get(claimedRow.productId);
    // A forced mark that came in since the claim wants a lookup: settle only the claimed mark, leave it due.
    const dirty = newer && !(cachedMiss !== undefined && newer.force === 1) ? newer : claimedRow;
    const product = productById.get(dirty.productId);
    const listing = listings.get(dirty.productId);
    const override = listing?.autoSyncOverride ?? null;
    const sku = product?.sku ?? String(dirty.productId);
    const lookupError = lookupFailed.get(dirty.productId);
    return planPair({
      dirty,
      listing,
      sku,
      channelStatus: channel.status,
      autoSync:
        product !== undefined && !autoSyncOff.has(dirty.productId) && (override ?? product.autoSync) === 1,
      balance: balances.get(dirty.productId),
      notListedSince: cachedMiss,
      linkProblem: lookupError
        ? lookupFailureProblem(sku, lookupError)
        : ambiguous.has(dirty.productId)
          ? ambiguousSkuProblem(sku)
          : undefined,
    });
  });
}

/** The round's pushes as pending attempts, before the call: a crash after it leaves them to be closed. */
async function recordPending(
  ctx: EngineContext,
  channel: ChannelRow,
  pushes: readonly PushPlan[],
  queuedAt: number,
): Promise<number[]> {
  return recordTrustedSyncAttempts(
    ctx.db,
    pushes.map((plan) => ({
      ...historyBase(channel, plan.dirty, plan.listing, queuedAt, ctx.workerId),
      status: 'pending' as const,
      quantity: plan.quantity,
      explanation: plan.explanation,
      startedAt: queuedAt,
    })),
  );
}

/** Skipped pairs: settled, and on record unless the history already says the same (`onRecord`, skipsToRecord). */
async function writeSkips(
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
    onRecord.map((plan) => ({
      ...historyBase(channel, plan.dirty, plan.listing, queuedAt, ctx.workerId),
      status: 'skipped' as const,
      quantity: plan.quantity,
      explanation: plan.explanation,
      errorCode: plan.code,
      errorMessage: plan.message,
      startedAt: queuedAt,
      finishedAt,
    })),
  );
  await settlePairs(ctx.db, ctx.workerId, skips.map(pairOf));
}

function reportSkips(
  ctx: EngineContext,
  channel: ChannelRow,
  skips: readonly SkipPlan[],
  summary: RoundSummary,
) {
  summary.skipped += skips.length;
  for (const plan of skips) emit(ctx, channel, plan.dirty, 'skipped');
}

/** Pairs that could not be linked: failed for good and settled, or put back to retry, each on record. */
async function writeLinkFailures(
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
    failures.map((plan, i) => ({
      ...historyBase(channel, plan.dirty, plan.listing, queuedAt, ctx.workerId),
      status: outcomes[i]!.status,
      quantity: plan.quantity,
      explanation: plan.explanation,
      errorCode: outcomes[i]!.code,
      errorMessage: outcomes[i]!.message,
      startedAt: queuedAt,
      finishedAt,
    })),
  );
  await settlePairs(ctx.db, ctx.workerId, failures.filter((_, i) => outcomes[i]!.settle).map(pairOf));
  return outcomes;
}

function reportLinkFailures(
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

interface AppliedOutcome {
  status: 'succeeded' | 'failed' | 'retrying' | 'pending';
  settle: boolean;
  code?: string;
  message?: string;
  /** What the channel confirmed, for the listing: the round records all of them in one statement. */
  confirmed?: ConfirmedPush & { productId: number };
}

/**
 * Writes what one item's result means for its listing and its dirty mark; a confirmed push is returned for
 * confirmPushes to record with the round's others.
 */
async function applyOutcome(
  ctx: EngineContext,
  plan: Extract<PairPlan, { kind: 'push' }>,
  item: ItemResult,
  throttled: boolean,
): Promise<AppliedOutcome> {
  const now = ctx.now();
  const pair = pairOf(plan);
  switch (item.status) {
    case 'ok': {
      const confirmed = item.quantity ?? plan.quantity;
      const { productId, seq } = plan.dirty;
      const push = {
        listingId: plan.listing.id,
        productId,
        quantity: plan.quantity,
        seq,
        confirmed,
        at: now,
      };
      return { status: 'succeeded', settle: true, confirmed: push };
    }
    case 'pending':
      return { status: 'pending', settle: true };
    case 'permanent':
      return { status: 'failed', settle: true, code: item.code, message: item.message };
    case 'stale': {
      // Compare-and-set lost to a change on the channel: learn what it shows, recompute and try again now.
      if (item.actualQuantity !== undefined) {
        await ctx.db
          .updateTable('listings')
          .set({ channelQuantity: item.actualQuantity, channelQuantityAt: now })
          .where('id', '=', plan.listing.id)
          .execute();
      }
      await deferPair(ctx.db, ctx.workerId, pair, now, true);
      const message = `the channel showed ${item.actualQuantity ?? 'another quantity'}, not the expected one; recomputing`;
      return { status: 'retrying', settle: false, code: 'stale', message };
    }
    case 'transient':
      return failureOutcome(ctx, pair, plan.dirty.attempts, { ...item, retryable: true }, throttled);
  }
}

/**
 * Records on the listings what the channel confirmed, in one statement. A listing where a newer value was
 * confirmed while ours was in flight is pushed again: ours may have landed after it.
 */
async function confirmPushes(ctx: EngineContext, channel: ChannelRow, applied: readonly AppliedOutcome[]) {
  const confirmed = applied.flatMap((outcome) => (outcome.confirmed ? [outcome.confirmed] : []));
  const advanced = await recordConfirmedPushes(ctx.db, confirmed);
  for (const push of confirmed) {
    if (advanced.has(push.listingId)) continue;
    await markDirty(ctx.db, {
      storeId: channel.storeId,
      products: [push.productId],
      channelId: channel.id,
      includeKits: false,
      force: true,
      cause: { type: 'resync', ref: `stale-confirmation:${push.listingId}` },
    });
  }
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

function missingResult(plan: Extract<PairPlan, { kind: 'push' }>): ItemResult {
  return {
    key: String(plan.dirty.productId),
    status: 'transient',
    code: 'no_result',
    message: 'the connector returned no result for this item',
  };
}

function pairOf(plan: PairPlan): ClaimedPair {
  return { channelId: plan.dirty.channelId, productId: plan.dirty.productId, seq: plan.dirty.seq };
}

function historyBase(
  channel: ChannelRow,
  dirty: SyncDirtyRow,
  listing: ListingRow | undefined,
  queuedAt: number,
  workerId: string,
) {
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
    attempt: dirty.attempts + 1,
    seq: dirty.seq,
    queuedAt: Math.min(queuedAt, dirty.firstMarkedAt),
    workerId,
  };
}

function emit(
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
