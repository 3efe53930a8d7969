import { setTimeout as sleep } from 'node:timers/promises';
import { SharedCounterSignal } from '@ballast/core';

/**
 * How the API thread wakes the sync thread: a shared counter signal, whose buffer the thread gets in its
 * workerData. Raising it costs an atomic add and a notify that does nothing unless the sync thread is waiting;
 * a postMessage per write cost the API thread more than the write's own statements. Wakes while the sync
 * thread is busy fold into one: it sees the counter moved when it comes back to wait.
 */
export function createWakeSignal(): SharedCounterSignal {
  return new SharedCounterSignal();
}

/**
 * In the sync thread: calls `onWake` after each raise (several raises while `onWake`'s caller was busy give one
 * call), without blocking the thread's event loop, and at most once per `minGapMs`: raises within the gap
 * give one call at its end. The engine looks for work no more often than that anyway, and a thread not
 * waiting on the counter costs a raise nothing but the atomic add; one waiting costs it a futex wake, and the
 * sync thread a task, per order. Returns a function that stops listening.
 */
export function listenForWakes(buffer: SharedArrayBuffer, onWake: () => void, minGapMs = 0): () => void {
  const wakes = new SharedCounterSignal(buffer);
  let listening = true;
  void (async () => {
    let seen = wakes.count;
    while (listening) {
      await wakes.waitAfter(seen);
      seen = wakes.count;
      if (!listening) break;
      onWake();
      if (minGapMs > 0) await sleep(minGapMs);
    }
  })();
  return () => {
    listening = false;
    // Ends the pending wait (a raise, seen by nobody, to the same effect).
    wakes.raise();
  };
}
