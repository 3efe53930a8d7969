import type { CostBucketStatus } from '@ballast/connector-kit';
import type { CostExtension } from './envelope.ts';

/** The cost bucket as the pacer models it, from Shopify's `throttleStatus`. */
export function costBucketOf(cost: CostExtension | undefined): CostBucketStatus | undefined {
  const status = cost?.throttleStatus;
  if (!status || !(status.maximumAvailable > 0) || !(status.restoreRate > 0)) return undefined;
  return {
    available: status.currentlyAvailable,
    capacity: status.maximumAvailable,
    restorePerSec: status.restoreRate,
  };
}

/**
 * How long until the bucket holds what the refused request asked for: its deficit at the restore rate.
 * Without a reported bucket, one second (Shopify's smallest restore rate refills 100 points in that time).
 */
export function throttleWaitMs(cost: CostExtension | undefined): number | undefined {
  const bucket = costBucketOf(cost);
  const requested = cost?.requestedQueryCost;
  if (!bucket || requested == null) return undefined;
  const deficit = Math.max(1, Math.min(requested, bucket.capacity) - bucket.available);
  return Math.ceil((deficit / bucket.restorePerSec) * 1000);
}
