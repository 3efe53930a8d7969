import { type Feed, feedAuthSummaries } from '@ballast/core';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import type { FeedView } from './feed-schema.ts';

/**
 * Feeds as the API shows them: with what may be shown of their credentials (kind, user or header name),
 * opened here with the server's secret box; no secret leaves this function.
 */
export async function feedViews(
  c: Context<AppEnv>,
  storeId: number,
  feeds: readonly Feed[],
): Promise<FeedView[]> {
  const { db, secrets } = c.get('deps');
  const auth = await feedAuthSummaries(
    db,
    storeId,
    feeds.map((feed) => feed.id),
    secrets,
  );
  return feeds.map((feed) => ({ ...feed, auth: auth.get(feed.id) ?? null }));
}

export async function feedView(c: Context<AppEnv>, storeId: number, feed: Feed): Promise<FeedView> {
  const [view] = await feedViews(c, storeId, [feed]);
  return view!;
}
