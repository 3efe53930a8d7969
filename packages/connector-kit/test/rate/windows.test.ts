import { describe, expect, it } from 'vitest';
import { FixedWindowCounter, SlidingWindowLog } from '../../src/index.ts';

describe('FixedWindowCounter', () => {
  it('allows `limit` per window and resets at the boundary', () => {
    const counter = new FixedWindowCounter(2, 1000, 0);
    expect(counter.tryTake(100)).toBe(true);
    expect(counter.tryTake(200)).toBe(true);
    expect(counter.tryTake(999)).toBe(false);
    expect(counter.resetInMs(999)).toBe(1);
    expect(counter.tryTake(1000)).toBe(true);
    expect(counter.remaining(1500)).toBe(1);
  });

  it('aligns windows to the origin', () => {
    const counter = new FixedWindowCounter(1, 1000, 250);
    expect(counter.tryTake(1200)).toBe(true);
    expect(counter.tryTake(1249)).toBe(false);
    expect(counter.tryTake(1250)).toBe(true);
  });

  it('with origin 0 and a day-long window counts UTC days', () => {
    const counter = new FixedWindowCounter(1, 86_400_000);
    const lateEvening = Date.UTC(2026, 0, 5, 23, 59);
    expect(counter.tryTake(lateEvening)).toBe(true);
    expect(counter.resetInMs(lateEvening)).toBe(60_000);
    expect(counter.tryTake(Date.UTC(2026, 0, 6, 0, 0))).toBe(true);
  });
});

describe('SlidingWindowLog', () => {
  it('allows `limit` grants in any window-long interval', () => {
    const log = new SlidingWindowLog(3, 1000);
    for (const at of [0, 100, 200]) {
      expect(log.delayFor(at)).toBe(0);
      log.take(at);
    }
    expect(log.delayFor(300)).toBe(700);
    log.take(1000);
    expect(log.delayFor(1000)).toBe(100);
    expect(log.delayFor(1100)).toBe(0);
  });

  it('is never looser than any fixed-window alignment', () => {
    // Grants paced by the log, checked against fixed windows at many offsets.
    const log = new SlidingWindowLog(5, 1000);
    const grants: number[] = [];
    let now = 0;
    while (grants.length < 60) {
      now += 37;
      if (log.delayFor(now) === 0) {
        log.take(now);
        grants.push(now);
      }
    }
    for (let origin = 0; origin < 1000; origin += 50) {
      const counter = new FixedWindowCounter(5, 1000, origin);
      for (const at of grants) expect(counter.tryTake(at)).toBe(true);
    }
  });
});
