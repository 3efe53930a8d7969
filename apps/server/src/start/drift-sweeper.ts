import type { Logger } from '@ballast/connector-kit';
import type { Db } from '@ballast/core';
import type { SyncControl } from '../sync/sync-control.ts';
import { claimJobLease } from './job-lease.ts';

export interface DriftSweeperOptions {
  db: Db;
  engine: SyncControl;
  /** Time between sweeps of the whole cluster (every worker tries; one per interval wins the lease). */
  intervalMs: number;
  logger: Logger;
}

export interface DriftSweeper {
  stop(): Promise<void>;
}

/**
 * The slow sweep of the sync loop: reads quantities back from every active channel that supports it and
 * re-marks what drifted (manual edits on the channel, lost writes). With several workers a lease in the
 * database makes one of them sweep per interval.
 */
export function startDriftSweeper(options: DriftSweeperOptions): DriftSweeper {
  const { db, engine, intervalMs, logger } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const sweep = async () => {
    // A little under the interval, so the next sweep is never blocked by this one's lease.
    if (!(await claimJobLease(db, 'drift-sweep', engine.workerId, Math.max(1, intervalMs - 50)))) return;
    const channels = await db.selectFrom('channels').select('id').where('status', '=', 'active').execute();
    for (const { id } of channels) {
      if (stopped) return;
      try {
        const { read, drifted } = await engine.sweepDrift(id);
        if (drifted > 0) logger.info('drift repaired', { channelId: id, read, drifted });
      } catch (error) {
        logger.warn('drift sweep failed', { channelId: id, error: String(error) });
      }
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      inFlight = sweep()
        .catch((error: unknown) => logger.error('drift sweep failed', { error: String(error) }))
        .finally(() => {
          if (!stopped) schedule();
        });
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
