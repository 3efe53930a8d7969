import { DAY_MS, type RateModel, type RateModels, rateModelList } from '../contract/capabilities.ts';
import { type Clock, systemClock } from '../rate/clock.ts';
import { FixedWindowCounter } from '../rate/fixed-window-counter.ts';
import { TokenBucket } from '../rate/token-bucket.ts';

/** What one model has left, for a simulator to report in headers or bodies the way its channel does. */
export interface RateModelState {
  readonly model: RateModel;
  readonly remaining: number;
  /** Milliseconds until a full refill (buckets) or the next window (quotas). */
  readonly resetInMs: number;
}

export type RateDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number; readonly model: RateModel };

/**
 * Enforces rate models on the simulator side, the way the channel would: a call is admitted only if every
 * model has room, and then booked in all of them. Windows are aligned like the channels' (fixed windows
 * from the limiter's start, daily quotas on UTC days).
 */
export interface RateLimiter {
  /** Admits and books a call costing `points` (cost buckets; other models count 1), or says how long to wait. */
  admit(points?: number): RateDecision;
  state(): readonly RateModelState[];
  readonly admitted: number;
  readonly rejected: number;
}

interface Enforcer {
  readonly model: RateModel;
  waitFor(points: number, now: number): number;
  book(points: number, now: number): void;
  state(now: number): RateModelState;
}

export function createRateLimiter(models: RateModels, clock: Clock = systemClock): RateLimiter {
  const enforcers = rateModelList(models).map((model) => enforcerFor(model, clock.now()));
  let admitted = 0;
  let rejected = 0;
  return {
    admit(points = 1) {
      const now = clock.now();
      for (const enforcer of enforcers) {
        const wait = enforcer.waitFor(points, now);
        if (wait > 0) {
          rejected += 1;
          return { allowed: false, retryAfterMs: wait, model: enforcer.model };
        }
      }
      for (const enforcer of enforcers) enforcer.book(points, now);
      admitted += 1;
      return { allowed: true };
    },
    state: () => enforcers.map((e) => e.state(clock.now())),
    get admitted() {
      return admitted;
    },
    get rejected() {
      return rejected;
    },
  };
}

function enforcerFor(model: RateModel, now: number): Enforcer {
  switch (model.kind) {
    case 'token-bucket':
    case 'cost-bucket': {
      const bucket =
        model.kind === 'token-bucket'
          ? new TokenBucket(model.burst, model.ratePerSec, now)
          : new TokenBucket(model.capacity, model.restorePerSec, now);
      const units = (points: number): number => (model.kind === 'token-bucket' ? 1 : points);
      return {
        model,
        waitFor: (points, at) => bucket.delayFor(units(points), at),
        book: (points, at) => bucket.take(units(points), at),
        state: (at) => {
          const level = bucket.level(at);
          return {
            model,
            remaining: level,
            resetInMs: ((bucket.capacity - level) / bucket.refillPerSec) * 1000,
          };
        },
      };
    }
    case 'fixed-window':
    case 'daily-quota': {
      const counter =
        model.kind === 'fixed-window'
          ? new FixedWindowCounter(model.limit, model.windowMs, now)
          : new FixedWindowCounter(model.limit, DAY_MS, 0);
      return {
        model,
        waitFor: (_points, at) => (counter.remaining(at) > 0 ? 0 : counter.resetInMs(at)),
        book: (_points, at) => {
          counter.tryTake(at);
        },
        state: (at) => ({ model, remaining: counter.remaining(at), resetInMs: counter.resetInMs(at) }),
      };
    }
  }
}
