import { randomUUID } from 'node:crypto';
import {
  type AnyConnectorDefinition,
  type ConnectorContextInput,
  type Logger,
  silentLogger,
} from '@ballast/connector-kit';
import { type ChannelRow, type Db, dialectOf } from '@ballast/core';
import { channelsWithDuePairs } from '../claim/claim-pairs.ts';
import { activeChannels } from '../clients/active-channels.ts';
import { ChannelConnections, type ResolveChannelConfig } from '../clients/channel-connections.ts';
import { defaultPendingSettings } from '../pending/pending-settings.ts';
import { createVerdictPoller } from '../pending/verdict-poller.ts';
import type { VerdictSummary } from '../pending/verdict-summary.ts';
import { SharedRateLimiter } from '../rate/shared-rate-limiter.ts';
import { type DriftSweepSummary, sweepDrift } from '../readback/sweep-drift.ts';
import { releaseOrphanedLeases } from '../recovery/release-orphaned-leases.ts';
import { type BackoffPolicy, defaultBackoff } from '../retry/backoff.ts';
import type { EngineContext } from '../round/engine-context.ts';
import { emptySummary, type RoundSummary } from '../round/round-summary.ts';
import { runChannelRound } from '../round/run-channel-round.ts';
import type { SyncEvent } from '../round/sync-event.ts';

export interface SyncEngineOptions {
  db: Db;
  /** Installed connectors; channels name theirs by id. */
  connectors: readonly AnyConnectorDefinition[];
  /** Turns a stored channel into connector config (the host decrypts credentials here). */
  resolveChannelConfig: ResolveChannelConfig;
  /** Passed to every connector (fetch, timeouts, logger). */
  connectorContext?: ConnectorContextInput;
  /** Unique per process; defaults to a random id. */
  workerId?: string;
  /** How long a claim stays this worker's before another may take it over (default 30 s). */
  leaseMs?: number;
  /** How often to look for work when idle (default 100 ms); `wake()` skips the wait. */
  pollIntervalMs?: number;
  /**
   * After a round that claimed less than a full batch, how long a channel's lane waits before claiming again
   * (default 25 ms), so changes arriving meanwhile share one push instead of each paying a round of their own.
   */
  coalesceMs?: number;
  /**
   * The least time between two looks for channels with work (default 10 ms): `wake()` is called for every
   * quantity change, and under load most of those calls find only channels whose lane is already running.
   */
  minWakeGapMs?: number;
  backoff?: BackoffPolicy;
  /** Transient failures in a row before a pair is marked failed (default 8). */
  maxAttempts?: number;
  /**
   * Feed-style channels (`pendingResults`): time from a push they accepted to the first poll for its verdict,
   * and between polls while it is not ready (default 60 s).
   */
  pendingPollIntervalMs?: number;
  /** A verdict still missing this long after the push was accepted is given up on: pushed again (default 6 h). */
  pendingTimeoutMs?: number;
  /**
   * A product whose SKU a lookup did not find on the channel is settled as not listed, without asking the
   * channel again, until that answer is this old (default 1 h; 0 looks up on every change). Forced marks,
   * a new SKU, new channel config and a manual match of listings look up again at once.
   */
  notListedRecheckMs?: number;
  logger?: Logger;
  onEvent?: (event: SyncEvent) => void;
  /** How the engine waits (rate limits, batching); default a timer. Tests use it to act during a wait. */
  sleep?: (ms: number) => Promise<void>;
}

export interface SyncEngine {
  readonly workerId: string;
  /** Runs rounds until `stop()`. */
  start(): void;
  /** Finishes the round in progress, then stops. */
  stop(): Promise<void>;
  /** One round over every channel with due pairs (tests and CLIs drive the engine with it). */
  runOnce(): Promise<RoundSummary>;
  /** Runs rounds until no pair is due now (pairs waiting for a retry later are left). */
  drain(options?: { maxRounds?: number }): Promise<RoundSummary>;
  /** Starts the next round at once instead of after the poll interval. */
  wake(): void;
  /** Reads a channel's quantities back and re-marks the listings that drifted from the master. */
  sweepDrift(channelId: number): Promise<DriftSweepSummary>;
  /** Polls every due verdict of feed-style channels now (`start()` also does it in the background). */
  pollPending(): Promise<VerdictSummary>;
}

