import type { Db } from '../db/connect.ts';
import type { CauseType, SyncStatus } from '../db/schema.ts';
import { type CauseSubject, causeSubjects } from './cause-subjects.ts';
import type { JsonValue } from './json-value.ts';
import type { SyncCause } from './sync-attempt-input.ts';

/** The cause as recorded, with what it names as the merchant knows it (null: names nothing, or it is gone). */
export type SyncHistoryCause = SyncCause & { subject: CauseSubject | null };

/** One Sync History row as the admin shows it: parsed JSON, with the product's SKU/name and channel name. */
export interface SyncHistoryEntry {
  id: number;
  channelId: number;
  channelName: string;
  productId: number;
  sku: string;
  productName: string;
  listingId: number | null;
  status: SyncStatus;
  /** null: the quantity could not be known and nothing was pushed. */
  quantity: number | null;
  previousQuantity: number | null;
  cause: SyncHistoryCause;
  explanation: JsonValue;
  errorCode: string | null;
  errorMessage: string | null;
  attempt: number;
  seq: number;
  idempotencyKey: string | null;
  workerId: string | null;
  /** Feed-style channels: what to poll for the verdict while pending. */
  pendingHandle: string | null;
  queuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  createdAt: number;
}

/** History rows of one store joined with their product and channel; callers add filters, order and limit. */
export function historyQuery(db: Db, storeId: number) {
  return db
    .selectFrom('syncHistory as h')
    .innerJoin('products as p', 'p.id', 'h.productId')
    .innerJoin('channels as c', 'c.id', 'h.channelId')
    .select([
      'h.id',
      'h.channelId',
      'c.name as channelName',
      'h.productId',
      'p.sku',
      'p.name as productName',
      'h.listingId',
      'h.status',
      'h.quantity',
      'h.previousQuantity',
      'h.causeType',
      'h.causeRef',
      'h.cause',
      'h.explanation',
      'h.errorCode',
      'h.errorMessage',
      'h.attempt',
      'h.seq',
      'h.idempotencyKey',
      'h.workerId',
      'h.pendingHandle',
      'h.queuedAt',
      'h.startedAt',
      'h.finishedAt',
      'h.createdAt',
    ])
    .where('h.storeId', '=', storeId);
}

type HistoryRow = Omit<SyncHistoryEntry, 'cause' | 'explanation'> & {
  causeType: CauseType;
  causeRef: string;
  cause: string;
  explanation: string;
};

/** Rows of `historyQuery` as entries, their causes' subjects resolved in one query for all of them. */
export async function toSyncHistoryEntries(
  db: Db,
  storeId: number,
  rows: readonly HistoryRow[],
): Promise<SyncHistoryEntry[]> {
  const subjects = await causeSubjects(
    db,
    storeId,
    rows.map((row) => ({ type: row.causeType, ref: row.causeRef })),
  );
  return rows.map((row, i) => toSyncHistoryEntry(row, subjects[i] ?? null));
}

function toSyncHistoryEntry(row: HistoryRow, subject: CauseSubject | null): SyncHistoryEntry {
  const { causeType, causeRef, cause, explanation, ...rest } = row;
  const coalesced = JSON.parse(cause) as { marks: number; firstMarkedAt: number };
  return {
    ...rest,
    cause: {
      type: causeType,
      ref: causeRef,
      marks: coalesced.marks,
      firstMarkedAt: coalesced.firstMarkedAt,
      subject,
    },
    explanation: JSON.parse(explanation) as JsonValue,
  };
}
