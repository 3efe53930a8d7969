import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { SyncHistoryTable } from '../db/schema.ts';
import { preparedQuery, slotTuples } from '../db/statement-cache.ts';
import { chunk } from '../shared/chunk.ts';

/** A Sync History row as stored, before it has an id (the cause's detail and the explanation as JSON text). */
export type HistoryRow = Omit<SyncHistoryTable, 'id'>;

const COLUMNS = [
  ['store_id', 'storeId'],
  ['channel_id', 'channelId'],
  ['product_id', 'productId'],
  ['listing_id', 'listingId'],
  ['status', 'status'],
  ['quantity', 'quantity'],
  ['previous_quantity', 'previousQuantity'],
  ['cause_type', 'causeType'],
  ['cause_ref', 'causeRef'],
  ['cause', 'cause'],
  ['explanation', 'explanation'],
  ['error_code', 'errorCode'],
  ['error_message', 'errorMessage'],
  ['attempt', 'attempt'],
  ['seq', 'seq'],
  ['idempotency_key', 'idempotencyKey'],
  ['worker_id', 'workerId'],
  ['pending_handle', 'pendingHandle'],
  ['queued_at', 'queuedAt'],
  ['started_at', 'startedAt'],
  ['finished_at', 'finishedAt'],
  ['created_at', 'createdAt'],
] as const satisfies readonly (readonly [string, keyof HistoryRow])[];

/** Rows per statement: one prepared template per row count up to this (the sync loop writes every round). */
const ROWS_PER_INSERT = 100;

const insertRows = preparedQuery<{ id: number }>((slot, rows) => {
  return sql`insert into sync_history (${sql.raw(COLUMNS.map(([column]) => column).join(', '))})
    values ${slotTuples(slot, 0, rows, COLUMNS.length)} returning id`;
}, ROWS_PER_INSERT);

/**
 * Inserts checked rows and returns their ids in input order. The sync loop records every push (and every
 * skip) here, many per second: the statements are prepared templates, not rebuilt by the query builder.
 */
export async function insertHistoryRows(db: Db, rows: readonly HistoryRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunk(rows, ROWS_PER_INSERT)) {
    const params = part.flatMap((row) => COLUMNS.map(([, key]) => row[key]));
    const inserted = await insertRows(db, part.length, params);
    // Ids are taken in VALUES order on both dialects; RETURNING's own order is not promised.
    ids.push(...inserted.rows.map((r) => r.id).sort((a, b) => a - b));
  }
  return ids;
}