/**
 * The sync loop: claims dirty (product, channel) pairs, pushes their balance computed at push time, records
 * Sync History. Any number of engines may run against one PostgreSQL database; on SQLite run one.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const logger = options.logger ?? silentLogger;
  const ctx: EngineContext = {
    db: options.db,
    workerId: options.workerId ?? `worker-${randomUUID()}`,
    connections: new ChannelConnections(options.connectors, options.resolveChannelConfig, {
      logger,
      ...options.connectorContext,
    }),
    limiter: new SharedRateLimiter(options.db),
    backoff: options.backoff ?? defaultBackoff,
    leaseMs: options.leaseMs ?? 30_000,
    maxAttempts: options.maxAttempts ?? 8,
    notListedRecheckMs: options.notListedRecheckMs ?? 3_600_000,
    pending: {
      pollIntervalMs: options.pendingPollIntervalMs ?? defaultPendingSettings.pollIntervalMs,
      timeoutMs: options.pendingTimeoutMs ?? defaultPendingSettings.timeoutMs,
    },
    logger,
    now: Date.now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    onEvent: options.onEvent ?? (() => {}),
  };
  const pollIntervalMs = options.pollIntervalMs ?? 100;
  const coalesceMs = options.coalesceMs ?? 25;
  const minWakeGapMs = options.minWakeGapMs ?? 10;
  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  // A verdict that re-marks a pair wakes the push loop.
  const verdicts = createVerdictPoller(ctx, () => wakeUp?.());

  const runOnce = async (): Promise<RoundSummary> => {
    const due = await channelsWithDuePairs(ctx.db, ctx.now());
    if (due.length === 0) return emptySummary();
    const channels = await activeChannels(
      ctx.db,
      due.map((d) => d.channelId),
    );
    // Channels are independent (own limits, own latency), so their rounds run side by side.
    const summaries = await Promise.all(
      channels.map((channel) =>
        runChannelRound(ctx, channel).catch((error: unknown) => {
          logger.error('sync round failed', { channelId: channel.id, error: String(error) });
          return emptySummary();
        }),
      ),
    );
    return addSummaries(summaries);
  };

  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollIntervalMs);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  // One lane per channel with work: a channel waiting on its rate limit never holds up another channel.
  const lanes = new Map<number, Promise<void>>();
  const runLane = async (channelId: number): Promise<void> => {
    while (running) {
      const channel = await ctx.db
        .selectFrom('channels')
        .selectAll()
        .where('id', '=', channelId)
        .executeTakeFirst();
      if (channel?.status !== 'active') return;
      const summary = await runChannelRound(ctx, channel);
      if (summary.claimed === 0) return;
      if (summary.claimed < (await batchSizeOf(channel))) await ctx.sleep(coalesceMs);
    }
  };
  const batchSizeOf = async (channel: ChannelRow) =>
    (await ctx.connections.connectionFor(channel)).capabilities.maxBatch;
  const tick = async (): Promise<void> => {
    for (const { channelId } of await channelsWithDuePairs(ctx.db, ctx.now())) {
      if (lanes.has(channelId)) continue;
      const lane = runLane(channelId)
        .catch((error: unknown) => logger.error('sync lane failed', { channelId, error: String(error) }))
        .finally(() => lanes.delete(channelId));
      lanes.set(channelId, lane);
    }
  };

  return {
    workerId: ctx.workerId,
    start() {
      if (running) return;
      running = true;
      verdicts.start();
      loop = (async () => {
        // SQLite runs a single worker, so leases held by any other id belong to a process that died.
        if (dialectOf(ctx.db) === 'sqlite') await releaseOrphanedLeases(ctx.db, ctx.workerId);
        while (running) {
          const tickedAt = ctx.now();
          await tick().catch((error: unknown) => logger.error('sync loop error', { error: String(error) }));
          if (running) await idle();
          const gap = tickedAt + minWakeGapMs - ctx.now();
          if (running && gap > 0) await ctx.sleep(gap);
        }
        await Promise.all(lanes.values());
      })();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await Promise.all([loop, verdicts.stop()]);
    },
    runOnce,
    async drain({ maxRounds = 10_000 } = {}) {
      const total: RoundSummary[] = [];
      for (let round = 0; round < maxRounds; round++) {
        const summary = await runOnce();
        total.push(summary);
        if (summary.claimed === 0) break;
      }
      return addSummaries(total);
    },
    wake() {
      wakeUp?.();
    },
    async sweepDrift(channelId) {
      const channel = await ctx.db
        .selectFrom('channels')
        .selectAll()
        .where('id', '=', channelId)
        .executeTakeFirst();
      if (channel?.status !== 'active') return { read: 0, drifted: 0 };
      return sweepDrift(ctx, channel);
    },
    pollPending: () => verdicts.pollDue(),
  };
}

function addSummaries(summaries: readonly RoundSummary[]): RoundSummary {
  const total = emptySummary();
  for (const s of summaries) {
    total.claimed += s.claimed;
    total.pushed += s.pushed;
    total.skipped += s.skipped;
    total.failed += s.failed;
    total.retrying += s.retrying;
  }
  return total;
}
