import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createWakeSignal, listenForWakes } from '../src/sync/wake-signal.ts';

const turn = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('wake signal', () => {
  it('calls the listener after a raise, folds raises it has not seen yet into one call, and stops', async () => {
    const signal = createWakeSignal();
    let wakes = 0;
    const stop = listenForWakes(signal.buffer, () => wakes++);
    await turn();
    expect(wakes).toBe(0);

    signal.raise();
    signal.raise();
    signal.raise();
    await turn();
    expect(wakes).toBe(1);

    signal.raise();
    await turn();
    expect(wakes).toBe(2);

    stop();
    signal.raise();
    await turn();
    expect(wakes).toBe(2);
  });

  it('calls the listener at most once per gap, the raises within it folded into one call at its end', async () => {
    const signal = createWakeSignal();
    const wakes: number[] = [];
    const start = Date.now();
    const stop = listenForWakes(signal.buffer, () => wakes.push(Date.now() - start), 200);
    try {
      signal.raise();
      await turn();
      expect(wakes).toHaveLength(1);
      signal.raise();
      signal.raise();
      await turn();
      // Inside the gap: nothing yet.
      expect(wakes).toHaveLength(1);
      while (wakes.length < 2 && Date.now() - start < 2_000) await turn();
      expect(wakes).toHaveLength(2);
      expect(wakes[1]! - wakes[0]!).toBeGreaterThanOrEqual(195);
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(wakes).toHaveLength(2);
    } finally {
      stop();
    }
  });

  it('wakes a listener in another thread', { timeout: 10_000 }, async () => {
    const signal = createWakeSignal();
    // A thread that waits on the same counter the way listenForWakes does and reports each wake.
    const thread = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const counter = new Int32Array(workerData);
       (async () => {
         let seen = Atomics.load(counter, 0);
         for (;;) {
           const wait = Atomics.waitAsync(counter, 0, seen);
           if (wait.async) await wait.value;
           seen = Atomics.load(counter, 0);
           parentPort.postMessage(seen);
         }
       })();
       // A pending wait does not keep a thread alive; the sync thread has its timers and connections.
       setInterval(() => {}, 1000);
       parentPort.postMessage('ready');`,
      // No execArgv: the test runner's own loader flags are not for a plain script.
      { eval: true, workerData: signal.buffer, execArgv: [] },
    );
    try {
      const messages: unknown[] = [];
      thread.on('message', (message) => messages.push(message));
      thread.on('error', (error) => messages.push(error));
      while (!messages.includes('ready')) await turn();
      signal.raise();
      while (messages.length < 2) await turn();
      expect(messages).toEqual(['ready', 1]);
    } finally {
      await thread.terminate();
    }
  });
});
