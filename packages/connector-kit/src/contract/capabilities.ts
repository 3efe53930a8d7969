/** Requests per second with a burst allowance (Amazon, Walmart, Etsy per-second limits). */
export interface TokenBucketModel {
  readonly kind: 'token-bucket';
  readonly ratePerSec: number;
  readonly burst: number;
}

/**
 * Cost points drained per call and restored at a fixed rate (Shopify GraphQL). The channel reports the
 * bucket in every response; the pacer corrects itself from that report.
 */
export interface CostBucketModel {
  readonly kind: 'cost-bucket';
  readonly capacity: number;
  readonly restorePerSec: number;
}

/** At most `limit` calls per window of `windowMs` (BigCommerce: a per-store quota per 30 s). */
export interface FixedWindowModel {
  readonly kind: 'fixed-window';
  readonly limit: number;
  readonly windowMs: number;
}

/** The window of a daily quota. */
export const DAY_MS = 86_400_000;

/** At most `limit` calls per day (eBay, Etsy). */
export interface DailyQuotaModel {
  readonly kind: 'daily-quota';
  readonly limit: number;
}

/**
 * How a channel throttles. Token bucket, fixed window and daily quota count one unit per client call;
 * a cost bucket counts the points the connector estimates for the call (see `ChannelClient.estimateCost`).
 */
export type RateModel = TokenBucketModel | CostBucketModel | FixedWindowModel | DailyQuotaModel;

/** One model, or several that all apply at once (Etsy: 10 per second and 10,000 per day). */
export type RateModels = RateModel | readonly RateModel[];

/**
 * What a channel supports. The engine works around what is missing: no read-back means no drift repair,
 * no compare-and-set means `expectedCurrent` is ignored, and so on.
 *
 * @example
 * ```ts
 * const capabilities: Capabilities = {
 *   maxBatch: 100,
 *   rateModel: [{ kind: 'token-bucket', ratePerSec: 10, burst: 10 }, { kind: 'daily-quota', limit: 10_000 }],
 *   compareAndSet: false,
 *   idempotentWrites: false,
 *   readBack: true,
 *   orderWebhooks: true,
 *   orderPolling: false,
 *   pendingResults: false,
 * };
 * ```
 */
export interface Capabilities {
  /** Most updates one `setQuantities` call accepts; the engine cuts batches at this size. */
  readonly maxBatch: number;
  readonly rateModel: RateModels;
  /** `QuantityUpdate.expectedCurrent` is checked by the channel and a mismatch comes back `stale`. */
  readonly compareAndSet: boolean;
  /** Replaying an update with the same `idempotencyKey` does not apply it twice. */
  readonly idempotentWrites: boolean;
  /** `readQuantities` is implemented. */
  readonly readBack: boolean;
  /** `verifyWebhook` and `parseOrderEvent` are implemented. */
  readonly orderWebhooks: boolean;
  /** `pollOrders` is implemented. */
  readonly orderPolling: boolean;
  /** Results may come back `pending` and `pollPending` resolves them (feed-style APIs). */
  readonly pendingResults: boolean;
}

/** The rate models as a list, whichever form a connector declared. */
export function rateModelList(models: RateModels): readonly RateModel[] {
  return Array.isArray(models) ? models : [models as RateModel];
}
