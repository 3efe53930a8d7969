import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { dialectOf } from '../db/dialect.ts';

/**
 * Takes the next number of the sync clock. Every dirty mark and every push claim takes one, so a larger
 * number always means "later" and a stale push can be refused by comparing numbers.
 */
export async function nextSyncSeq(db: Db): Promise<number> {
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ value: number }>`select nextval('sync_seq') as value`.execute(db);
    return Number(rows[0]!.value);
  }
  const row = await db
    .updateTable('sequences')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'sync')
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}
