import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as initial from './migrations/0001-initial.ts';
import * as adjustmentLines from './migrations/0002-adjustment-lines.ts';
import * as syncPending from './migrations/0003-sync-pending.ts';
import * as syncDirtyClaimOrder from './migrations/0004-sync-dirty-claim-order.ts';
import * as feedStaleness from './migrations/0005-feed-staleness.ts';
import * as listingLookupMisses from './migrations/0006-listing-lookup-misses.ts';
import * as syncHistoryPending from './migrations/0007-sync-history-pending.ts';
import * as dropSyncDirtyDue from './migrations/0008-drop-sync-dirty-due.ts';
import * as syncHistoryCause from './migrations/0009-sync-history-cause.ts';
import * as feedAuth from './migrations/0010-feed-auth.ts';

/** Migrations are listed here, not read from disk, so a bundled build carries them. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-adjustment-lines': adjustmentLines,
  '0003-sync-pending': syncPending,
  '0004-sync-dirty-claim-order': syncDirtyClaimOrder,
  '0005-feed-staleness': feedStaleness,
  '0006-listing-lookup-misses': listingLookupMisses,
  '0007-sync-history-pending': syncHistoryPending,
  '0008-drop-sync-dirty-due': dropSyncDirtyDue,
  '0009-sync-history-cause': syncHistoryCause,
  '0010-feed-auth': feedAuth,
};

/** Brings the schema up to date. Safe to call on every start; concurrent callers are serialised by Kysely's lock. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
