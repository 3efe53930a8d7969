import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import type { FeedRunsTable, FeedsTable } from '../db/schema.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { decodeCursor, type Page, toPage } from '../shared/keyset-cursor.ts';
import type { SecretBox } from '../shared/secret-box.ts';
import { now } from '../shared/time.ts';
import { parseInput } from '../validation/parse-input.ts';
import { authAfterUpdate } from './feed-auth-edit.ts';
import { requireSecretBox, sealFeedAuth } from './feed-auth-store.ts';
import { markFeedCoverageDirty } from './feed-coverage.ts';
import {
  type FeedInput,
  type FeedUpdate,
  feedInputSchema,
  feedUpdateSchema,
  STALE_WITHIN_INTERVAL_MESSAGE,
  staleAfterWithinInterval,
} from './feed-input.ts';
import { isStaleAt, staleAtOf } from './feed-staleness.ts';

export type FeedRunStatus = 'applied' | 'failed';

/** An inventory feed: a source of absolute on-hand snapshots, pulled from `url` or pushed to us. */
export interface Feed {
  id: number;
  storeId: number;
  name: string;
  url: string | null;
  intervalMinutes: number | null;
  lastRunAt: number | null;
  lastStatus: FeedRunStatus | null;
  lastError: string | null;
  createdAt: number;
  /** The staleness setting: null = automatic (3 pull intervals when scheduled, else never), 0 = never. */
  staleAfterMinutes: number | null;
  /** The last successful snapshot. */
  lastAppliedAt: number | null;
  /** When the feed turns (or turned) stale without a new snapshot; null = never. */
  staleAt: number | null;
  /** No successful snapshot within the staleness period: the stock it covers is unknown, pushes are held. */
  stale: boolean;
}

/** One application (or failed attempt) of a feed snapshot. */
export interface FeedRun {
  id: number;
  feedId: number;
  status: FeedRunStatus;
  /** Items in the snapshot. */
  rowCount: number;
  /** Positions whose on hand changed. */
  changed: number;
  /** SKUs the snapshot named that the store does not have (never created). */
  unknownSkus: string[];
  error: string | null;
  at: number;
}

export interface FeedWriteOptions {
  /** Seals the feed's credentials (`auth`) for storage; required when there are any. */
  secrets?: SecretBox;
}

/**
 * Registers a feed. Its credentials, if any, are stored sealed by `options.secrets` and never returned (see
 * feedAuthSummaries for what may be shown).
 */
