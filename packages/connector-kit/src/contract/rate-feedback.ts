/** The channel's own report of its cost bucket after a call (Shopify `extensions.cost.throttleStatus`). */
export interface CostBucketStatus {
  readonly available: number;
  readonly capacity: number;
  readonly restorePerSec: number;
}

/** What a channel said about a counted quota (BigCommerce `X-Rate-Limit-*`, Etsy `x-remaining-today`). */
export interface QuotaStatus {
  readonly kind: 'fixed-window' | 'daily-quota';
  readonly remaining: number;
  /** Milliseconds until the quota refills, when the channel says. */
  readonly resetInMs?: number;
}

/**
 * What one call taught us about the channel's limits; the pacer corrects its model with it.
 *
 * @example
 * ```ts
 * pacer.observe({ retryAfterMs: 2_000 }); // a 429 with `Retry-After: 2`
 * pacer.observe({ costBucket: { available: 120, capacity: 1000, restorePerSec: 100 } });
 * ```
 */
export interface RateFeedback {
  /** The whole call was refused for this long (429 / throttled); nothing should be sent before it passes. */
  readonly retryAfterMs?: number;
  readonly costBucket?: CostBucketStatus;
  readonly quotas?: readonly QuotaStatus[];
}
