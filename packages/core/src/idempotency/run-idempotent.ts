import type { Db } from '../db/connect.ts';
import { transact } from '../db/group-commit.ts';
import { ConflictError, IdempotencyKeyReusedError } from '../errors.ts';
import { hashOf } from '../shared/stable-json.ts';
import { now } from '../shared/time.ts';

export interface IdempotencyScope {
  storeId: number;
  /** Client-chosen key; without one the operation simply runs. */
  key?: string | undefined;
  /** Operation name, part of what a replay must match. */
  operation: string;
  /** The request as given; a replay with a different request is refused. */
  request: unknown;
}

/**
 * Runs `work` in one transaction (on SQLite concurrent operations may share its commit: see transact).
 * With an idempotency key, the first run's result is stored in the same transaction; a replay of the key returns that stored result and writes nothing. A run that throws stores
 * nothing, so the key can be retried. Results must be JSON values.
 */
export async function runIdempotent<T>(
  db: Db,
  scope: IdempotencyScope,
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  if (!scope.key) return transact(db, work);
  const key = scope.key;
  const requestHash = hashOf({ operation: scope.operation, request: scope.request });

  return transact(db, async (trx) => {
    // Claiming the key first means a concurrent duplicate (PostgreSQL) waits here until we commit.
    const claimed = await trx
      .insertInto('idempotencyKeys')
      .values({
        storeId: scope.storeId,
        key,
        operation: scope.operation,
        requestHash,
        response: null,
        createdAt: now(),
      })
      .onConflict((oc) => oc.columns(['storeId', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();

    if (!claimed) {
      const first = await trx
        .selectFrom('idempotencyKeys')
        .select(['requestHash', 'response'])
        .where('storeId', '=', scope.storeId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (first.requestHash !== requestHash) throw new IdempotencyKeyReusedError(key);
      if (first.response === null)
        throw new ConflictError(`a request with idempotency key "${key}" is still running`);
      return JSON.parse(first.response) as T;
    }

    const result = await work(trx);
    await trx
      .updateTable('idempotencyKeys')
      .set({ response: JSON.stringify(result ?? null) })
      .where('storeId', '=', scope.storeId)
      .where('key', '=', key)
      .execute();
    return result;
  });
}
