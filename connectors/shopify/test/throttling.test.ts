import { createPacer } from '@ballast/connector-kit';
import { createManualClock } from '@ballast/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { LOCATION } from './fixtures.ts';
import { connectToSim, updateOf } from './harness.ts';

/**
 * A 100-point bucket refilling slowly (20 points/s, below any plan: the reported `throttleStatus` is what the
 * connector goes by), so the deficit outlasts a slow test machine.
 */
const SLOW = { restoreRate: 20, bucketSize: 100 } as const;

const variants = [
  { label: 'HTTP 200', sim: { throttledStatus: 200 as const } },
  { label: 'HTTP 429', sim: { throttledStatus: 429 as const } },
  { label: 'HTTP 429 with Retry-After', sim: { throttledStatus: 429 as const, throttledRetryAfter: true } },
];

describe('THROTTLED', () => {
  for (const variant of variants) {
    it(`as ${variant.label}: every item transient \`throttled\`, waiting out the bucket deficit`, async () => {
      const { sim, connection } = await connectToSim(
        { ...SLOW, ...variant.sim },
        { bucketSize: 100, batchSize: 50 },
      );
      const items = Array.from({ length: 50 }, (_, i) =>
        sim.addItem({ sku: `T-${i}`, levels: { [LOCATION]: 0 } }),
      );
      // The engine's other calls drained the bucket.
      sim.rateLimiter.admit(Math.floor(sim.rateLimiter.state()[0]!.remaining));

      const batch = items.map((item) => updateOf(item, 2));
      const result = await connection.client.setQuantities(batch);
      for (const item of result.items) expect(item).toMatchObject({ status: 'transient', code: 'throttled' });
      const retryAfterMs = result.rateFeedback?.retryAfterMs ?? 0;
      const bucket = result.rateFeedback?.costBucket;
      expect(bucket).toMatchObject({ capacity: 100, restorePerSec: 20 });
      // 60 points asked with `available` left at 20 points/s; a `Retry-After` (whole seconds) may say longer.
      const deficitMs = Math.ceil(((60 - bucket!.available) / 20) * 1000);
      expect(deficitMs).toBeGreaterThan(1_000);
      if (variant.sim.throttledRetryAfter) {
        expect(retryAfterMs).toBeGreaterThanOrEqual(deficitMs);
        expect(retryAfterMs).toBeLessThanOrEqual(deficitMs + 1_000);
      } else {
        expect(retryAfterMs).toBe(deficitMs);
      }
      expect(result.items[0]).toMatchObject({ retryAfterMs });
      expect(items.every((item) => sim.levelOf(item.id, LOCATION) === 0)).toBe(true);

      // The pacer, told what happened, holds the next call back for at least that long.
      const clock = createManualClock(0);
      const pacer = createPacer(connection.capabilities.rateModel, { clock });
      pacer.observe(result.rateFeedback);
      expect(pacer.delayFor(connection.client.estimateCost!(batch))).toBeGreaterThanOrEqual(retryAfterMs);
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
      { restoreRate: 100, bucketSize: 200 },
      {
        restoreRate: 100,
        bucketSize: 200,
      },
    );
    const skus = Array.from({ length: 40 }, (_, i) => `W-${i}`);
    sim.seed(skus.map((sku) => ({ sku, quantity: 1 })));
    // The engine's writes drained the bucket; the connector's own model does not know yet. The page costs
    // 2 + 40 x 3 = 122 points: about 1.2 s of refill.
    sim.rateLimiter.admit(200);
    const matches = await connection.client.lookupListings(skus);
    expect(matches).toHaveLength(40);
    expect(sim.rateLimiter.rejected).toBe(1);
  });
});
