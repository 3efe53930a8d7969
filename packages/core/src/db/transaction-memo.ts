import type { Db } from './connect.ts';

/**
 * A value worked out once per transaction and reused by later calls in it (e.g. the sync clock's tick).
 * Outside a transaction nothing is kept: autocommit statements are each a transaction of their own.
 *
 * A memo may hold what a statement wrote, and a rolled-back write must not be reused: group commit
 * (transact) calls discardTransactionMemos when it rolls a unit back to its savepoint, and every memo of that
 * transaction is then worked out again. Memos are per Kysely instance, so one derived from the transaction
 * (`withTables`, `withPlugin`) starts empty, which only costs a recomputation.
 */
export interface TransactionMemo<T> {
  get(trx: Db, compute: () => Promise<T>): Promise<T>;
}

const memos: WeakMap<Db, unknown>[] = [];

export function transactionMemo<T>(): TransactionMemo<T> {
  const values = new WeakMap<Db, T>();
  memos.push(values);
  return {
    async get(trx, compute) {
      if (!trx.isTransaction) return compute();
      if (values.has(trx)) return values.get(trx)!;
      const value = await compute();
      values.set(trx, value);
      return value;
    },
  };
}

/** Forgets every memo of the transaction: part of what they were worked out from was rolled back. */
export function discardTransactionMemos(trx: Db): void {
  for (const values of memos) values.delete(trx);
}
