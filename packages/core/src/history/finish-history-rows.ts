import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../db/connect.ts';
import type { SyncStatus } from '../db/schema.ts';
import { preparedQuery, slotList } from '../db/statement-cache.ts';
import type { syncAttemptOutcomeSchema } from './sync-attempt-input.ts';

/** A checked outcome: `undefined` keeps the recorded previous quantity or pending handle. */
export type HistoryOutcome = z.output<typeof syncAttemptOutcomeSchema>;

/** Outcomes per statement; one prepared template per count up to this. */
export const OUTCOMES_PER_UPDATE = 200;

/** Params: the ids. */
const selectStatuses = preparedQuery<{ id: number; status: SyncStatus }>(
  (slot, count) => sql`select id, status from sync_history where id in (${slotList(slot, 0, count)})`,
  OUTCOMES_PER_UPDATE,
);

// Per outcome: id, status, error code, error message, keep previous (0/1), previous, keep handle (0/1), handle,
// finished at. The casts give PostgreSQL a type for each value of the VALUES list.
const WIDTH = 9;
const finishPending = preparedQuery<never>((slot, count) => {
  const values = Array.from({ length: count }, (_, r) => {
    const at = (i: number) => slot(r * WIDTH + i);
    return sql`(cast(${at(0)} as bigint), cast(${at(1)} as text), cast(${at(2)} as text), cast(${at(3)} as text),
      cast(${at(4)} as integer), cast(${at(5)} as integer), cast(${at(6)} as integer), cast(${at(7)} as text),
      cast(${at(8)} as bigint))`;
  });
  return sql`with outcome (id, status, error_code, error_message, keep_previous, previous_quantity, keep_handle,
      pending_handle, finished_at) as (values ${sql.join(values)})
    update sync_history set
      status = outcome.status,
      error_code = outcome.error_code,
      error_message = outcome.error_message,
      previous_quantity = case when outcome.keep_previous = 1 then sync_history.previous_quantity
        else outcome.previous_quantity end,
      pending_handle = case when outcome.keep_handle = 1 then sync_history.pending_handle
        else outcome.pending_handle end,
      finished_at = outcome.finished_at
    from outcome
    where sync_history.id = outcome.id and sync_history.status = 'pending'`;
}, OUTCOMES_PER_UPDATE);

/** The recorded status of each id that exists (at most OUTCOMES_PER_UPDATE ids). */
export async function historyStatuses(db: Db, ids: readonly number[]): Promise<Map<number, SyncStatus>> {
  const { rows } = await selectStatuses(db, ids.length, ids);
  return new Map(rows.map((row) => [row.id, row.status]));
}

/**
 * Writes the outcomes of attempts still pending (at most OUTCOMES_PER_UPDATE) in one statement and returns
 * how many it finished. A prepared template: the sync loop finishes every push it makes here.
 */
export async function finishPendingRows(db: Db, outcomes: readonly HistoryOutcome[]): Promise<number> {
  const params = outcomes.flatMap((o) => [
    o.id,
    o.status,
    o.errorCode ?? null,
    o.errorMessage ?? null,
    o.previousQuantity === undefined ? 1 : 0,
    o.previousQuantity ?? null,
    o.pendingHandle === undefined ? 1 : 0,
    o.pendingHandle ?? null,
    o.finishedAt,
  ]);
  const result = await finishPending(db, outcomes.length, params);
  return Number(result.numAffectedRows ?? 0n);
}
