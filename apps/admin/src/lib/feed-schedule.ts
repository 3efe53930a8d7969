import type { Feed } from '../api/types.ts';

/**
 * When the server's scheduler pulls the feed next: an interval after its last run (a failed run or a pushed
 * snapshot counts, as in core's dueFeeds), or at once when it never ran; null when it is not scheduled. A time
 * long past means no scheduler is running.
 */
export function nextPullAt(
  feed: Pick<Feed, 'url' | 'intervalMinutes' | 'lastRunAt' | 'createdAt'>,
): number | null {
  if (!feed.url || !feed.intervalMinutes) return null;
  return feed.lastRunAt === null ? feed.createdAt : feed.lastRunAt + feed.intervalMinutes * 60_000;
}
