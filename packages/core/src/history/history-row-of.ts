import type { HistoryRow } from './insert-history-rows.ts';
import { toJsonText } from './json-value.ts';
import { cutErrorCode, cutErrorMessage, type SyncAttemptInput } from './sync-attempt-input.ts';

/** Where a value sits in the caller's input, for errors. */
export type Path = (string | number)[];

/** The stored row of an attempt (checked or trusted: error codes and messages are cut here either way; the checked path has refused
 * overlong codes already). */
export function historyRowOf<E>(a: SyncAttemptInput<E>, createdAt: number, path: Path): HistoryRow {
  return {
    storeId: a.storeId,
    channelId: a.channelId,
    productId: a.productId,
    listingId: a.listingId ?? null,
    status: a.status,
    quantity: a.quantity,
    previousQuantity: a.previousQuantity ?? null,
    causeType: a.cause.type,
    causeRef: a.cause.ref,
    cause: JSON.stringify({ marks: a.cause.marks, firstMarkedAt: a.cause.firstMarkedAt }),
    explanation: toJsonText(a.explanation, [...path, 'explanation']),
    errorCode: a.errorCode == null ? null : cutErrorCode(a.errorCode),
    errorMessage: a.errorMessage == null ? null : cutErrorMessage(a.errorMessage),
    attempt: a.attempt,
    seq: a.seq,
    idempotencyKey: a.idempotencyKey ?? null,
    workerId: a.workerId ?? null,
    pendingHandle: a.pendingHandle ?? null,
    queuedAt: a.queuedAt,
    startedAt: a.startedAt ?? null,
    finishedAt: a.finishedAt ?? null,
    createdAt,
  };
}
