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
  let pairs = trx
    .selectFrom('products as p')
    .innerJoin('channels as c', (join) =>
      join.onRef('c.storeId', '=', 'p.storeId').on('c.status', '=', 'active'),
    )
    .leftJoin('listings as l', (join) =>
      join.onRef('l.channelId', '=', 'c.id').onRef('l.productId', '=', 'p.id'),
    )
    .where('p.storeId', '=', input.storeId)
    .where('p.id', 'in', productIds as readonly number[])
    .where((eb) => eb(eb.fn.coalesce('l.autoSyncOverride', 'p.autoSync'), '=', 1))
    .select((eb) => [
      'p.storeId',
      'c.id as channelId',
      'p.id as productId',
      eb.val(seq).as('seq'),
      eb.val(at).as('firstMarkedAt'),
      eb.val(input.cause.type).as('lastCauseType'),
      eb.val(input.cause.ref).as('lastCauseRef'),
      eb.val(1).as('marks'),
      eb.val(force).as('force'),
      eb.val(0).as('attempts'),
      eb.val(at).as('notBefore'),
    ]);
  if (input.channelId !== undefined) pairs = pairs.where('c.id', '=', input.channelId);

  await trx
    .insertInto('syncDirty')
    .columns([
      'storeId',
      'channelId',
      'productId',
      'seq',
      'firstMarkedAt',
      'lastCauseType',
      'lastCauseRef',
      'marks',
      'force',
      'attempts',
      'notBefore',
    ])
    .expression(pairs)
    // The SELECT always has a WHERE clause, which SQLite needs to parse ON CONFLICT after a join.
    .onConflict((oc) =>
      oc.columns(['channelId', 'productId']).doUpdateSet((eb) => ({
        seq: eb.ref('excluded.seq'),
        lastCauseType: eb.ref('excluded.lastCauseType'),
        lastCauseRef: eb.ref('excluded.lastCauseRef'),
        marks: sql<number>`sync_dirty.marks + 1`,
        force: sql<number>`case when excluded.force = 1 then 1 else sync_dirty.force end`,
      })),
    )
    .execute();
}
