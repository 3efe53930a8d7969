import type { Logger } from '@ballast/connector-kit';
import type { Db } from '@ballast/core';
import { sql } from 'kysely';

/** The PostgreSQL NOTIFY channel on which writers tell sync workers in other processes there is new work. */
export const SYNC_NOTIFY_CHANNEL = 'ballast_sync';

export interface SyncNotifierOptions {
  /** A PostgreSQL database (the process's pool). */
  db: Db;
  logger: Logger;
  /** Writes within this long of each other share one NOTIFY (default 5 ms). */
  coalesceMs?: number;
}

export interface SyncNotifier {
  /** Asks for a NOTIFY soon; returns at once and never throws (the request that wrote is not held up). */
  notify(): void;
  /** Sends what is still waiting, then stops. */
  stop(): Promise<void>;
}

/**
 * Tells the sync workers of other processes (see `startSyncListener`) that pairs were marked dirty. Called
 * after the write committed; the NOTIFY goes out on a timer, off the request, at most one per `coalesceMs`
 * and one at a time. A NOTIFY that fails is logged and dropped: the workers' poll still finds the work.
 */
export function createSyncNotifier(options: SyncNotifierOptions): SyncNotifier {
  const { db, logger, coalesceMs = 5 } = options;
  let timer: NodeJS.Timeout | undefined;
  let sending: Promise<void> | undefined;
  let again = false;
  let failing = false;
  let stopped = false;

  const send = () => {
    timer = undefined;
    sending = sql`select pg_notify(${SYNC_NOTIFY_CHANNEL}, '')`
      .execute(db)
      .then(
        () => {
          if (failing) logger.info('sync notifications are sent again');
          failing = false;
        },
        (error: unknown) => {
          // Once per run of failures: a database outage must not turn every write into a log line.
          if (!failing)
            logger.warn('could not notify the sync workers; they find the work on their next poll', {
              error: String(error),
            });
          failing = true;
        },
      )
      .finally(() => {
        sending = undefined;
        if (again && !stopped) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    timer = setTimeout(send, coalesceMs);
    timer.unref();
  };

  return {
    notify() {
      if (stopped) return;
      // A write during a send gets a NOTIFY of its own after it: the one in flight may predate its commit.
      if (sending) again = true;
      else if (!timer) schedule();
    },
    async stop() {
      stopped = true;
      if (timer) {
        clearTimeout(timer);
        send();
      }
      await sending;
    },
  };
}
