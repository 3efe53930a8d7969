import { SharedCounterSignal } from '../shared/shared-counter-signal.ts';

/**
 * Tells the SQLite connections of one process, each in its own thread (the API's and the sync loop's), that one
 * of them released the write lock: a shared counter signal, raised after every COMMIT and ROLLBACK. A
 * transaction that found the lock taken waits for the next raise instead of a fixed pause, so it begins as soon
 * as the holder is done, not up to a timer tick later; with the sync thread taking the lock several times a
 * round, those overshoots held the API's group commits back for about a tenth of the time under load. Holders
 * in other processes (a CLI import, a second `worker`) raise nothing: the pause stays the wait's upper bound.
 */
export class WriteLockRelease extends SharedCounterSignal {
  /** `ms` is required: a release by another process is never signalled, so every wait needs its bound. */
  override waitAfter(count: number, ms: number): Promise<void> {
    return super.waitAfter(count, ms);
  }
}

/** The buffer to construct every connection's WriteLockRelease with, one per process. */
export function createWriteLockReleaseBuffer(): SharedArrayBuffer {
  return new SharedCounterSignal().buffer;
}
