import { createPacer } from '@ballast/connector-kit';
import { createManualClock } from '@ballast/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { LOCATION } from './fixtures.ts';
import { connectToSim, updateOf } from './harness.ts';

/** A Standard shop with a 100-point bucket: one 50-entry write (60 points) leaves 40. */
const SMALL = { restoreRate: 100, bucketSize: 100 } as const;

const variants = [
  { label: 'HTTP 200', sim: { throttledStatus: 200 as const } },
  { label: 'HTTP 429', sim: { throttledStatus: 429 as const } },
  { label: 'HTTP 429 with Retry-After', sim: { throttledStatus: 429 as const, throttledRetryAfter: true } },
];

describe('THROTTLED', () => {
  for (const variant of variants) {
    it(`as ${variant.label}: every item transient \`throttled\`, waiting out the bucket deficit`, async () => {
      const { sim, connection } = await connectToSim(
        { ...SMALL, ...variant.sim },
        { ...SMALL, batchSize: 50 },
      );
      const items = Array.from({ length: 50 }, (_, i) =>
        sim.addItem({ sku: `T-${i}`, levels: { [LOCATION]: 0 } }),
      );
      const batch = items.map((item) => updateOf(item, 1));
      expect((await connection.client.setQuantities(batch)).items.every((r) => r.status === 'ok')).toBe(true);

      const again = items.map((item) => updateOf(item, 2));
      const result = await connection.client.setQuantities(again);
      for (const item of result.items) expect(item).toMatchObject({ status: 'transient', code: 'throttled' });
      const retryAfterMs = result.rateFeedback?.retryAfterMs ?? 0;
      const bucket = result.rateFeedback?.costBucket;
      expect(bucket).toMatchObject({ capacity: 100, restorePerSec: 100 });
      // 60 points asked with `available` left at 100 points/s; a `Retry-After: 1` says longer.
      const deficitMs = Math.ceil(((60 - bucket!.available) / 100) * 1000);
      expect(deficitMs).toBeGreaterThan(0);
      expect(retryAfterMs).toBe(variant.sim.throttledRetryAfter ? Math.max(1_000, deficitMs) : deficitMs);
      expect(result.items[0]).toMatchObject({ retryAfterMs });
      expect(items.every((item) => sim.levelOf(item.id, LOCATION) === 1)).toBe(true);

      // The pacer, told what happened, holds the next call back for at least that long.
      const clock = createManualClock(0);
      const pacer = createPacer(connection.capabilities.rateModel, { clock });
      pacer.observe(result.rateFeedback);
      expect(pacer.delayFor(connection.client.estimateCost!(again))).toBeGreaterThanOrEqual(retryAfterMs);
    });
  }

  it('lookups pace themselves on the reported bucket: many pages, never refused', async () => {
    const { sim, connection } = await connectToSim(
      { restoreRate: 1000, bucketSize: 200 },
      {
        restoreRate: 1000,
        bucketSize: 200,
      },
    );
    const skus = Array.from({ length: 260 }, (_, i) => `L-${i}`);
    sim.seed(skus.map((sku) => ({ sku, quantity: 1 })));
    const matches = await connection.client.lookupListings(skus);
    expect(matches).toHaveLength(260);
    expect(sim.rateLimiter.rejected).toBe(0);
  });

  it('a lookup waits out a THROTTLED answer instead of failing', async () => {
    const { sim, connection } = await connectToSim(
      { restoreRate: 1000, bucketSize: 200 },
      {
        restoreRate: 1000,
        bucketSize: 200,
      },
    );
    sim.seed([{ sku: 'X', quantity: 1 }]);
    // Someone else (the engine's writes) drained the bucket; the connector's own model does not know yet.
    sim.rateLimiter.admit(195);
    const matches = await connection.client.lookupListings(['X']);
    expect(matches.map((m) => m.sku)).toEqual(['X']);
    expect(sim.rateLimiter.rejected).toBe(1);
  });
});
