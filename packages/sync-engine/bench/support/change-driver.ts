import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface DriveResult {
  issued: number;
  /** From the start to the last change's completion. */
  elapsedMs: number;
  /** Changes per second actually made: about the asked rate when the database kept up. */
  achievedPerSec: number;
}

/**
 * Submits `count` changes (or as many as come before `until()` turns true) at `ratePerSec`, paced by the wall
 * clock: change i is due i / rate seconds after the start. Like API requests, changes do not wait for each
 * other: every timer tick submits all that are due, and they queue for the database with the engine's own
 * queries. A tick is a turn of the event loop, so the engine's I/O is never starved by a driver catching up.
 */
export async function driveChanges(options: {
  ratePerSec: number;
  count: number;
  change: (index: number) => Promise<void>;
  until?: () => boolean;
}): Promise<DriveResult> {
  const { ratePerSec, count, change } = options;
  const start = performance.now();
  const inFlight = new Set<Promise<void>>();
  let failed: { error: unknown } | undefined;
  let issued = 0;
  while (issued < count && !options.until?.() && !failed) {
    const due = Math.min(count, Math.floor(((performance.now() - start) * ratePerSec) / 1000) + 1);
    for (; issued < due; issued++) {
      const submitted: Promise<void> = change(issued)
        .catch((error: unknown) => {
          failed ??= { error };
        })
        .finally(() => inFlight.delete(submitted));
      inFlight.add(submitted);
    }
    await sleep(Math.max(1, start + (issued * 1000) / ratePerSec - performance.now()));
  }
  await Promise.all(inFlight);
  if (failed) throw failed.error;
  const elapsedMs = performance.now() - start;
  return { issued, elapsedMs, achievedPerSec: issued / (elapsedMs / 1000) };
}
