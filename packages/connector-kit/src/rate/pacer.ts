import { DAY_MS, type RateModel, type RateModels, rateModelList } from '../contract/capabilities.ts';
import type { RateFeedback } from '../contract/rate-feedback.ts';
import { type Clock, systemClock } from './clock.ts';
import { SlidingWindowLog } from './sliding-window-log.ts';
import { TokenBucket } from './token-bucket.ts';

/**
 * Paces the calls to one channel account so its limits are never hit. Waiting is not an error: `acquire`
 * only resolves later, never rejects (unless its signal aborts).
 *
 * Expected use is one call in flight per channel account (Shopify and BigCommerce ask for it): acquire,
 * call, then `observe` as soon as the call completes, with or without feedback. The channel spends our
 * budget somewhere between sending and the answer; booking it at the answer keeps the model at or below
 * the channel's real budget whatever the network latency, so paced calls are never refused.
 *
 * @example
 * ```ts
 * const pacer = createPacer(connection.capabilities.rateModel);
 * await pacer.acquire(client.estimateCost?.(batch) ?? 1);
 * const result = await client.setQuantities(batch);
 * pacer.observe(result.rateFeedback);
 * ```
 */
export interface Pacer {
  /** Waits until a call costing `points` (cost buckets; other models count 1 per call) may go, and books it. */
  acquire(points?: number, options?: { readonly signal?: AbortSignal }): Promise<void>;
  /** Milliseconds `acquire(points)` would wait now: lets the engine defer work instead of blocking a worker. */
  delayFor(points?: number): number;
  /**
   * Marks the last acquired call complete, and corrects the model from what the channel reported (cost
   * bucket, quota left, retry-after). Call it after every call, even without feedback.
   */
  observe(feedback: RateFeedback | undefined): void;
}

export interface PacerOptions {
  readonly clock?: Clock;
  /**
   * Extra wait added whenever the pacer has to wait, so small network jitter cannot make a call arrive a
   * hair before the channel's bucket refilled. Default 2 ms.
   */
  readonly marginMs?: number;
}

/** One model's bookkeeping inside the pacer. */
interface Gate {
  delayFor(points: number, now: number): number;
  take(points: number, now: number): void;
  /** The last call completed at `now`: book its spend at the latest moment the channel can have made it. */
  complete(now: number): void;
  observe(feedback: RateFeedback, now: number): void;
}

export function createPacer(models: RateModels, options: PacerOptions = {}): Pacer {
  const clock = options.clock ?? systemClock;
  const marginMs = options.marginMs ?? 2;
  const gates = rateModelList(models).map((model) => gateFor(model, clock.now()));
  let blockedUntil = Number.NEGATIVE_INFINITY;
  // Acquisitions are served in arrival order, so a large cost bucket request is not starved by small ones.
  let queue: Promise<void> = Promise.resolve();

  const delayFor = (points = 1): number => {
    const now = clock.now();
    let delay = Math.max(0, blockedUntil - now);
    for (const gate of gates) delay = Math.max(delay, gate.delayFor(points, now));
    return delay;
  };

  const waitTurn = async (points: number, signal: AbortSignal | undefined): Promise<void> => {
    for (;;) {
      signal?.throwIfAborted();
      const delay = delayFor(points);
      if (delay === 0) {
        const now = clock.now();
        for (const gate of gates) gate.take(points, now);
        return;
      }
      await clock.sleep(delay + marginMs, signal);
    }
  };

  return {
    acquire(points = 1, acquireOptions = {}) {
      const turn = queue.then(() => waitTurn(points, acquireOptions.signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
    delayFor,
    observe(feedback) {
      const now = clock.now();
      for (const gate of gates) gate.complete(now);
      if (!feedback) return;
      if (feedback.retryAfterMs !== undefined && feedback.retryAfterMs > 0) {
        blockedUntil = Math.max(blockedUntil, now + feedback.retryAfterMs);
      }
      for (const gate of gates) gate.observe(feedback, now);
    },
  };
}

function gateFor(model: RateModel, now: number): Gate {
  switch (model.kind) {
    case 'token-bucket':
      return bucketGate(new TokenBucket(model.burst, model.ratePerSec, now), () => 1, false);
    case 'cost-bucket':
      return bucketGate(new TokenBucket(model.capacity, model.restorePerSec, now), (points) => points, true);
    case 'fixed-window':
      return windowGate(model.kind, model.limit, model.windowMs);
    case 'daily-quota':
      return windowGate(model.kind, model.limit, DAY_MS);
  }
}

/** Token and cost buckets: the same arithmetic, in calls or in points. */
function bucketGate(bucket: TokenBucket, unitsOf: (points: number) => number, reportsLevel: boolean): Gate {
  let lastUnits = 0;
  return {
    // A call dearer than the whole bucket waits for a full bucket rather than forever.
    delayFor: (points, at) => bucket.delayFor(unitsOf(points), at),
    take: (points, at) => {
      lastUnits = Math.min(unitsOf(points), bucket.capacity);
      bucket.take(lastUnits, at);
    },
    complete: (at) => {
      // Only a full bucket makes the moment of spending matter: the refill it would have had is lost. Booked
      // at completion, the bucket holds at most capacity minus that call right now.
      const ceiling = bucket.capacity - lastUnits;
      if (bucket.level(at) > ceiling) bucket.reset(ceiling, at);
      lastUnits = 0;
    },
    observe: (feedback, at) => {
      const status = feedback.costBucket;
      if (reportsLevel && status) bucket.reset(status.available, at, status.capacity, status.restorePerSec);
    },
  };
}

function windowGate(kind: 'fixed-window' | 'daily-quota', limit: number, windowMs: number): Gate {
  const log = new SlidingWindowLog(limit, windowMs);
  let exhaustedUntil = Number.NEGATIVE_INFINITY;
  return {
    delayFor: (_points, at) => Math.max(log.delayFor(at), exhaustedUntil - at),
    take: (_points, at) => log.take(at),
    // The channel counted the call when it arrived, at the latest when it answered.
    complete: (at) => log.retimeLast(at),
    observe: (feedback, at) => {
      for (const quota of feedback.quotas ?? []) {
        // Only an exhausted quota needs action; while units are left the sliding log keeps us under the limit.
        if (quota.kind === kind && quota.remaining <= 0) {
          exhaustedUntil = Math.max(exhaustedUntil, at + (quota.resetInMs ?? windowMs));
        }
      }
    },
  };
}