export async function createFeed(
  db: Db,
  storeId: number,
  input: FeedInput,
  options: FeedWriteOptions = {},
): Promise<Feed> {
  const data = parseInput(feedInputSchema, input, 'feed');
  const authCiphertext = data.auth ? sealFeedAuth(requireSecretBox(options.secrets), data.auth) : null;
  await assertStore(db, storeId);
  const settings = {
    url: data.url ?? null,
    intervalMinutes: data.intervalMinutes ?? null,
    staleAfterMinutes: data.staleAfterMinutes ?? null,
    lastAppliedAt: null,
    createdAt: now(),
  };
  const row = await db
    .insertInto('feeds')
    .values({
      storeId,
      name: data.name,
      ...settings,
      lastRunAt: null,
      lastStatus: null,
      lastError: null,
      staleAt: staleAtOf(settings),
      staleNoticedAt: null,
      authCiphertext,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toFeed(row);
}

export const feedListQuerySchema = z.strictObject({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).nullish(),
});
export type FeedListQuery = z.input<typeof feedListQuerySchema>;

/** The store's feeds, oldest first, one keyset page at a time (pass `nextCursor` back as `cursor`). */
export async function listFeeds(db: Db, storeId: number, query: FeedListQuery = {}): Promise<Page<Feed>> {
  const q = parseInput(feedListQuerySchema, query, 'feed query');
  let rows = db.selectFrom('feeds').selectAll().where('storeId', '=', storeId);
  if (q.cursor) rows = rows.where('id', '>', decodeCursor(q.cursor));
  const page = toPage(
    await rows
      .orderBy('id')
      .limit(q.limit + 1)
      .execute(),
    q.limit,
  );
  return { items: page.items.map((row) => toFeed(row)), nextCursor: page.nextCursor };
}

export async function getFeed(db: Db, storeId: number, feedId: number): Promise<Feed> {
  return toFeed(await getFeedRow(db, storeId, feedId));
}

/** The stored row, with what Feed leaves out (when the turn to stale was raised). */
export async function getFeedRow(db: Db, storeId: number, feedId: number): Promise<Selectable<FeedsTable>> {
  const row = await db
    .selectFrom('feeds')
    .selectAll()
    .where('storeId', '=', storeId)
    .where('id', '=', feedId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('feed');
  return row;
}

/**
 * Changes a feed's name, url, interval, staleness setting or credentials; `null` clears url, interval or
 * credentials, or sets the staleness back to automatic. A scheduled feed needs a url. Credentials left out
 * are kept, unless the url moves to another origin (see authAfterUpdate). When the change turns the feed
 * stale or fresh, its products are marked dirty at once: their pushes are held (and recorded) or go out again.
 */
export async function updateFeed(
  db: Db,
  storeId: number,
  feedId: number,
  input: FeedUpdate,
  options: FeedWriteOptions = {},
): Promise<Feed> {
  const data = parseInput(feedUpdateSchema, input, 'feed');
  return db.transaction().execute(async (trx) => {
    const current = await getFeedRow(trx, storeId, feedId);
    const pick = <K extends 'url' | 'intervalMinutes' | 'staleAfterMinutes'>(key: K) =>
      data[key] === undefined ? current[key] : (data[key] as (typeof current)[K]);
    const settings = {
      url: pick('url'),
      intervalMinutes: pick('intervalMinutes'),
      staleAfterMinutes: pick('staleAfterMinutes'),
      lastAppliedAt: current.lastAppliedAt,
      createdAt: current.createdAt,
    };
    if (settings.intervalMinutes !== null && settings.url === null) {
      throw new ValidationError('invalid feed', [
        { path: ['intervalMinutes'], message: 'a scheduled feed needs a url' },
      ]);
    }
    if (staleAfterWithinInterval(settings.staleAfterMinutes, settings.intervalMinutes)) {
      const path = data.staleAfterMinutes === undefined ? 'intervalMinutes' : 'staleAfterMinutes';
      throw new ValidationError('invalid feed', [{ path: [path], message: STALE_WITHIN_INTERVAL_MESSAGE }]);
    }
    const authCiphertext = authAfterUpdate({
      storedCiphertext: current.authCiphertext,
      edit: data.auth,
      storedUrl: current.url,
      url: settings.url,
      secrets: options.secrets,
    });
    const at = now();
    const staleAt = staleAtOf(settings);
    const wasStale = isStaleAt(current.staleAt, at);
    const stale = isStaleAt(staleAt, at);
    if (wasStale !== stale) await markFeedCoverageDirty(trx, storeId, feedId, `feed-settings:${feedId}`);
    const row = await trx
      .updateTable('feeds')
      .set({
        name: data.name ?? current.name,
        url: settings.url,
        intervalMinutes: settings.intervalMinutes,
        staleAfterMinutes: settings.staleAfterMinutes,
        staleAt,
        staleNoticedAt: stale ? (current.staleNoticedAt ?? at) : null,
        authCiphertext,
      })
      .where('id', '=', feedId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toFeed(row, at);
  });
}

/**
 * Deletes a feed and its run history. Movements it caused stay in the ledger (it is append-only). The stock
 * a stale feed held unknown is known again: its products are marked dirty so their pushes go out.
 */
export async function deleteFeed(db: Db, storeId: number, feedId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const feed = await getFeedRow(trx, storeId, feedId);
    if (isStaleAt(feed.staleAt, now()))
      await markFeedCoverageDirty(trx, storeId, feedId, `feed-removed:${feedId}`);
    await trx.deleteFrom('feedCoverage').where('feedId', '=', feedId).execute();
    await trx.deleteFrom('feedRuns').where('feedId', '=', feedId).execute();
    await trx.deleteFrom('feeds').where('id', '=', feedId).execute();
  });
}

/** A feed's runs, newest first. */
export async function listFeedRuns(
  db: Db,
  storeId: number,
  feedId: number,
  options: { limit?: number } = {},
): Promise<FeedRun[]> {
  await getFeed(db, storeId, feedId);
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 500);
  const rows = await db
    .selectFrom('feedRuns')
    .selectAll()
    .where('storeId', '=', storeId)
    .where('feedId', '=', feedId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toFeedRun);
}

/** The feed as of `at` (default now), which decides `stale`. */
export function toFeed(row: Selectable<FeedsTable>, at: number = now()): Feed {
  return {
    id: row.id,
    storeId: row.storeId,
    name: row.name,
    url: row.url,
    intervalMinutes: row.intervalMinutes,
    lastRunAt: row.lastRunAt,
    lastStatus: row.lastStatus as FeedRunStatus | null,
    lastError: row.lastError,
    createdAt: row.createdAt,
    staleAfterMinutes: row.staleAfterMinutes,
    lastAppliedAt: row.lastAppliedAt,
    staleAt: row.staleAt,
    stale: isStaleAt(row.staleAt, at),
  };
}

function toFeedRun(row: Selectable<FeedRunsTable>): FeedRun {
  return {
    id: row.id,
    feedId: row.feedId,
    status: row.status,
    rowCount: row.rowCount,
    changed: row.changed,
    unknownSkus: JSON.parse(row.unknownSkus) as string[],
    error: row.error,
    at: row.at,
  };
}

async function assertStore(db: Db, storeId: number): Promise<void> {
  const store = await db.selectFrom('stores').select('id').where('id', '=', storeId).executeTakeFirst();
  if (!store) throw new NotFoundError('store');
}
