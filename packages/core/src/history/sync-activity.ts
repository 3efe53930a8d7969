import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import type { SyncStatus } from '../db/schema.ts';
import { parseInput } from '../validation/parse-input.ts';
import { syncStatuses } from './sync-attempt-input.ts';

/** Most buckets one chart may ask for. */
export const MAX_ACTIVITY_BUCKETS = 2000;

export const syncActivityQuerySchema = z
  .strictObject({
    /** Epoch ms, inclusive: the start of the first bucket. */
    from: z.number().int().nonnegative(),
    /** Epoch ms, exclusive. The last bucket may end after it (it still only counts rows before `to`). */
    to: z.number().int().nonnegative(),
    bucketMs: z.number().int().positive(),
  })
  .superRefine((q, ctx) => {
    if (q.to <= q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    else if (q.bucketMs > 0 && Math.ceil((q.to - q.from) / q.bucketMs) > MAX_ACTIVITY_BUCKETS) {
      ctx.addIssue({
        code: 'custom',
        path: ['bucketMs'],
        message: `too small for this range: at most ${MAX_ACTIVITY_BUCKETS} buckets`,
      });
    }
  });
export type SyncActivityQuery = z.input<typeof syncActivityQuerySchema>;

export interface SyncActivityBucket {
  /** Epoch ms; the bucket covers [start, start + bucketMs). */
  start: number;
  counts: Record<SyncStatus, number>;
  total: number;
}

export interface SyncActivity {
  from: number;
  to: number;
  bucketMs: number;
  /** Every bucket of the range in time order, empty ones included (all counts 0). */
  buckets: SyncActivityBucket[];
}

/**
 * Sync History attempts per time bucket and status, for the dashboard chart. Counted in SQL: bucket =
 * (created_at - from) / bucketMs in integer arithmetic on both dialects, over the (store, created_at) index.
 */
export async function syncActivity(db: Db, storeId: number, query: SyncActivityQuery): Promise<SyncActivity> {
  const { from, to, bucketMs } = parseInput(syncActivityQuerySchema, query, 'sync activity query');
  // Inlined (validated integers): bound JS numbers arrive in SQLite as REAL and the division would not be
  // integral, and PostgreSQL only matches the GROUP BY expression to the select list when the text is equal.
  const bucket = sql<number>`(${sql.ref('h.createdAt')} - ${sql.lit(from)}) / ${sql.lit(bucketMs)}`;
  const rows = await db
    .selectFrom('syncHistory as h')
    .select((eb) => [bucket.as('bucket'), 'h.status', eb.fn.countAll<number>().as('n')])
    .where('h.storeId', '=', storeId)
    .where('h.createdAt', '>=', from)
    .where('h.createdAt', '<', to)
    .groupBy([bucket, 'h.status'])
    .execute();

  const buckets: SyncActivityBucket[] = [];
  for (let start = from; start < to; start += bucketMs) {
    const counts = Object.fromEntries(syncStatuses.map((s) => [s, 0])) as Record<SyncStatus, number>;
    buckets.push({ start, counts, total: 0 });
  }
  for (const row of rows) {
    const target = buckets[Number(row.bucket)]!;
    target.counts[row.status] += Number(row.n);
    target.total += Number(row.n);
  }
  return { from, to, bucketMs, buckets };
}
