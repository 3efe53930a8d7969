import type { Logger } from '@ballast/connector-kit';
import type { Db } from '@ballast/core';
import { claimJobLease } from './job-lease.ts';

export interface LeaderTaskOptions {
  db: Db;
  /** The lease's name: one holder per name across every process on the database. */
  name: string;
  /** This process's id. */
  holder: string;
  /** How long a lease lasts without renewal: how soon another process takes over from one that died. */
  ttlMs: number;
  logger: Logger;
  /** Starts the task while this process leads; the returned `stop` ends it when leadership is lost. */
  start(): { stop(): Promise<void> };
}

/**
 * Runs a task in exactly one process of the cluster (a scheduler that must not run twice): each process keeps
 * trying to take the lease, the holder renews it well within `ttlMs`, and the task moves to another process
 * when its holder stops renewing.
 */
export function runAsLeader(options: LeaderTaskOptions): { stop(): Promise<void> } {
  const { db, name, holder, ttlMs, logger } = options;
  let task: { stop(): Promise<void> } | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const check = async () => {
    let leading = false;
    try {
      leading = await claimJobLease(db, name, holder, ttlMs);
    } catch (error) {
      logger.warn(`${name}: could not renew the lease`, { error: String(error) });
    }
    if (stopped) return;
    if (leading && !task) {
      task = options.start();
      logger.info(`${name}: running in this process`, { holder });
    } else if (!leading && task) {
      const lost = task;
      task = undefined;
      await lost.stop();
      logger.info(`${name}: moved to another process`, { holder });
    }
  };
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      inFlight = check().finally(() => {
        if (!stopped) schedule(ttlMs / 3);
      });
    }, delayMs);
    timer.unref();
  };
  schedule(0);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
      await task?.stop();
      task = undefined;
      // Hand over at once rather than after the lease runs out.
      await db
        .withTables<{ jobLeases: { name: string; holder: string; leaseUntil: number } }>()
        .updateTable('jobLeases')
        .set({ leaseUntil: 0 })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .execute()
        .catch(() => {});
    },
  };
}
