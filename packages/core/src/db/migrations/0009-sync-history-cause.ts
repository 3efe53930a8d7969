import type { Kysely } from 'kysely';

/**
 * Sync History filtered by what set the pushes in motion, newest first like every other filter: by cause type
 * (several types probe one range each), and by one cause's ref within its type (a sales order's number, a
 * feed's id), which only the second index answers without reading every row of the type.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('sync_history_cause_type')
    .on('sync_history')
    .columns(['store_id', 'cause_type', 'id'])
    .execute();
  await db.schema
    .createIndex('sync_history_cause_ref')
    .on('sync_history')
    .columns(['store_id', 'cause_type', 'cause_ref', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sync_history_cause_ref').execute();
  await db.schema.dropIndex('sync_history_cause_type').execute();
}
