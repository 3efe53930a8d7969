import type { Db } from '../db/connect.ts';
import { type Feed, toFeed } from './feeds.ts';

/**
 * Feeds of every store that have a url and an interval and whose interval has passed since their last run
 * (or that never ran), oldest first. The server's scheduler calls this and then runFeedNow for each, so it
 * is deliberately not scoped to one store. Failed runs count as runs: a broken feed waits its interval too.
 */
export async function dueFeeds(db: Db, now: number): Promise<Feed[]> {
  const rows = await db
    .selectFrom('feeds')
    .selectAll()
    .where('url', 'is not', null)
    .where('intervalMinutes', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('lastRunAt', 'is', null),
        eb(eb('lastRunAt', '+', eb('intervalMinutes', '*', 60_000)), '<=', now),
      ]),
    )
    .orderBy((eb) => eb.fn.coalesce('lastRunAt', eb.val(0)))
    .orderBy('id')
    .execute();
  return rows.map((row) => toFeed(row, now));
}
