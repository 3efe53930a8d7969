import { describe, expect, it } from 'vitest';
import { activityBars, activityRange, niceMax } from '../src/lib/activity-chart.ts';

describe('the activity chart', () => {
  it('stacks pushes, failures and the rest per bucket', () => {
    const counts = { pending: 1, succeeded: 5, failed: 2, retrying: 1, skipped: 3 };
    expect(activityBars([{ start: 0, counts, total: 12 }])).toEqual([
      { start: 0, pushes: 5, failures: 2, other: 5 },
    ]);
  });

  it('rounds the axis up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 1, 3, 7, 12, 180, 501].map(niceMax)).toEqual([1, 1, 5, 10, 20, 200, 1000]);
  });

  it('covers the last 24 hours by hour, the current hour last', () => {
    const now = Date.UTC(2024, 5, 10, 8, 30);
    const range = activityRange('24h', now);
    expect(range.bucketMs).toBe(3_600_000);
    expect(range.to).toBe(Date.UTC(2024, 5, 10, 9));
    expect((range.to - range.from) / range.bucketMs).toBe(24);
    expect(activityRange('7d', now).bucketMs).toBe(6 * 3_600_000);
  });
});
