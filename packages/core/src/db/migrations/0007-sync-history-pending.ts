import { type Kysely, sql } from 'kysely';

/**
 * The attempts still waiting for a channel's answer, per pair. Every sync round closes the ones a dead worker
 * left behind for the pairs it claims; through the pair index that meant reading each pair's whole history,
 * which grows by a row per push forever. Only a handful of rows are pending at any time, so a partial index
 * holds just those (queries must say `status = 'pending'` literally for the planner to use it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index sync_history_pending on sync_history (store_id, channel_id, product_id)
    where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sync_history_pending').execute();
}
