import { type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { CauseType, Database } from '../db/schema.ts';
import { preparedQuery } from '../db/statement-cache.ts';
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
    const includeKits = input.includeKits !== false;
    if (ids.length <= LIST_IDS) {
      // The common case (one ledger operation): one statement that also walks up to containing kits.
      await markListed(trx, input, ids, includeKits, seq);
    } else {
      // Kits are expanded over the whole list first, so a kit is marked once even when its components fall
      // into different chunks.
      const expanded = includeKits ? await withContainingKits(trx, ids) : ids;
      for (const part of chunk(expanded, LIST_IDS)) await markListed(trx, input, part, false, seq);
    }
  } else {
    await markSelected(trx, input, products as Exclude<ProductSelection, readonly number[]>, seq);
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

const LIST_IDS = 1000;

// Shared by both mark statements; the SELECT always has a WHERE clause, which SQLite needs to parse
// ON CONFLICT after a join.
const ON_CONFLICT = sql`on conflict (channel_id, product_id) do update set
      seq = excluded.seq,
      last_cause_type = excluded.last_cause_type,
      last_cause_ref = excluded.last_cause_ref,
      marks = sync_dirty.marks + 1,
      "force" = case when excluded."force" = 1 then 1 else sync_dirty."force" end`;
const COLUMNS = sql`(store_id, channel_id, product_id, seq, first_marked_at, last_cause_type, last_cause_ref,
      marks, "force", attempts, not_before)`;

type ListShape = `${number}:${'kits' | 'flat'}:${'one' | 'all'}`;

/**
 * Params: store, seq, at, cause type, cause ref, force, channel, then the product ids. The ids are looked up
 * by primary key: the unary plus keeps SQLite from choosing the store index (a scan of every product of the
 * store). With kits, a recursive CTE adds every kit containing one of the ids at any depth (UNION drops
 * repeats, so even a corrupted cyclic graph ends) in the same statement: no extra round trip per operation.
 */
const markListedQuery = preparedQuery<never, ListShape>((slot, shape) => {
  const [count, kits, channels] = shape.split(':');
  const ids = sql.join(Array.from({ length: Number(count) }, (_, i) => slot(7 + i)));
  const onChannel = channels === 'one' ? sql` and c.id = ${slot(6)}` : sql``;
  const withKits =
    kits === 'kits'
      ? sql`with recursive affected (id) as (
          select k.id from products as k where k.id in (${ids})
          union
          select pc.parent_id from product_components as pc inner join affected as a on pc.component_id = a.id
        )
        `
      : sql``;
  const chosen = kits === 'kits' ? sql`(select id from affected)` : sql`(${ids})`;
  return sql`${withKits}insert into sync_dirty ${COLUMNS}
    select p.store_id, c.id, p.id, ${slot(1)}, ${slot(2)}, ${slot(3)}, ${slot(4)}, 1, ${slot(5)}, 0, ${slot(2)}
    from products as p
    inner join channels as c on c.store_id = p.store_id and c.status = 'active'
    left join listings as l on l.channel_id = c.id and l.product_id = p.id
    where +p.store_id = ${slot(0)} and p.id in ${chosen}
      and coalesce(l.auto_sync_override, p.auto_sync) = 1${onChannel}
    ${ON_CONFLICT}`;
});

async function markListed(
  trx: Db,
  input: MarkDirtyInput,
  ids: readonly number[],
  includeKits: boolean,
  seq: number,
): Promise<void> {
  const shape: ListShape = `${ids.length}:${includeKits ? 'kits' : 'flat'}:${input.channelId === undefined ? 'all' : 'one'}`;
  const { storeId, cause, force, channelId } = input;
  const params = [storeId, seq, now(), cause.type, cause.ref, force ? 1 : 0, channelId ?? null, ...ids];
  await markListedQuery(trx, shape, params);
}

/** Marks the products a query selects (bulk changes): built per call, its cost is nothing beside the work. */
async function markSelected(
  trx: Db,
  input: MarkDirtyInput,
  productIds: SelectQueryBuilder<Database, keyof Database, { id: number }>,
  seq: number,
): Promise<void> {
  const at = now();
  const force = input.force ? 1 : 0;
  const onChannel = input.channelId === undefined ? sql`` : sql` and c.id = ${input.channelId}`;
  await sql`insert into sync_dirty ${COLUMNS}
    select p.store_id, c.id, p.id, ${seq}, ${at}, ${input.cause.type}, ${input.cause.ref}, 1, ${force}, 0, ${at}
    from products as p
    inner join channels as c on c.store_id = p.store_id and c.status = 'active'
    left join listings as l on l.channel_id = c.id and l.product_id = p.id
    where p.store_id = ${input.storeId} and p.id in ${productIds}
      and coalesce(l.auto_sync_override, p.auto_sync) = 1${onChannel}
    ${ON_CONFLICT}`.execute(trx);
}
