import { type Connection, classifyError, type PendingResolution } from '@ballast/connector-kit';
import type { ChannelRow } from '@ballast/core';
import { connectChannel } from '../clients/connect-channel.ts';
import { retryDelayMs } from '../retry/backoff.ts';
import type { EngineContext } from '../round/engine-context.ts';
import { applyVerdicts, type Verdict } from './apply-verdicts.ts';
import {
  type AwaitedVerdict,
  claimVerdicts,
  dequeueVerdicts,
  extendVerdictLeases,
  pollAgainLater,
  pollFailed,
  replaceHandle,
} from './verdict-queue.ts';
import { emptyVerdictSummary, type VerdictSummary } from './verdict-summary.ts';

/**
 * One batch for one channel: lease up to `maxBatch` due verdicts, give up on those past the timeout, ask the
 * channel about the rest in one paced `pollPending` call, and apply what it decided. Adds the ids it took up
 * to `taken`; `more` says whether another batch may find verdicts this pass has not asked about yet.
 */
export async function pollChannelVerdicts(
  ctx: EngineContext,
  channel: ChannelRow,
  taken: Set<number>,
): Promise<VerdictSummary & { more: boolean }> {
  const summary = { ...emptyVerdictSummary(), more: false };
  const connection = await connectChannel(ctx, channel);
  if (!connection) return summary;
  const claimed = await claimVerdicts(ctx.db, {
    workerId: ctx.workerId,
    channelId: channel.id,
    limit: connection.capabilities.maxBatch,
    leaseMs: ctx.leaseMs,
    now: ctx.now(),
  });
  summary.claimed = claimed.length;
  // A full batch of verdicts not asked about before: more may be due. One seen already means the pass came
  // round to what it rescheduled (a poll interval shorter than the pass).
  summary.more =
    claimed.length === connection.capabilities.maxBatch && claimed.every((e) => !taken.has(e.historyId));
  for (const entry of claimed) taken.add(entry.historyId);
  // Closed meanwhile (the attempt is no longer pending): nothing to ask about.
  const closed = claimed.filter((e) => e.handle === null);
  if (closed.length > 0) await dequeueVerdicts(ctx.db, closed.map(idOf));

  const now = ctx.now();
  const open = claimed.filter((e) => e.handle !== null);
  const expired = open.filter((e) => now - e.acceptedAt >= ctx.pending.timeoutMs);
  const live = open.filter((e) => now - e.acceptedAt < ctx.pending.timeoutMs);
  const verdicts: Verdict[] = expired.map((entry) => ({ entry, outcome: { status: 'timeout' } }));
  if (live.length > 0) {
    const polled = await poll(ctx, channel, connection, live);
    verdicts.push(...polled.verdicts);
    summary.pending += polled.pending;
    summary.pollsFailed += polled.failed ? 1 : 0;
  }

  const applied = await applyVerdicts(ctx, channel, verdicts);
  for (const { entry, status } of applied) {
    summary[status]++;
    ctx.onEvent({
      channelId: channel.id,
      connectorId: channel.connectorId,
      productId: entry.productId,
      status,
      latencyMs: ctx.now() - entry.firstMarkedAt,
    });
  }
  return summary;
}

/** Asks the channel; what is not decided yet, or a poll that failed, is rescheduled with its handle kept. */
async function poll(
  ctx: EngineContext,
  channel: ChannelRow,
  connection: Connection,
  live: readonly AwaitedVerdict[],
): Promise<{ verdicts: Verdict[]; pending: number; failed: boolean }> {
  const { client, capabilities } = connection;
  const ids = live.map(idOf);
  if (!capabilities.pendingResults || !client.pollPending) {
    // The connector can no longer poll (its config changed): the verdicts can only time out into a retry.
    await pollAgainLater(ctx.db, ctx.workerId, ids, ctx.now() + ctx.pending.pollIntervalMs);
    return { verdicts: [], pending: live.length, failed: false };
  }
  const models = capabilities.rateModel;
  const reservedAt = ctx.now();
  const waitMs = await ctx.limiter.reserve(channel.id, models, 1, reservedAt);
  if (waitMs > 0) {
    await extendVerdictLeases(ctx.db, ctx.workerId, ids, reservedAt + waitMs + ctx.leaseMs);
    await ctx.sleep(waitMs);
  }
  const handles = [...new Set(live.map((e) => e.handle!))];
  let resolutions: readonly PendingResolution[];
  try {
    resolutions = await client.pollPending(handles);
  } catch (error) {
    const failure = classifyError(error);
    if (failure.retryAfterMs !== undefined) {
      await ctx.limiter.observe(
        channel.id,
        models,
        { retryAfterMs: failure.retryAfterMs },
        ctx.now(),
        reservedAt + waitMs,
      );
    }
    const failures = Math.max(...live.map((e) => e.pollFailures)) + 1;
    const delay = retryDelayMs(failures, ctx.backoff, failure.retryAfterMs);
    await pollFailed(ctx.db, ctx.workerId, ids, ctx.now() + delay, `${failure.code}: ${failure.message}`);
    ctx.logger.warn('polling pending results failed; the handles are kept', {
      channelId: channel.id,
      handles: handles.length,
      code: failure.code,
      error: failure.message,
    });
    return { verdicts: [], pending: live.length, failed: true };
  }

  const byHandle = new Map(resolutions.map((r) => [r.handle, r.outcome]));
  const verdicts: Verdict[] = [];
  const notYet: number[] = [];
  for (const entry of live) {
    const outcome = byHandle.get(entry.handle!);
    if (!outcome || outcome.status === 'pending') {
      if (outcome && outcome.handle !== entry.handle)
        await replaceHandle(ctx.db, entry.historyId, outcome.handle);
      notYet.push(entry.historyId);
    } else {
      verdicts.push({ entry, outcome });
    }
  }
  await pollAgainLater(ctx.db, ctx.workerId, notYet, ctx.now() + ctx.pending.pollIntervalMs);
  return { verdicts, pending: notYet.length, failed: false };
}

const idOf = (entry: AwaitedVerdict) => entry.historyId;
