import { describe, expect, it } from 'vitest';
import { createPacer } from '../../src/index.ts';
import { createManualClock } from '../../src/testing/index.ts';

/** Acquires `count` times in a row and records when each was granted. */
async function grantTimes(
  count: number,
  acquire: () => Promise<void>,
  clock: ReturnType<typeof createManualClock>,
  stepMs: number,
): Promise<number[]> {
  const times: number[] = [];
  const all = (async () => {
    for (let i = 0; i < count; i++) {
      await acquire();
      times.push(clock.now());
    }
  })();
  while (times.length < count) await clock.advance(stepMs);
  await all;
  return times;
}

describe('createPacer', () => {
  it('token bucket: lets the burst through, then spaces calls at the rate', async () => {
    const clock = createManualClock();
    const pacer = createPacer({ kind: 'token-bucket', ratePerSec: 10, burst: 2 }, { clock, marginMs: 0 });
    const times = await grantTimes(5, () => pacer.acquire(), clock, 10);
    expect(times).toEqual([0, 0, 100, 200, 300]);
  });

  it('adds the margin when it has to wait', async () => {
    const clock = createManualClock();
    const pacer = createPacer({ kind: 'token-bucket', ratePerSec: 10, burst: 1 }, { clock, marginMs: 5 });
    const times = await grantTimes(3, () => pacer.acquire(), clock, 1);
    expect(times).toEqual([0, 105, 210]);
  });

  it('a call from a full bucket is booked when it completes, since the channel spent it no earlier', async () => {
    const clock = createManualClock();
    const pacer = createPacer({ kind: 'token-bucket', ratePerSec: 10, burst: 1 }, { clock, marginMs: 0 });
    await pacer.acquire();
    await clock.advance(40); // the call takes 40 ms: the channel may have counted it only on arrival
    pacer.observe(undefined);
    expect(pacer.delayFor()).toBe(100);
  });

  it('below a full bucket the moment of spending does not matter', async () => {
    const clock = createManualClock();
    const pacer = createPacer({ kind: 'token-bucket', ratePerSec: 10, burst: 3 }, { clock, marginMs: 0 });
    await pacer.acquire();
    pacer.observe(undefined);
    await pacer.acquire();
    await pacer.acquire();
    await clock.advance(40);
    pacer.observe(undefined);
    expect(pacer.delayFor()).toBe(60);
  });

  it('windows count a call from when it completed', async () => {
    const clock = createManualClock();
    const pacer = createPacer({ kind: 'fixed-window', limit: 1, windowMs: 1000 }, { clock, marginMs: 0 });
    await pacer.acquire();
    await clock.advance(300);
    pacer.observe(undefined);
    expect(pacer.delayFor()).toBe(1000);
  });

  it('delayFor reports the wait without booking anything', async () => {
    const clock = createManualClock();
    const pacer = createPacer({ kind: 'token-bucket', ratePerSec: 4, burst: 1 }, { clock });
    expect(pacer.delayFor()).toBe(0);
    expect(pacer.delayFor()).toBe(0);
    await pacer.acquire();
    expect(pacer.delayFor()).toBe(250);
  });

  it('cost bucket: spends points and adopts the level the channel reports', async () => {
    const clock = createManualClock();
    const pacer = createPacer({ kind: 'cost-bucket', capacity: 1000, restorePerSec: 100 }, { clock });
    await pacer.acquire(600);
    expect(pacer.delayFor(600)).toBe(2000);
    // The channel charged less than estimated and says 900 are available.
    pacer.observe({ costBucket: { available: 900, capacity: 1000, restorePerSec: 100 } });
    expect(pacer.delayFor(600)).toBe(0);
    // Another app drained the shared bucket, and the restore rate changed with the plan.
    pacer.observe({ costBucket: { available: 0, capacity: 2000, restorePerSec: 200 } });
    expect(pacer.delayFor(600)).toBe(3000);
  });

  it('cost bucket: a call dearer than the bucket waits for a full bucket, not forever', async () => {
    const clock = createManualClock();
    const pacer = createPacer({ kind: 'cost-bucket', capacity: 100, restorePerSec: 50 }, { clock });
    await pacer.acquire(10);
    expect(pacer.delayFor(500)).toBe(200);
  });

  it('retry-after holds every call back until it has passed', async () => {
    const clock = createManualClock();
    const pacer = createPacer({ kind: 'token-bucket', ratePerSec: 100, burst: 100 }, { clock, marginMs: 0 });
    pacer.observe({ retryAfterMs: 3000 });
    expect(pacer.delayFor()).toBe(3000);
    const times = await grantTimes(2, () => pacer.acquire(), clock, 500);
    expect(times).toEqual([3000, 3000]);
  });

  it('fixed window: never more than `limit` in any window, whatever the alignment', async () => {
    const clock = createManualClock();
    const pacer = createPacer({ kind: 'fixed-window', limit: 3, windowMs: 1000 }, { clock, marginMs: 0 });
    const times = await grantTimes(7, () => pacer.acquire(), clock, 50);
    expect(times).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
  });

  it('quota feedback: an exhausted quota blocks until the reported reset', () => {
    const clock = createManualClock();
    const pacer = createPacer(
      [
        { kind: 'fixed-window', limit: 150, windowMs: 30_000 },
        { kind: 'daily-quota', limit: 5000 },
      ],
      {
        clock,
      },
    );
    pacer.observe({ quotas: [{ kind: 'fixed-window', remaining: 10, resetInMs: 4000 }] });
    expect(pacer.delayFor()).toBe(0);
    pacer.observe({ quotas: [{ kind: 'fixed-window', remaining: 0, resetInMs: 4000 }] });
    expect(pacer.delayFor()).toBe(4000);
    pacer.observe({ quotas: [{ kind: 'daily-quota', remaining: 0 }] });
    expect(pacer.delayFor()).toBe(86_400_000);
  });

  it('daily quota: the limit is spread over a day', async () => {
    const clock = createManualClock();
    const pacer = createPacer({ kind: 'daily-quota', limit: 2 }, { clock });
    await pacer.acquire();
    await pacer.acquire();
    expect(pacer.delayFor()).toBe(86_400_000);
  });

  it('combined models: the strictest one decides', async () => {
    const clock = createManualClock();
    const pacer = createPacer(
      [
        { kind: 'token-bucket', ratePerSec: 10, burst: 10 },
        { kind: 'fixed-window', limit: 2, windowMs: 60_000 },
      ],
      { clock },
    );
    await pacer.acquire();
    await pacer.acquire();
    expect(pacer.delayFor()).toBe(60_000);
  });

  it('serves waiters in arrival order', async () => {
    const clock = createManualClock();
    const pacer = createPacer(
      { kind: 'cost-bucket', capacity: 100, restorePerSec: 10 },
      { clock, marginMs: 0 },
    );
    await pacer.acquire(100);
    const order: string[] = [];
    const big = pacer.acquire(80).then(() => order.push('big'));
    const small = pacer.acquire(5).then(() => order.push('small'));
    for (let i = 0; i < 100 && order.length < 2; i++) await clock.advance(1000);
    await Promise.all([big, small]);
    expect(order).toEqual(['big', 'small']);
  });

  it('an aborted wait rejects and does not block the next caller', async () => {
    const clock = createManualClock();
    const pacer = createPacer({ kind: 'token-bucket', ratePerSec: 1, burst: 1 }, { clock, marginMs: 0 });
    await pacer.acquire();
    const controller = new AbortController();
    const aborted = pacer.acquire(1, { signal: controller.signal });
    await clock.advance(0);
    controller.abort(new Error('shutdown'));
    await expect(aborted).rejects.toThrow('shutdown');
    const next = pacer.acquire();
    await clock.advance(1000);
    await expect(next).resolves.toBeUndefined();
    expect(clock.now()).toBe(1000);
  });
});
