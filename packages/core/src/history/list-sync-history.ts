import { z } from 'zod';
import { assertRowId, assertRowIds } from '../channels/row-id.ts';
import type { Db } from '../db/connect.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { decodeCursor, type Page, toPage } from '../shared/keyset-cursor.ts';
import { parseInput } from '../validation/parse-input.ts';
import { syncCauseTypes, syncStatuses } from './sync-attempt-input.ts';
import { historyQuery, type SyncHistoryEntry, toSyncHistoryEntries } from './sync-history-entry.ts';

const status = z.enum(syncStatuses);
const causeType = z.enum(syncCauseTypes);
const millis = z.number().int().nonnegative();

export const syncHistoryQuerySchema = z
  .strictObject({
    productId: z.number().int().positive().optional(),
    channelId: z.number().int().positive().optional(),
    /** One status or several. */
    status: z.union([status, z.array(status).min(1).max(syncStatuses.length)]).optional(),
    /** What set the push in motion: one cause type or several. */
    causeType: z.union([causeType, z.array(causeType).min(1).max(syncCauseTypes.length)]).optional(),
    /**
     * The cause's ref, exactly (an order's id, a feed run's id…). Only with a single `causeType`: a ref names
     * something within its type (sales order 1001 is not purchase order 1001).
     */
    causeRef: z.string().min(1).max(500).optional(),
    /** Epoch ms, inclusive, on the time the row was written. */
    from: millis.optional(),
    /** Epoch ms, exclusive. */
    to: millis.optional(),
    limit: z.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).nullish(),
  })
  .refine((q) => q.causeRef === undefined || [q.causeType ?? []].flat().length === 1, {
    path: ['causeRef'],
    message: 'needs exactly one causeType',
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    path: ['to'],
    message: 'must be after from',
  });
export type SyncHistoryQuery = z.input<typeof syncHistoryQuerySchema>;

/**
 * A store's Sync History, newest first, one keyset page at a time (pass `nextCursor` back as `cursor`).
 * Every filter combination is served by an index on (store, filter column, id); the cause ref's index is
 * (store, cause type, cause ref, id), which is why a ref needs its one type.
 *
 * @example
 * const page = await listSyncHistory(db, storeId, { productId, status: ['failed', 'retrying'], limit: 20 });
 */
export async function listSyncHistory(
  db: Db,
  storeId: number,
  query: SyncHistoryQuery = {},
): Promise<Page<SyncHistoryEntry>> {
  const q = parseInput(syncHistoryQuerySchema, query, 'sync history query');
  const before = q.cursor ? decodeCursor(q.cursor) : undefined;
  let rows = historyQuery(db, storeId);
  if (q.productId !== undefined) rows = rows.where('h.productId', '=', q.productId);
  if (q.channelId !== undefined) rows = rows.where('h.channelId', '=', q.channelId);
  if (typeof q.status === 'string') rows = rows.where('h.status', '=', q.status);
  if (Array.isArray(q.status)) rows = rows.where('h.status', 'in', q.status);
  const causeTypes = [q.causeType ?? []].flat();
  // One type is an equality, so that with a ref the (store, type, ref, id) index yields rows in id order.
  if (causeTypes.length === 1) rows = rows.where('h.causeType', '=', causeTypes[0]!);
  if (causeTypes.length > 1) rows = rows.where('h.causeType', 'in', causeTypes);
  if (q.causeRef !== undefined) rows = rows.where('h.causeRef', '=', q.causeRef);
  if (q.from !== undefined) rows = rows.where('h.createdAt', '>=', q.from);
  if (q.to !== undefined) rows = rows.where('h.createdAt', '<', q.to);
  if (before !== undefined) rows = rows.where('h.id', '<', before);
  const found = await rows
    .orderBy('h.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = toPage(found, q.limit);
  return { items: await toSyncHistoryEntries(db, storeId, page.items), nextCursor: page.nextCursor };
}

/** One Sync History row; an id of another store is not found. */
export async function getSyncHistoryEntry(db: Db, storeId: number, id: number): Promise<SyncHistoryEntry> {
  assertRowId(id, 'id');
  const row = await historyQuery(db, storeId).where('h.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('sync history entry', ['id']);
  const [entry] = await toSyncHistoryEntries(db, storeId, [row]);
  return entry!;
}

/** Most ids `getSyncHistoryEntries` takes at once. */
export const MAX_ENTRIES_BY_ID = 500;

/**
 * Sync History rows by id, oldest first, in two queries whatever their number (the rows, their causes'
 * subjects). Ids of another store, or of rows gone with their product, are left out.
 */
export async function getSyncHistoryEntries(
  db: Db,
  storeId: number,
  ids: readonly number[],
): Promise<SyncHistoryEntry[]> {
  assertRowIds(ids, 'ids');
  if (ids.length > MAX_ENTRIES_BY_ID) {
    throw new ValidationError('too many ids', [{ path: ['ids'], message: `at most ${MAX_ENTRIES_BY_ID}` }]);
  }
  if (ids.length === 0) return [];
  const rows = await historyQuery(db, storeId)
    .where('h.id', 'in', [...new Set(ids)])
    .orderBy('h.id')
    .execute();
  return toSyncHistoryEntries(db, storeId, rows);
}
