import type { SyncActivityBucket } from '../api/types.ts';

/** One bar of the activity chart: pushes that landed and those that failed, stacked. */
export interface ActivityBar {
  start: number;
  pushes: number;
  failures: number;
  other: number;
}

export function activityBars(buckets: readonly SyncActivityBucket[]): ActivityBar[] {
  return buckets.map((b) => ({
    start: b.start,
    pushes: b.counts.succeeded,
    failures: b.counts.failed,
    other: b.total - b.counts.succeeded - b.counts.failed,
  }));
}

/** A round axis maximum at or above the tallest bar (1, 2, 5 × 10ⁿ), so grid lines land on whole numbers. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (value <= step * magnitude) return step * magnitude;
  }
  return 10 * magnitude;
}

export interface ActivityRange {
  from: number;
  to: number;
  bucketMs: number;
}

const HOUR = 3_600_000;

/** The chart's time range ending now: the last 24 hours by hour, or the last 7 days by 6 hours. */
export function activityRange(span: '24h' | '7d', now: number): ActivityRange {
  const bucketMs = span === '24h' ? HOUR : 6 * HOUR;
  const count = span === '24h' ? 24 : 28;
  // Buckets end on a bucket boundary after now, so the current (partial) bucket is the last bar.
  const to = Math.floor(now / bucketMs) * bucketMs + bucketMs;
  return { from: to - count * bucketMs, to, bucketMs };
}
