import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import { dialectOf } from '../db/dialect.ts';
import type { Database, ProductsTable } from '../db/schema.ts';
import { hasNoNul, NO_NUL_MESSAGE } from '../validation/no-nul.ts';
import { parseInput } from '../validation/parse-input.ts';
import { productKindSchema } from './product-input.ts';

/** Most ids one filter may name; larger selections use the other filter fields ("select all N matching"). */
export const MAX_FILTER_IDS = 10_000;

/**
 * Which products a list or a bulk action applies to. Every field narrows the selection (they combine with AND);
 * an empty filter selects every product of the store. Unknown fields are rejected, so a typo can never widen
 * a bulk action to the whole store.
 */
export const productFilterSchema = z.strictObject({
  /**
   * Case-insensitive "contains" on SKU or name. `%` and `_` match themselves. Case folding is ASCII only, on
   * both dialects (SQLite's lower() folds nothing else; PostgreSQL uses the C collation to match it).
   * Blank after trimming = no search.
   */
  q: z.string().trim().max(200).refine(hasNoNul, NO_NUL_MESSAGE).optional(),
  /** The product's own Auto Sync flag (listing overrides are not considered). */
  autoSync: z.boolean().optional(),
  kind: productKindSchema.optional(),
  /** Has a listing on that channel (of this store). */
  channelId: z.number().int().positive().optional(),
  /**
   * - `pending`: a push is owed: a sync_dirty row exists (claimed by a worker or not).
   * - `failed`: on some channel, the product's latest sync history row (highest id for that product and
   *   channel) has status `failed`.
   * - `ok`: neither pending nor failed (also products never synced).
   * With `channelId`, only that channel counts. `pending` and `failed` can overlap (a failed pair that was
   * marked again); `ok` never overlaps either.
   */
  syncStatus: z.enum(['failed', 'pending', 'ok']).optional(),
  /** Only these products; an empty list selects nothing. */
  ids: z.array(z.number().int().positive()).max(MAX_FILTER_IDS).optional(),
});

export type ProductFilter = z.input<typeof productFilterSchema>;
export type ParsedProductFilter = z.output<typeof productFilterSchema>;

/** Validates a filter given on its own; issues get paths under `filter` (e.g. `['filter', 'kind']`). */
export function parseProductFilter(input: ProductFilter | undefined): ParsedProductFilter {
  return parseInput(z.object({ filter: productFilterSchema.default({}) }), { filter: input }, 'filter')
    .filter;
}

/** The query scope every product filter applies to: `products as p` (plus any other table of the schema). */
export type ProductScope = Database & { p: ProductsTable };

/**
 * The WHERE clause for `products as p` that selects exactly the products of `storeId` matching `filter`.
 * Listing, counting and bulk actions all use it, so they always agree on what a filter means.
 */
export function productFilterWhere(db: Db, storeId: number, filter: ParsedProductFilter) {
  const postgres = dialectOf(db) === 'postgres';
  return (eb: ExpressionBuilder<ProductScope, 'p'>): Expression<SqlBool> => {
    const where: Expression<SqlBool>[] = [eb('p.storeId', '=', storeId)];
    const q = filter.q?.trim();
    if (q) {
      const pattern = `%${escapeLike(q)}%`;
      where.push(
        eb.or([containsFolded(postgres, 'sku', pattern), containsFolded(postgres, 'name', pattern)]),
      );
    }
    if (filter.autoSync !== undefined) where.push(eb('p.autoSync', '=', filter.autoSync ? 1 : 0));
    if (filter.kind !== undefined) where.push(eb('p.kind', '=', filter.kind));
    if (filter.channelId !== undefined) {
      where.push(
        eb.exists(
          eb
            .selectFrom('listings as fl')
            .select(sql.lit(1).as('one'))
            .whereRef('fl.productId', '=', 'p.id')
            .where('fl.channelId', '=', filter.channelId)
            .where('fl.storeId', '=', storeId),
        ),
      );
    }
    if (filter.syncStatus === 'pending') where.push(eb('p.id', 'in', pendingProducts(eb, storeId, filter)));
    if (filter.syncStatus === 'failed') where.push(eb('p.id', 'in', failedProducts(eb, storeId, filter)));
    if (filter.syncStatus === 'ok') {
      where.push(eb('p.id', 'not in', pendingProducts(eb, storeId, filter)));
      where.push(eb('p.id', 'not in', failedProducts(eb, storeId, filter)));
    }
    if (filter.ids !== undefined) {
      // `in ()` is not valid SQL; an empty list selects nothing.
      where.push(filter.ids.length > 0 ? eb('p.id', 'in', filter.ids) : sql<SqlBool>`1 = 0`);
    }
    return eb.and(where);
  };
}

/** Escapes LIKE's wildcards (and the escape character itself) so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `lower(column) like lower(pattern)`. PostgreSQL's lower() folds every letter under a linguistic collation;
 * the C collation folds ASCII only, exactly like SQLite's built-in lower(), so both dialects find the same rows.
 */
function containsFolded(postgres: boolean, column: 'sku' | 'name', pattern: string): Expression<SqlBool> {
  const ref = sql.ref(`p.${column}`);
  return postgres
    ? sql<SqlBool>`lower(${ref} collate "C") like lower(${pattern} collate "C") escape '\\'`
    : sql<SqlBool>`lower(${ref}) like lower(${pattern}) escape '\\'`;
}

// Both sets are plain (uncorrelated) subqueries: the database builds each once per statement instead of
// probing sync_dirty (no product index) or sync_history once per product.
function pendingProducts(
  eb: ExpressionBuilder<ProductScope, 'p'>,
  storeId: number,
  filter: ParsedProductFilter,
) {
  let query = eb.selectFrom('syncDirty as fd').select('fd.productId').where('fd.storeId', '=', storeId);
  if (filter.channelId !== undefined) query = query.where('fd.channelId', '=', filter.channelId);
  return query;
}

function failedProducts(
  eb: ExpressionBuilder<ProductScope, 'p'>,
  storeId: number,
  filter: ParsedProductFilter,
) {
  let query = eb
    .selectFrom('syncHistory as fh')
    .select('fh.productId')
    .where('fh.storeId', '=', storeId)
    .where('fh.status', '=', 'failed')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('syncHistory as fn')
            .select(sql.lit(1).as('one'))
            .where('fn.storeId', '=', storeId)
            .whereRef('fn.productId', '=', 'fh.productId')
            .whereRef('fn.channelId', '=', 'fh.channelId')
            .whereRef('fn.id', '>', 'fh.id'),
        ),
      ),
    );
  if (filter.channelId !== undefined) query = query.where('fh.channelId', '=', filter.channelId);
  return query;
}
