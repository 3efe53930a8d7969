/**
 * Tells the SQLite connections of one process, each in its own thread (the API's and the sync loop's), that one
 * of them released the write lock: a counter in shared memory, raised after every COMMIT and ROLLBACK. A
 * transaction that found the lock taken waits for the next raise instead of a fixed pause, so it begins as soon
 * as the holder is done, not up to a timer tick later; with the sync thread taking the lock several times a
 * round, those overshoots held the API's group commits back for about a tenth of the time under load. Holders
 * in other processes (a CLI import, a second `worker`) raise nothing: the pause stays the wait's upper bound.
 */
export class WriteLockRelease {
  readonly #counter: Int32Array;

  /** `buffer`: from createWriteLockReleaseBuffer, the same for every connection of the process. */
  constructor(buffer: SharedArrayBuffer) {
    this.#counter = new Int32Array(buffer);
  }

  /** The count to pass to `waitAfter`, read before trying for the lock (a release in between is not missed). */
  get count(): number {
    return Atomics.load(this.#counter, 0);
  }

  released(): void {
    Atomics.add(this.#counter, 0, 1);
    Atomics.notify(this.#counter, 0);
  }

  /** Resolves at the first release after `count` was read (at once if there was one), or after `ms`. */
  async waitAfter(count: number, ms: number): Promise<void> {
    const wait = Atomics.waitAsync(this.#counter, 0, count, ms);
    if (wait.async) await wait.value;
  }
}

export function createWriteLockReleaseBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}
