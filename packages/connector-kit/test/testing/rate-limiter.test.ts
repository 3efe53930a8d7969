import { describe, expect, it } from 'vitest';
import { createManualClock, createRateLimiter } from '../../src/testing/index.ts';

describe('createRateLimiter', () => {
  it('token bucket: admits the burst, then says how long to wait', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ kind: 'token-bucket', ratePerSec: 2, burst: 2 }, clock);
    expect(limiter.admit()).toEqual({ allowed: true });
    expect(limiter.admit()).toEqual({ allowed: true });
    expect(limiter.admit()).toMatchObject({ allowed: false, retryAfterMs: 500 });
    await clock.advance(500);
    expect(limiter.admit()).toEqual({ allowed: true });
    expect([limiter.admitted, limiter.rejected]).toEqual([3, 1]);
  });

  it('cost bucket: charges points', () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ kind: 'cost-bucket', capacity: 100, restorePerSec: 50 }, clock);
    expect(limiter.admit(80).allowed).toBe(true);
    expect(limiter.admit(30)).toMatchObject({ allowed: false, retryAfterMs: 200 });
    expect(limiter.state()[0]).toMatchObject({ remaining: 20, resetInMs: 1600 });
  });

  it('fixed window: counts from its start and refills at the boundary', async () => {
    const clock = createManualClock(10_000);
    const limiter = createRateLimiter({ kind: 'fixed-window', limit: 2, windowMs: 30_000 }, clock);
    limiter.admit();
    await clock.advance(29_000);
    limiter.admit();
    expect(limiter.admit()).toMatchObject({ allowed: false, retryAfterMs: 1000 });
    expect(limiter.state()[0]).toMatchObject({ remaining: 0, resetInMs: 1000 });
    await clock.advance(1000);
    expect(limiter.admit().allowed).toBe(true);
  });

  it('daily quota: refills at UTC midnight', async () => {
    const clock = createManualClock(Date.UTC(2026, 4, 1, 23, 0));
    const limiter = createRateLimiter({ kind: 'daily-quota', limit: 1 }, clock);
    limiter.admit();
    expect(limiter.admit()).toMatchObject({ allowed: false, retryAfterMs: 3_600_000 });
    await clock.advance(3_600_000);
    expect(limiter.admit().allowed).toBe(true);
  });

  it('several models: refused by one means booked in none', () => {
    const clock = createManualClock();
    const limiter = createRateLimiter(
      [
        { kind: 'token-bucket', ratePerSec: 10, burst: 10 },
        { kind: 'daily-quota', limit: 1 },
      ],
      clock,
    );
    limiter.admit();
    expect(limiter.admit()).toMatchObject({ allowed: false, model: { kind: 'daily-quota' } });
    expect(limiter.state()[0]?.remaining).toBe(9);
  });
});
