import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import type { FeedRunsTable, FeedsTable } from '../db/schema.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { decodeCursor, type Page, toPage } from '../shared/keyset-cursor.ts';
import { now } from '../shared/time.ts';
import { parseInput } from '../validation/parse-input.ts';
import { type FeedInput, type FeedUpdate, feedInputSchema, feedUpdateSchema } from './feed-input.ts';

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

export async function createFeed(db: Db, storeId: number, input: FeedInput): Promise<Feed> {
  const data = parseInput(feedInputSchema, input, 'feed');
  await assertStore(db, storeId);
  const row = await db
    .insertInto('feeds')
    .values({
      storeId,
      name: data.name,
      url: data.url ?? null,
      intervalMinutes: data.intervalMinutes ?? null,
      lastRunAt: null,
      lastStatus: null,
      lastError: null,
      createdAt: now(),
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
  return { items: page.items.map(toFeed), nextCursor: page.nextCursor };
}

export async function getFeed(db: Db, storeId: number, feedId: number): Promise<Feed> {
  const row = await db
    .selectFrom('feeds')
    .selectAll()
    .where('storeId', '=', storeId)
    .where('id', '=', feedId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('feed');
  return toFeed(row);
}

/** Changes a feed's name, url or interval; `null` clears url or interval. A scheduled feed needs a url. */
export async function updateFeed(db: Db, storeId: number, feedId: number, input: FeedUpdate): Promise<Feed> {
  const data = parseInput(feedUpdateSchema, input, 'feed');
  return db.transaction().execute(async (trx) => {
    const current = await getFeed(trx, storeId, feedId);
    const url = data.url === undefined ? current.url : data.url;
    const intervalMinutes =
      data.intervalMinutes === undefined ? current.intervalMinutes : data.intervalMinutes;
    if (intervalMinutes !== null && url === null) {
      throw new ValidationError('invalid feed', [
        { path: ['intervalMinutes'], message: 'a scheduled feed needs a url' },
      ]);
    }
    const row = await trx
      .updateTable('feeds')
      .set({ name: data.name ?? current.name, url, intervalMinutes })
      .where('id', '=', feedId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toFeed(row);
  });
}

/** Deletes a feed and its run history. Movements it caused stay in the ledger (it is append-only). */
export async function deleteFeed(db: Db, storeId: number, feedId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await getFeed(trx, storeId, feedId);
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

export function toFeed(row: Selectable<FeedsTable>): Feed {
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
