import {
  type Expression,
  type ExpressionBuilder,
  expressionBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { Db } from '../db/connect.ts';
import type { CauseType, Database } from '../db/schema.ts';
import { preparedQuery, slotList } from '../db/statement-cache.ts';
import type { ProductScope } from '../products/product-filter.ts';
import { chunk } from '../shared/chunk.ts';
import { now } from '../shared/time.ts';
import { nextSyncSeq } from './next-seq.ts';

export interface Cause {
  type: CauseType;
  ref: string;
}

/**
 * Product ids as a list; or, for set-based bulk marks, a query selecting a single `id` column, or a condition
 * on `products as p` (the cheapest: no set of ids to build and probe).
 */
export type ProductSelection =
  | readonly number[]
  | SelectQueryBuilder<Database, keyof Database, { id: number }>
  | ProductCondition;

export interface ProductCondition {
  matching: (eb: ExpressionBuilder<ProductScope, 'p'>) => Expression<SqlBool>;
}

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
  /**
   * Count the products' own Auto Sync flag as on (default false): for products being switched on later in the
   * same transaction. Listing overrides still decide.
   */
  turningOn?: boolean;
}

export interface MarkedDirty {
  /** The sync sequence the marks carry (0 when there was nothing to mark). */
  seq: number;
  /** (product, channel) pairs marked, new or already pending. */
  marked: number;
}

/**
 * Marks (product, channel) pairs as needing a push, for every active channel where the product's effective
 * Auto Sync (listing override, else product flag) is on. Must run in the same transaction as the change that
 * caused it: that is what makes a crash between commit and push harmless. Returns the sync sequence used.
 */
export async function markDirty(trx: Db, input: MarkDirtyInput): Promise<number> {
  return (await markDirtyCounted(trx, input)).seq;
}

/** markDirty, also reporting how many pairs it marked (from the statements' own row counts). */
export async function markDirtyCounted(trx: Db, input: MarkDirtyInput): Promise<MarkedDirty> {
  const { products } = input;
  if (Array.isArray(products) && products.length === 0) return { seq: 0, marked: 0 };
  const seq = await nextSyncSeq(trx);
  let marked = 0;
  if (Array.isArray(products)) {
    const ids = [...new Set(products as readonly number[])];
    const includeKits = input.includeKits !== false;
    if (ids.length <= LIST_IDS) {
      // The common case (one ledger operation): one statement that also walks up to containing kits.
      marked = await markListed(trx, input, ids, includeKits, seq);
    } else {
      // Kits are expanded over the whole list first, so a kit is marked once even when its components fall
      // into different chunks.
      const expanded = includeKits ? await withContainingKits(trx, ids) : ids;
      for (const part of chunk(expanded, LIST_IDS)) marked += await markListed(trx, input, part, false, seq);
    }
  } else {
    marked = await markSelected(trx, input, products as Exclude<ProductSelection, readonly number[]>, seq);
  }
  return { seq, marked };
}

/**
 * The products plus every kit that contains any of them, directly or through nested kits. Assemblies are not
 * followed: they have stock of their own, so their balance does not move with their components.
 */
export async function withContainingKits(db: Db, productIds: readonly number[]): Promise<number[]> {
  const result = new Set(productIds);
  let frontier = [...productIds];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const part of chunk(frontier, LIST_IDS)) {
      const { rows } = await parentsOf(db, part.length, part);
      for (const { parentId } of rows) {
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

/** Params: the component ids. */
const parentsOf = preparedQuery<{ parentId: number }>(
  (slot, count) =>
    sql`select pc.parent_id from product_components as pc
      inner join products as kit on kit.id = pc.parent_id and kit.kind = 'kit'
      where pc.component_id in (${slotList(slot, 0, count)})`,
);

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

type ListShape = `${number}:${'kits' | 'flat'}:${'one' | 'all'}:${'flag' | 'on'}`;

/**
 * Params: store, seq, at, cause type, cause ref, force, channel, then the product ids. The ids are looked up
 * by primary key: the unary plus keeps SQLite from choosing the store index (a scan of every product of the
 * store). With kits, a recursive CTE adds every kit (not assembly) containing one of the ids at any depth (UNION drops
 * repeats, so even a corrupted cyclic graph ends) in the same statement: no extra round trip per operation.
 */
const markListedQuery = preparedQuery<never, ListShape>((slot, shape) => {
  const [count, kits, channels, flag] = shape.split(':');
  const ids = slotList(slot, 7, Number(count));
  const onChannel = channels === 'one' ? sql` and c.id = ${slot(6)}` : sql``;
  const withKits =
    kits === 'kits'
      ? sql`with recursive affected (id) as (
          select k.id from products as k where k.id in (${ids})
          union
          select pc.parent_id from product_components as pc inner join affected as a on pc.component_id = a.id
          inner join products as kit on kit.id = pc.parent_id and kit.kind = 'kit'
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
      and coalesce(l.auto_sync_override, ${flag === 'on' ? sql`1` : sql`p.auto_sync`}) = 1${onChannel}
    ${ON_CONFLICT}`;
});

async function markListed(
  trx: Db,
  input: MarkDirtyInput,
  ids: readonly number[],
  includeKits: boolean,
  seq: number,
): Promise<number> {
  const { storeId, cause, force, channelId, turningOn } = input;
  const shape: ListShape = `${ids.length}:${includeKits ? 'kits' : 'flat'}:${channelId === undefined ? 'all' : 'one'}:${turningOn ? 'on' : 'flag'}`;
  const params = [storeId, seq, now(), cause.type, cause.ref, force ? 1 : 0, channelId ?? null, ...ids];
  return Number((await markListedQuery(trx, shape, params)).numAffectedRows ?? 0);
}

/** Marks the products a query or condition selects (bulk changes): built per call, cheap beside the work. */
async function markSelected(
  trx: Db,
  input: MarkDirtyInput,
  products: Exclude<ProductSelection, readonly number[]>,
  seq: number,
): Promise<number> {
  const at = now();
  const force = input.force ? 1 : 0;
  const onChannel = input.channelId === undefined ? sql`` : sql` and c.id = ${input.channelId}`;
  const chosen =
    'matching' in products
      ? products.matching(expressionBuilder<ProductScope, 'p'>())
      : sql`p.id in ${products as SelectQueryBuilder<Database, keyof Database, { id: number }>}`;
  const flag = input.turningOn ? sql`1` : sql`p.auto_sync`;
  const result = await sql`insert into sync_dirty ${COLUMNS}
    select p.store_id, c.id, p.id, ${seq}, ${at}, ${input.cause.type}, ${input.cause.ref}, 1, ${force}, 0, ${at}
    from products as p
    inner join channels as c on c.store_id = p.store_id and c.status = 'active'
    left join listings as l on l.channel_id = c.id and l.product_id = p.id
    where p.store_id = ${input.storeId} and ${chosen}
      and coalesce(l.auto_sync_override, ${flag}) = 1${onChannel}
    ${ON_CONFLICT}`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}
