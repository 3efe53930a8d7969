import {
  type Db,
  dueFeeds,
  type Feed,
  type FeedRunResult,
  markStaleFeeds,
  runFeedNow,
  type SecretBox,
  type StaleFeedNotice,
} from '@ballast/core';

export interface FeedSchedulerOptions {
  db: Db;
  /** How often to look for due feeds (each feed's own interval decides whether it runs). */
  intervalMs: number;
  /** Opens the credentials of feeds that have them (the server's secret box). */
  secrets: SecretBox;
  /** The fetch feeds are pulled with (default: the global one). */
  fetch?: typeof fetch;
  /**
   * Called when a run or a stale feed marked products dirty: wakes the sync loops, this process's and (on
   * PostgreSQL, by NOTIFY) every other process's, which would otherwise find the work only by their poll.
   */
  notifySync?: () => void;
  /** Called after each applied run. */
  onApplied?: (run: FeedRunResult, feed: Feed) => void;
  /** Called for each feed found to have turned stale (its products were marked dirty), e.g. to log it. */
  onStale?: (notice: StaleFeedNotice) => void;
  /** Where unexpected errors go (default: console.error); the scheduler itself never throws. */
  logError?: (error: unknown, feed?: Feed) => void;
}

export interface FeedScheduler {
  /** Stops scheduling and waits for the feed being pulled, if any, to finish. */
  stop(): Promise<void>;
}

/**
 * Pulls scheduled feeds: every `intervalMs` (and once at start) asks core for the feeds that are due and
 * runs them one at a time, so one slow feed never overlaps the next tick. A feed whose pull fails records a
 * failed run (core does that); an error of ours is logged and the next tick tries again. Each tick first
 * raises the feeds that have turned stale (any feed, pulled or pushed to): their products are marked dirty,
 * so the sync loop records the held pushes in Sync History.
 *
 * @example
 * const scheduler = startFeedScheduler({ db, intervalMs: 30_000, secrets, notifySync: deps.notifySync });
 * process.on('SIGTERM', () => scheduler.stop());
 */
export function startFeedScheduler(options: FeedSchedulerOptions): FeedScheduler {
  const { db, intervalMs, notifySync, onApplied, onStale } = options;
  const logError =
    options.logError ?? ((error, feed) => console.error('feed scheduler:', feed?.id ?? '', error));
  const runOptions = { secrets: options.secrets, ...(options.fetch && { fetch: options.fetch }) };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  async function tick(): Promise<void> {
    try {
      const notices = await markStaleFeeds(db, Date.now());
      if (notices.some((notice) => notice.marked > 0)) notifySync?.();
      for (const notice of notices) onStale?.(notice);
    } catch (error) {
      logError(error);
    }
    let due: Feed[];
    try {
      due = await dueFeeds(db, Date.now());
    } catch (error) {
      logError(error);
      return;
    }
    for (const feed of due) {
      if (stopped) return;
      try {
        const run = await runFeedNow(db, feed.storeId, feed.id, runOptions);
        if (run.status !== 'applied') continue;
        // Even a run that changed nothing may have made a stale feed fresh, which marks what it covers.
        notifySync?.();
        onApplied?.(run, feed);
      } catch (error) {
        logError(error, feed);
      }
    }
  }

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      // tick catches everything; the catch only guards against a logError that throws itself.
      inFlight = tick()
        .catch(() => {})
        .finally(() => {
          if (!stopped) schedule(intervalMs);
        });
    }, delayMs);
    // The scheduler alone must not keep a process alive that is otherwise done.
    timer.unref();
  }

  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
