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
 * call), without blocking the thread's event loop. Returns a function that stops listening.
 */
export function listenForWakes(buffer: SharedArrayBuffer, onWake: () => void): () => void {
  const counter = new Int32Array(buffer);
  let listening = true;
  void (async () => {
    let seen = Atomics.load(counter, 0);
    while (listening) {
      const wait = Atomics.waitAsync(counter, 0, seen);
      if (wait.async) await wait.value;
      seen = Atomics.load(counter, 0);
      if (listening) onWake();
    }
  })();
  return () => {
    listening = false;
    // Ends the pending wait (a raise, seen by nobody, to the same effect).
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  };
}
