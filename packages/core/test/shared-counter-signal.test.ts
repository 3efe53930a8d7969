import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { SharedCounterSignal } from '../src/shared/shared-counter-signal.ts';

/** Whether `promise` settles within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('SharedCounterSignal', () => {
  it('counts raises', () => {
    const signal = new SharedCounterSignal();
    expect(signal.count).toBe(0);
    signal.raise();
    signal.raise();
    expect(signal.count).toBe(2);
  });

  it('ends a wait at once for a raise after the count was read, before the wait began', async () => {
    const signal = new SharedCounterSignal();
    const count = signal.count;
    signal.raise();
    expect(await settlesWithin(signal.waitAfter(count), 100)).toBe(true);
  });

  it('ends a pending wait at the next raise, not before', async () => {
    const signal = new SharedCounterSignal();
    const waiting = signal.waitAfter(signal.count);
    expect(await settlesWithin(waiting, 50)).toBe(false);
    signal.raise();
    expect(await settlesWithin(waiting, 100)).toBe(true);
  });

  it('without a raise, ends the wait after `ms`', async () => {
    const signal = new SharedCounterSignal();
    const start = Date.now();
    await signal.waitAfter(signal.count, 150);
    expect(Date.now() - start).toBeGreaterThanOrEqual(145);
    expect(Date.now() - start).toBeLessThan(1_000);
  });

  it('shares its counter with a signal built on the same buffer', async () => {
    const signal = new SharedCounterSignal();
    const other = new SharedCounterSignal(signal.buffer);
    const waiting = signal.waitAfter(signal.count);
    other.raise();
    expect(await settlesWithin(waiting, 100)).toBe(true);
    expect(signal.count).toBe(1);
  });

  it('ends a wait at a raise from another thread', { timeout: 10_000 }, async () => {
    const signal = new SharedCounterSignal();
    const thread = new Worker(new URL('./support/raise-shared-counter.mjs', import.meta.url), {
      workerData: signal.buffer,
    });
    try {
      await once(thread, 'message');
      // Far longer than the test may take: only the other thread's raise can end it in time.
      const waiting = signal.waitAfter(signal.count, 60_000);
      expect(await settlesWithin(waiting, 50)).toBe(false);
      thread.postMessage('raise');
      expect(await settlesWithin(waiting, 5_000)).toBe(true);
      expect(signal.count).toBe(1);
    } finally {
      await thread.terminate();
    }
  });
});
