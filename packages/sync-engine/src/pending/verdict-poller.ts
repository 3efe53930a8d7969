import { dialectOf } from '@ballast/core';
import type { EngineContext } from '../round/engine-context.ts';
import { pollChannelVerdicts } from './poll-channel-verdicts.ts';
import { channelsWithDueVerdicts, releaseOrphanedVerdictLeases } from './verdict-queue.ts';
import { addVerdictSummaries, emptyVerdictSummary, type VerdictSummary } from './verdict-summary.ts';

export interface VerdictPoller {
  /** Polls due verdicts in the background until `stop()`. */
  start(): void;
  /** Finishes the pass in progress, then stops. */
  stop(): Promise<void>;
  /** One pass: every due verdict of every active channel, batch by batch. */
  pollDue(): Promise<VerdictSummary>;
}

/** Looks for due verdicts at least this often, so a short poll interval is honoured without a busy loop. */
const MAX_CHECK_GAP_MS = 5_000;

/**
 * The worker's second loop, beside the push lanes: it polls feed-style channels for the verdicts of pushes
 * they accepted. Its state is all in the database (handles, due times, leases), so a restarted or another
 * worker picks up where a dead one stopped. `onRetry` wakes the push loop when a verdict re-marked a pair.
 */
export function createVerdictPoller(ctx: EngineContext, onRetry: () => void): VerdictPoller {
  let running = false;
  let loop: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  const pollDue = async (): Promise<VerdictSummary> => {
    const total = emptyVerdictSummary();
    const channels = await channelsWithDueVerdicts(ctx.db, ctx.now());
    // Channels are independent (own limits, own latency), as for pushes.
    const summaries = await Promise.all(
      channels.map(async (channel) => {
        const summary = emptyVerdictSummary();
        const taken = new Set<number>();
        try {
          // Batch after batch while full ones come back; a failed poll ends the pass for this channel.
          for (;;) {
            const batch = await pollChannelVerdicts(ctx, channel, taken);
            addVerdictSummaries(summary, batch);
            if (!batch.more || batch.pollsFailed > 0) break;
          }
        } catch (error) {
          ctx.logger.error('polling pending results failed', { channelId: channel.id, error: String(error) });
        }
        return summary;
      }),
    );
    for (const summary of summaries) addVerdictSummaries(total, summary);
    if (total.retrying > 0 || total.succeeded > 0) onRetry();
    return total;
  };

  const idle = () =>
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(10, Math.min(ctx.pending.pollIntervalMs, MAX_CHECK_GAP_MS)));
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  return {
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        if (dialectOf(ctx.db) === 'sqlite') await releaseOrphanedVerdictLeases(ctx.db, ctx.workerId);
        while (running) {
          await pollDue().catch((error: unknown) =>
            ctx.logger.error('pending results loop error', { error: String(error) }),
          );
          if (running) await idle();
        }
      })();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
    pollDue,
  };
}
