import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { Clock } from '../rate/clock.ts';

/** A clock that only moves when told, so pacing tests run instantly and exactly. */
export interface ManualClock extends Clock {
  /** Moves time forward, waking every sleeper due on the way in order, and lets their continuations run. */
  advance(ms: number): Promise<void>;
  /** How many sleeps are waiting. */
  readonly sleepers: number;
}

interface Sleeper {
  readonly at: number;
  readonly resolve: () => void;
}

export function createManualClock(start = 0): ManualClock {
  let now = start;
  let sleepers: Sleeper[] = [];

  const settle = async (): Promise<void> => {
    // A macrotask turn lets every promise chain woken so far run to its next await.
    await nextMacrotask();
  };

  return {
    now: () => now,
    get sleepers() {
      return sleepers.length;
    },
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const sleeper: Sleeper = { at: now + Math.max(0, ms), resolve };
        sleepers.push(sleeper);
        signal?.addEventListener(
          'abort',
          () => {
            sleepers = sleepers.filter((s) => s !== sleeper);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    },
    async advance(ms) {
      const target = now + ms;
      await settle();
      for (;;) {
        const due = sleepers.filter((s) => s.at <= target).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        sleepers = sleepers.filter((s) => s !== due);
        now = Math.max(now, due.at);
        due.resolve();
        await settle();
      }
      now = target;
      await settle();
    },
  };
}
