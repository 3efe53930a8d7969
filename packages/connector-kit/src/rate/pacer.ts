import { type RateModel, type RateModels, rateModelList } from '../contract/capabilities.ts';
import type { RateFeedback } from '../contract/rate-feedback.ts';
import { type Clock, systemClock } from './clock.ts';
import { SlidingWindowLog } from './sliding-window-log.ts';
import { TokenBucket } from './token-bucket.ts';

const DAY_MS = 86_400_000;

/**
 * Paces the calls to one channel account so its limits are never hit. Waiting is not an error: `acquire`
 * only resolves later, never rejects (unless its signal aborts).
 *
 * Expected use is one call in flight per channel account (Shopify and BigCommerce ask for it): acquire,
 * call, observe what the channel said.
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
  /** Corrects the model from what the channel reported (cost bucket, quota left, retry-after). */
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
      if (!feedback) return;
      const now = clock.now();
      if (feedback.retryAfterMs !== undefined && feedback.retryAfterMs > 0) {
        blockedUntil = Math.max(blockedUntil, now + feedback.retryAfterMs);
      }
      for (const gate of gates) gate.observe(feedback, now);
    },
  };
}

function gateFor(model: RateModel, now: number): Gate {
  switch (model.kind) {
    case 'token-bucket': {
      const bucket = new TokenBucket(model.burst, model.ratePerSec, now);
      return {
        delayFor: (_points, at) => bucket.delayFor(1, at),
        take: (_points, at) => bucket.take(1, at),
        observe: () => {},
      };
    }
    case 'cost-bucket': {
      const bucket = new TokenBucket(model.capacity, model.restorePerSec, now);
      return {
        // A call dearer than the whole bucket waits for a full bucket rather than forever.
        delayFor: (points, at) => bucket.delayFor(points, at),
        take: (points, at) => bucket.take(Math.min(points, bucket.capacity), at),
        observe: (feedback, at) => {
          const status = feedback.costBucket;
          if (status) bucket.reset(status.available, at, status.capacity, status.restorePerSec);
        },
      };
    }
    case 'fixed-window':
      return windowGate(model.kind, model.limit, model.windowMs);
    case 'daily-quota':
      return windowGate(model.kind, model.limit, DAY_MS);
  }
}

function windowGate(kind: 'fixed-window' | 'daily-quota', limit: number, windowMs: number): Gate {
  const log = new SlidingWindowLog(limit, windowMs);
  let exhaustedUntil = Number.NEGATIVE_INFINITY;
  return {
    delayFor: (_points, at) => Math.max(log.delayFor(at), exhaustedUntil - at),
    take: (_points, at) => log.take(at),
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
