import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/testing/index.ts';

describe('createManualClock', () => {
  it('wakes sleepers in time order as it advances', async () => {
    const clock = createManualClock(100);
    const woke: [string, number][] = [];
    void clock.sleep(50).then(() => woke.push(['b', clock.now()]));
    void clock.sleep(20).then(() => woke.push(['a', clock.now()]));
    void clock.sleep(500).then(() => woke.push(['c', clock.now()]));
    expect(clock.sleepers).toBe(3);
    await clock.advance(100);
    expect(woke).toEqual([
      ['a', 120],
      ['b', 150],
    ]);
    expect(clock.now()).toBe(200);
    expect(clock.sleepers).toBe(1);
  });

  it('runs sleeps chained inside the advanced span', async () => {
    const clock = createManualClock();
    let done = -1;
    void (async () => {
      await clock.sleep(10);
      await clock.sleep(10);
      done = clock.now();
    })();
    await clock.advance(25);
    expect(done).toBe(20);
  });

  it('an aborted sleep rejects with the reason', async () => {
    const clock = createManualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(100, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.sleepers).toBe(0);
  });
});
