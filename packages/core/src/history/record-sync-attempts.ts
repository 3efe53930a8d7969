import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import { transact } from '../db/group-commit.ts';
import { InvalidStateError, NotFoundError, ValidationError } from '../errors.ts';
import { chunk } from '../shared/chunk.ts';
import { now } from '../shared/time.ts';
import { parseInput } from '../validation/parse-input.ts';
import { finishPendingRows, historyStatuses, OUTCOMES_PER_UPDATE } from './finish-history-rows.ts';
import { historyRowOf, type Path } from './history-row-of.ts';
import { insertHistoryRows } from './insert-history-rows.ts';
import {
  type SyncAttemptInput,
  type SyncAttemptOutcome,
  syncAttemptOutcomeSchema,
  syncAttemptSchema,
} from './sync-attempt-input.ts';

const MAX_BATCH = 10_000;

/**
 * Records one push attempt in Sync History and returns its id. Runs in the caller's transaction when given
 * one. The channel, product and listing must belong to `storeId` (else NotFoundError, nothing written).
 *
 * @example
 * const id = await recordSyncAttempt(trx, { storeId, channelId, productId, status: 'pending', quantity: 5,
 *   cause: { type: 'adjustment', ref: '42', marks: 3, firstMarkedAt }, explanation, attempt: 1, seq,
 *   queuedAt });
 */
export async function recordSyncAttempt<E>(db: Db, attempt: SyncAttemptInput<E>): Promise<number> {
  const [id] = await insertAttempts(db, [attempt], () => []);
  return id!;
}

/** Records many attempts with multi-row inserts, in one transaction; ids come back in input order. */
export async function recordSyncAttempts<E>(
  db: Db,
  attempts: readonly SyncAttemptInput<E>[],
): Promise<number[]> {
  if (!Array.isArray(attempts) || attempts.length > MAX_BATCH) {
    throw new ValidationError('invalid sync attempts', [
      { path: ['attempts'], message: `expected a list of at most ${MAX_BATCH} attempts` },
    ]);
  }
  if (attempts.length === 0) return [];
  return transact(db, (trx) => insertAttempts(trx, attempts, (i) => ['attempts', i]));
}

/**
 * Finishes pending attempts with their outcome, in one transaction, a few statements per 200 attempts.
 * An unknown id is a NotFoundError and an attempt that is not pending an InvalidStateError; either way
 * nothing is written.
 */
export async function finishSyncAttempts(db: Db, outcomes: SyncAttemptOutcome[]): Promise<number> {
  const parsed = parseInput(
    z.object({ attempts: z.array(syncAttemptOutcomeSchema).max(MAX_BATCH) }),
    { attempts: outcomes },
    'sync attempt outcomes',
  ).attempts;
  const seen = new Set<number>();
  parsed.forEach((o, i) => {
    if (seen.has(o.id))
      throw new ValidationError('invalid sync attempt outcomes', [
        { path: ['attempts', i, 'id'], message: 'listed twice' },
      ]);
    seen.add(o.id);
  });
  if (parsed.length === 0) return 0;

  return transact(db, async (trx) => {
    let updated = 0;
    for (const [n, part] of chunk(parsed, OUTCOMES_PER_UPDATE).entries()) {
      await assertPending(
        trx,
        part.map((o) => o.id),
        n * OUTCOMES_PER_UPDATE,
      );
      if ((await finishPendingRows(trx, part)) !== part.length) {
        throw new InvalidStateError('a sync attempt was finished by someone else meanwhile');
      }
      updated += part.length;
    }
    return updated;
  });
}

/** Every id must exist and still be pending; `offset` maps chunk positions back to input positions. */
async function assertPending(trx: Db, ids: number[], offset: number): Promise<void> {
  const statusOf = await historyStatuses(trx, ids);
  ids.forEach((id, i) => {
    const status = statusOf.get(id);
    if (status === undefined) throw new NotFoundError(`sync attempt ${id}`, ['attempts', offset + i, 'id']);
    if (status !== 'pending') {
      throw new InvalidStateError(
        `sync attempt ${id} is already ${status}; only pending attempts can be finished`,
      );
    }
  });
}

async function insertAttempts<E>(
  db: Db,
  attempts: readonly SyncAttemptInput<E>[],
  pathOf: (index: number) => Path,
): Promise<number[]> {
  const createdAt = now();
  const rows = attempts.map((input, i) => historyRowOf(parseAttempt(input, pathOf(i)), createdAt, pathOf(i)));
  await assertReferencesInStore(db, rows, pathOf);
  return insertHistoryRows(db, rows);
}

function parseAttempt<E>(input: SyncAttemptInput<E>, path: Path) {
  const result = syncAttemptSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    'invalid sync attempt',
    result.error.issues.map((issue) => ({
      path: [...path, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')],
      message: issue.message,
    })),
  );
}

interface AttemptRefs {
  storeId: number;
  channelId: number;
  productId: number;
  listingId: number | null;
}

/** Channel, product and listing of every row must be the store's own (one query per kind and store). */
async function assertReferencesInStore(
  db: Db,
  rows: readonly AttemptRefs[],
  pathOf: (index: number) => Path,
): Promise<void> {
  for (const storeId of new Set(rows.map((r) => r.storeId))) {
    const mine = rows.flatMap((row, index) => (row.storeId === storeId ? [{ row, index }] : []));
    const channels = await idsInStore(
      db,
      'channels',
      storeId,
      mine.map((m) => m.row.channelId),
    );
    const products = await idsInStore(
      db,
      'products',
      storeId,
      mine.map((m) => m.row.productId),
    );
    const listingIds = mine.flatMap((m) => (m.row.listingId === null ? [] : [m.row.listingId]));
    const listings = new Map<number, { channelId: number; productId: number }>();
    for (const part of chunk([...new Set(listingIds)], 1000)) {
      const found = await db
        .selectFrom('listings')
        .select(['id', 'channelId', 'productId'])
        .where('storeId', '=', storeId)
        .where('id', 'in', part)
        .execute();
      for (const l of found) listings.set(l.id, l);
    }
    for (const { row, index } of mine) {
      if (!channels.has(row.channelId)) throw new NotFoundError('channel', [...pathOf(index), 'channelId']);
      if (!products.has(row.productId)) throw new NotFoundError('product', [...pathOf(index), 'productId']);
      if (row.listingId === null) continue;
      const listing = listings.get(row.listingId);
      if (!listing) throw new NotFoundError('listing', [...pathOf(index), 'listingId']);
      if (listing.channelId !== row.channelId || listing.productId !== row.productId) {
        throw new ValidationError('invalid sync attempt', [
          {
            path: [...pathOf(index), 'listingId'],
            message: 'the listing belongs to another product or channel',
          },
        ]);
      }
    }
  }
}

async function idsInStore(
  db: Db,
  table: 'channels' | 'products',
  storeId: number,
  ids: readonly number[],
): Promise<Set<number>> {
  const found = new Set<number>();
  for (const part of chunk([...new Set(ids)], 1000)) {
    const rows = await db
      .selectFrom(table)
      .select('id')
      .where('storeId', '=', storeId)
      .where('id', 'in', part)
      .execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}
