import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How the API thread wakes the sync thread: a counter in shared memory. Raising it costs an atomic add and a
 * notify that does nothing unless the sync thread is waiting; a postMessage per write cost the API thread
 * more than the write's own statements. Wakes while the sync thread is busy fold into one: it sees the
 * counter moved when it comes back to wait.
 */
export interface WakeSignal {
  /** Passed to the thread in its workerData (a SharedArrayBuffer is shared, not copied). */
  readonly buffer: SharedArrayBuffer;
  raise(): void;
}

export function createWakeSignal(): WakeSignal {
  const buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const counter = new Int32Array(buffer);
  return {
    buffer,
    raise() {
      Atomics.add(counter, 0, 1);
      Atomics.notify(counter, 0);
    },
  };
}

/**
 * In the sync thread: calls `onWake` after each raise (several raises while `onWake`'s caller was busy give one
 * call), without blocking the thread's event loop, and at most once per `minGapMs`: raises within the gap
 * give one call at its end. The engine looks for work no more often than that anyway, and a thread not
 * waiting on the counter costs a raise nothing but the atomic add; one waiting costs it a futex wake, and the
 * sync thread a task, per order. Returns a function that stops listening.
 */
export function listenForWakes(buffer: SharedArrayBuffer, onWake: () => void, minGapMs = 0): () => void {
  const counter = new Int32Array(buffer);
  let listening = true;
  void (async () => {
    let seen = Atomics.load(counter, 0);
    while (listening) {
      const wait = Atomics.waitAsync(counter, 0, seen);
      if (wait.async) await wait.value;
      seen = Atomics.load(counter, 0);
      if (!listening) break;
      onWake();
      if (minGapMs > 0) await sleep(minGapMs);
    }
  })();
  return () => {
    listening = false;
    // Ends the pending wait (a raise, seen by nobody, to the same effect).
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  };
}
