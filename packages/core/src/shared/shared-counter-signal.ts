/**
 * A signal between threads: a counter in shared memory. Raising it is an atomic add and a notify, which does
 * nothing unless a thread is waiting, so a raise costs next to nothing (a postMessage costs the sender a copy
 * and the receiver a task). A waiter passes the count it last saw: a raise in between is never missed, and
 * several raises it did not see yet end one wait.
 */
export class SharedCounterSignal {
  /** Passed to the other threads (in workerData, a SharedArrayBuffer is shared, not copied). */
  readonly buffer: SharedArrayBuffer;
  readonly #counter: Int32Array;

  /** `buffer`: another thread's signal to share; default a new one. */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) {
    this.buffer = buffer;
    this.#counter = new Int32Array(buffer);
  }

  /** Raises seen so far: read it before looking at what a raise stands for, then pass it to `waitAfter`. */
  get count(): number {
    return Atomics.load(this.#counter, 0);
  }

  raise(): void {
    Atomics.add(this.#counter, 0, 1);
    Atomics.notify(this.#counter, 0);
  }

  /**
   * Resolves at the first raise after `count` was read (at once if there was one), or after `ms` (default: no
   * limit). Does not block the thread's event loop.
   */
  async waitAfter(count: number, ms?: number): Promise<void> {
    const wait = Atomics.waitAsync(this.#counter, 0, count, ms);
    if (wait.async) await wait.value;
  }
}
