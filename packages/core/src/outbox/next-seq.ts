import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { dialectOf } from '../db/dialect.ts';
import { preparedQuery } from '../db/statement-cache.ts';
import { transactionMemo } from '../db/transaction-memo.ts';

// Runs once per ledger change: prepared, not rebuilt each time (see preparedQuery).
const takePostgres = preparedQuery<{ value: number }>(() => sql`select nextval('sync_seq') as value`);
const takeSqlite = preparedQuery<{ value: number }>(
  () => sql`update sequences set value = value + 1 where name = 'sync' returning value`,
);

/**
 * The sync clock's number for the changes of this transaction. Every transaction that marks pairs dirty takes
 * a new one, so a larger number always means "later" and a stale push can be refused by comparing numbers.
 * Marks made in one transaction share its number: nobody outside sees them apart, and on SQLite a group commit
 * then bumps the counter row once rather than once per order.
 */
export function nextSyncSeq(db: Db): Promise<number> {
  return seqOfTransaction.get(db, () => takeSeq(db));
}

const seqOfTransaction = transactionMemo<number>();

async function takeSeq(db: Db): Promise<number> {
  // PostgreSQL has a native sequence (a counter row would serialise every writing transaction); SQLite has
  // one writer anyway and keeps a counter row.
  const take = dialectOf(db) === 'postgres' ? takePostgres : takeSqlite;
  const { rows } = await take(db, 0, []);
  if (rows.length === 0) throw new Error('the sync sequence is missing (was the database migrated?)');
  return Number(rows[0]!.value);
}
