import { type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { CauseType, Database } from '../db/schema.ts';
import { chunk } from '../shared/chunk.ts';
import { now } from '../shared/time.ts';
import { nextSyncSeq } from './next-seq.ts';

export interface Cause {
  type: CauseType;
  ref: string;
}

/** Product ids as a list, or as a query selecting a single `id` column (for set-based bulk marks). */
export type ProductSelection =
  | readonly number[]
  | SelectQueryBuilder<Database, keyof Database, { id: number }>;

export interface MarkDirtyInput {
  storeId: number;
  products: ProductSelection;
  cause: Cause;
  /** Also mark every kit that contains one of the products, at any depth (default true). */
  includeKits?: boolean;
  /** Push even if the channel already shows the value (default false). */
  force?: boolean;
  /** Only this channel (default: every active channel of the store). */
  channelId?: number;
}

/**
 * Marks (product, channel) pairs as needing a push, for every active channel where the product's effective
 * Auto Sync (listing override, else product flag) is on. Must run in the same transaction as the change that
 * caused it: that is what makes a crash between commit and push harmless. Returns the sync sequence used.
 */
export async function markDirty(trx: Db, input: MarkDirtyInput): Promise<number> {
  const { products } = input;
  if (Array.isArray(products) && products.length === 0) return 0;
  const seq = await nextSyncSeq(trx);
  if (Array.isArray(products)) {
    const ids = [...new Set(products as readonly number[])];
    const expanded = input.includeKits === false ? ids : await withContainingKits(trx, ids);
    for (const part of chunk(expanded, 1000)) await insertMarks(trx, input, part, seq);
  } else {
    await insertMarks(trx, input, products as Exclude<ProductSelection, readonly number[]>, seq);
  }
  return seq;
}

/** The products plus every kit that contains any of them, directly or through nested kits. */
export async function withContainingKits(db: Db, productIds: readonly number[]): Promise<number[]> {
  const result = new Set(productIds);
  let frontier = [...productIds];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const part of chunk(frontier, 1000)) {
      const parents = await db
        .selectFrom('productComponents')
        .select('parentId')
        .where('componentId', 'in', part)
        .execute();
      for (const { parentId } of parents) {
        if (!result.has(parentId)) {
          result.add(parentId);
          next.push(parentId);
        }
      }
    }
    frontier = next;
  }
  return [...result];
}

async function insertMarks(
  trx: Db,
  input: MarkDirtyInput,
  productIds: readonly number[] | SelectQueryBuilder<Database, keyof Database, { id: number }>,
  seq: number,
): Promise<void> {
  const at = now();
  const force = input.force ? 1 : 0;
  // A subquery builder compiles with its own parentheses inside a template.
  const ids = Array.isArray(productIds) ? sql`(${sql.join(productIds as readonly number[])})` : productIds;
  const onChannel = input.channelId === undefined ? sql`` : sql` and c.id = ${input.channelId}`;
  // With an id list, the unary plus keeps SQLite from choosing the store index (a scan of every product of
  // the store) over looking the ids up by primary key.
  const storeColumn = Array.isArray(productIds) ? sql`+p.store_id` : sql`p.store_id`;
  // One SQL template rather than the query builder: this runs on every ledger change, and building the same
  // statement with the builder took several times longer than SQLite took to run it (bench/ledger-ops).
  // The SELECT always has a WHERE clause, which SQLite needs to parse ON CONFLICT after a join.
  await sql`insert into sync_dirty (store_id, channel_id, product_id, seq, first_marked_at, last_cause_type,
      last_cause_ref, marks, "force", attempts, not_before)
    select p.store_id, c.id, p.id, ${seq}, ${at}, ${input.cause.type}, ${input.cause.ref}, 1, ${force}, 0, ${at}
    from products as p
    inner join channels as c on c.store_id = p.store_id and c.status = 'active'
    left join listings as l on l.channel_id = c.id and l.product_id = p.id
    where ${storeColumn} = ${input.storeId} and p.id in ${ids}
      and coalesce(l.auto_sync_override, p.auto_sync) = 1${onChannel}
    on conflict (channel_id, product_id) do update set
      seq = excluded.seq,
      last_cause_type = excluded.last_cause_type,
      last_cause_ref = excluded.last_cause_ref,
      marks = sync_dirty.marks + 1,
      "force" = case when excluded."force" = 1 then 1 else sync_dirty."force" end`.execute(trx);
}
