import type { Db } from '../db/connect.ts';
import { markFeedCoverageDirty } from './feed-coverage.ts';

/** A feed found to have turned stale, and how many (product, channel) pairs that marked dirty. */
export interface StaleFeedNotice {
  feedId: number;
  storeId: number;
  name: string;
  marked: number;
}

/**
 * Raises every feed (of every store) that has turned stale since it was last fresh: marks the products it
 * covers dirty, once, so the sync loop computes their balances again, finds them unknown and records the
 * held pushes in Sync History instead of silently keeping the old numbers on the channels. The server's feed
 * scheduler calls it on every tick. Safe to run from several processes: a feed is raised by whichever claims
 * it first, and a snapshot that lands meanwhile wins (the feed is then fresh, nothing to raise).
 *
 * @example
 * for (const notice of await markStaleFeeds(db, Date.now())) log.warn('feed stale', notice);
 */
export async function markStaleFeeds(db: Db, at: number): Promise<StaleFeedNotice[]> {
  const due = await db
    .selectFrom('feeds')
    .select(['id', 'storeId', 'name'])
    .where('staleAt', '<=', at)
    .where('staleNoticedAt', 'is', null)
    .orderBy('id')
    .execute();
  const notices: StaleFeedNotice[] = [];
  for (const feed of due) {
    const marked = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('feeds')
        .set({ staleNoticedAt: at })
        .where('id', '=', feed.id)
        .where('staleAt', '<=', at)
        .where('staleNoticedAt', 'is', null)
        .executeTakeFirst();
      if (claimed.numUpdatedRows === 0n) return null;
      return markFeedCoverageDirty(trx, feed.storeId, feed.id, `feed-stale:${feed.id}`);
    });
    if (marked !== null) notices.push({ feedId: feed.id, storeId: feed.storeId, name: feed.name, marked });
  }
  return notices;
}
