import type { Db } from '../db/connect.ts';
import { transact } from '../db/group-commit.ts';
import { InvalidStateError } from '../errors.ts';
import { chunk } from '../shared/chunk.ts';
import { now } from '../shared/time.ts';
import { finishPendingRows, OUTCOMES_PER_UPDATE } from './finish-history-rows.ts';
import { historyRowOf } from './history-row-of.ts';
import { insertHistoryRows } from './insert-history-rows.ts';
import {
  cutErrorCode,
  cutErrorMessage,
  type SyncAttemptInput,
  type SyncAttemptOutcome,
} from './sync-attempt-input.ts';

// The sync engine records every attempt it makes, dozens per round and many rounds a second, from rows it has
// just read from the store (the claimed pairs, their channel and listings). Parsing each with the schema and
// looking its channel, product and listing up in the store again cost more than writing it. These paths skip
// both; input from anywhere else goes through recordSyncAttempts and finishSyncAttempts.

/**
 * recordSyncAttempts for attempts the caller built from this store's own rows: no schema parse and no store
 * check of the references. Error codes and messages are still cut (MAX_ERROR_CODE, MAX_ERROR_MESSAGE): a
 * connector's overlong code must not fail the round on every retry. The explanation must be JSON.
 * Runs in the caller's transaction when given one.
 */
export async function recordTrustedSyncAttempts<E>(
  db: Db,
  attempts: readonly SyncAttemptInput<E>[],
): Promise<number[]> {
  if (attempts.length === 0) return [];
  const createdAt = now();
  const rows = attempts.map((a, i) => historyRowOf(a, createdAt, ['attempts', i]));
  return transact(db, (trx) => insertHistoryRows(trx, rows));
}

/**
 * finishSyncAttempts for outcomes of attempts the caller recorded itself (ids it was given back, each once):
 * no schema parse and no status read before the write. An attempt that is no longer pending (another worker
 * closed it as interrupted) is still an InvalidStateError, and nothing is written. Error codes and messages are
 * cut. Pending handles are not: connector-kit's guard turns a result with an overlong handle into a failure.
 */
export async function finishTrustedSyncAttempts(
  db: Db,
  outcomes: readonly SyncAttemptOutcome[],
): Promise<void> {
  if (outcomes.length === 0) return;
  const rows = outcomes.map((o) =>
    o.errorCode == null && o.errorMessage == null
      ? o
      : {
          ...o,
          ...(o.errorCode != null && { errorCode: cutErrorCode(o.errorCode) }),
          ...(o.errorMessage != null && { errorMessage: cutErrorMessage(o.errorMessage) }),
        },
  );
  await transact(db, async (trx) => {
    for (const part of chunk(rows, OUTCOMES_PER_UPDATE)) {
      if ((await finishPendingRows(trx, part)) !== part.length) {
        throw new InvalidStateError('a sync attempt was finished by someone else meanwhile');
      }
    }
  });
}
