import type { Db } from '@ballast/core';
import type { Kysely } from 'kysely';
import { registerServerMigration } from '../db/server-migrations.ts';

interface JobLeasesTable {
  name: string;
  holder: string;
  leaseUntil: number;
}

registerServerMigration('0004-job-leases', {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('job_leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('lease_until', 'bigint', (c) => c.notNull())
      .execute();
  },
});

/**
 * Claims (or, for its holder, extends) a job for `ttlMs` across every process on the database: true for the
 * one process that holds it, false for the others while the lease runs. A process that dies simply lets its
 * lease expire.
 */
export async function claimJobLease(db: Db, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const now = Date.now();
  const claimed = await db
    .withTables<{ jobLeases: JobLeasesTable }>()
    .insertInto('jobLeases')
    .values({ name, holder, leaseUntil: now + ttlMs })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, leaseUntil: now + ttlMs })
        .where((eb) => eb.or([eb('jobLeases.leaseUntil', '<=', now), eb('jobLeases.holder', '=', holder)])),
    )
    .returning('name')
    .executeTakeFirst();
  return claimed !== undefined;
}
