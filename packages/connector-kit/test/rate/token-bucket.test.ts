import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/index.ts';

describe('TokenBucket', () => {
  it('starts full and refills continuously up to capacity', () => {
    const bucket = new TokenBucket(4, 2, 0);
    expect(bucket.level(0)).toBe(4);
    bucket.take(4, 0);
    expect(bucket.level(500)).toBe(1);
    expect(bucket.level(10_000)).toBe(4);
  });

  it('says how long until an amount is available', () => {
    const bucket = new TokenBucket(10, 5, 0, 0);
    expect(bucket.delayFor(1, 0)).toBe(200);
    expect(bucket.delayFor(5, 0)).toBe(1000);
    expect(bucket.delayFor(1, 200)).toBe(0);
  });

  it('treats an amount above capacity as a full bucket instead of waiting forever', () => {
    const bucket = new TokenBucket(10, 10, 0, 0);
    expect(bucket.delayFor(50, 0)).toBe(1000);
    expect(bucket.tryTake(50, 1000)).toBe(true);
    expect(bucket.level(1000)).toBe(0);
  });

  it('tryTake refuses without taking when short', () => {
    const bucket = new TokenBucket(2, 1, 0);
    expect(bucket.tryTake(2, 0)).toBe(true);
    expect(bucket.tryTake(1, 0)).toBe(false);
    expect(bucket.level(0)).toBe(0);
  });

  it('take can go into debt that refill repays', () => {
    const bucket = new TokenBucket(10, 10, 0);
    bucket.take(15, 0);
    expect(bucket.level(0)).toBe(-5);
    expect(bucket.delayFor(1, 0)).toBe(600);
  });

  it('reset adopts a reported level, capacity and rate', () => {
    const bucket = new TokenBucket(1000, 100, 0);
    bucket.reset(50, 0, 2000, 200);
    expect(bucket.capacity).toBe(2000);
    expect(bucket.refillPerSec).toBe(200);
    expect(bucket.level(1000)).toBe(250);
  });

  it('rejects a zero capacity or rate', () => {
    expect(() => new TokenBucket(0, 1, 0)).toThrow(RangeError);
    expect(() => new TokenBucket(1, 0, 0)).toThrow(RangeError);
  });
});
