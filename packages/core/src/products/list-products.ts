import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import type { ProductKind } from '../db/schema.ts';
import { ValidationError } from '../errors.ts';
import { hasNoNul } from '../validation/no-nul.ts';
import { parseInput } from '../validation/parse-input.ts';
import {
  type ParsedProductFilter,
  type ProductFilter,
  parseProductFilter,
  productFilterSchema,
  productFilterWhere,
} from './product-filter.ts';

export type ProductSort = 'sku' | 'name' | 'createdAt' | 'id';
export type SortDirection = 'asc' | 'desc';

export const listProductsOptionsSchema = z.strictObject({
  filter: productFilterSchema.default({}),
  sort: z.enum(['sku', 'name', 'createdAt', 'id']).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(500).default(50),
  /** `nextCursor` of the previous page, with the same sort and direction. */
  cursor: z.string().max(4000).nullish(),
  /** Also count every matching product (one more query; see `countProducts`). */
  includeTotal: z.boolean().default(false),
});
export type ListProductsOptions = z.input<typeof listProductsOptionsSchema>;

/** One row of the product list. Quantities are summed over every location of the store. */
export interface ProductListItem {
  id: number;
  sku: string;
  name: string;
  kind: ProductKind;
  autoSync: boolean;
  /** null for kits: a kit has no stock of its own, its balance is computed from its components elsewhere. */
  onHand: number | null;
  committed: number | null;
  /** on hand - committed; null for kits. */
  available: number | null;
  createdAt: number;
}

export interface ProductList {
  items: ProductListItem[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Number of products matching the filter, when `includeTotal` was asked for. */
  total?: number;
}

/**
 * One page of a store's products, keyset-paginated on (sort key, id) so that page 20,000 costs the same as
 * page 1. The cursor is opaque and tied to the sort and direction it was made with.
 *
 * @example
 * const first = await listProducts(db, storeId, { filter: { q: 'mug' }, sort: 'sku' });
 * const second = await listProducts(db, storeId, { filter: { q: 'mug' }, sort: 'sku', cursor: first.nextCursor });
 */
export async function listProducts(
  db: Db,
  storeId: number,
  options: ListProductsOptions = {},
): Promise<ProductList> {
  const opts = parseInput(listProductsOptionsSchema, options, 'product list options');
  const after = opts.cursor ? decodeProductCursor(opts.cursor, opts.sort, opts.direction) : undefined;
  const column = `p.${opts.sort}` as const;
  const comparison = opts.direction === 'asc' ? '>' : '<';

  let query = db
    .selectFrom('products as p')
    .select(['p.id', 'p.sku', 'p.name', 'p.kind', 'p.autoSync', 'p.createdAt'])
    .where(productFilterWhere(db, storeId, opts.filter));
  if (after !== undefined) {
    query =
      opts.sort === 'id'
        ? query.where('p.id', comparison, after.id)
        : query.where((eb) => eb(eb.refTuple(column, 'p.id'), comparison, eb.tuple(after.key, after.id)));
  }
  if (opts.sort !== 'id') query = query.orderBy(column, opts.direction);
  const rows = await query
    .orderBy('p.id', opts.direction)
    .limit(opts.limit + 1)
    .execute();

  const page = rows.slice(0, opts.limit);
  const stock = await stockOf(
    db,
    page.filter((row) => row.kind !== 'kit').map((row) => row.id),
  );
  const items = page.map((row): ProductListItem => {
    const own = row.kind === 'kit' ? null : (stock.get(row.id) ?? { onHand: 0, committed: 0 });
    return {
      id: row.id,
      sku: row.sku,
      name: row.name,
      kind: row.kind,
      autoSync: row.autoSync === 1,
      onHand: own?.onHand ?? null,
      committed: own?.committed ?? null,
      available: own ? own.onHand - own.committed : null,
      createdAt: row.createdAt,
    };
  });
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > opts.limit && last ? encodeProductCursor(opts.sort, opts.direction, last) : null;
  const list: ProductList = { items, nextCursor };
  if (opts.includeTotal) list.total = await countMatching(db, storeId, opts.filter);
  return list;
}

/** How many products of the store match `filter` (for "select all N matching"). */
export async function countProducts(db: Db, storeId: number, filter?: ProductFilter): Promise<number> {
  return countMatching(db, storeId, parseProductFilter(filter));
}

async function countMatching(db: Db, storeId: number, filter: ParsedProductFilter): Promise<number> {
  const row = await db
    .selectFrom('products as p')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(productFilterWhere(db, storeId, filter))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function stockOf(db: Db, productIds: number[]) {
  const totals = new Map<number, { onHand: number; committed: number }>();
  if (productIds.length === 0) return totals;
  const rows = await db
    .selectFrom('quantities')
    .select((eb) => [
      'productId',
      eb.fn.sum<number>('onHand').as('onHand'),
      eb.fn.sum<number>('committed').as('committed'),
    ])
    .where('productId', 'in', productIds)
    .groupBy('productId')
    .execute();
  for (const row of rows) {
    totals.set(row.productId, { onHand: Number(row.onHand), committed: Number(row.committed) });
  }
  return totals;
}

type SortKey = string | number;

function encodeProductCursor(
  sort: ProductSort,
  direction: SortDirection,
  row: { id: number; sku: string; name: string; createdAt: number },
): string {
  const key: SortKey = row[sort];
  return Buffer.from(JSON.stringify({ s: sort, d: direction, k: key, i: row.id }), 'utf8').toString(
    'base64url',
  );
}

const cursorSchema = z.strictObject({
  s: z.enum(['sku', 'name', 'createdAt', 'id']),
  d: z.enum(['asc', 'desc']),
  // A forged key with a NUL could only reach PostgreSQL as a driver error.
  k: z.union([z.string().refine(hasNoNul), z.number().int()]),
  i: z.number().int().positive(),
});

/** The last row of the previous page; a cursor made for another sort or direction is refused. */
function decodeProductCursor(
  cursor: string,
  sort: ProductSort,
  direction: SortDirection,
): { key: SortKey; id: number } {
  let parsed: z.output<typeof cursorSchema> | undefined;
  try {
    const result = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (result.success) parsed = result.data;
  } catch {
    // not base64url JSON: same typed error below
  }
  const keyFits = parsed && (typeof parsed.k === 'string') === (sort === 'sku' || sort === 'name');
  if (!parsed || !keyFits) throw invalidCursor('not a cursor from this list');
  if (parsed.s !== sort || parsed.d !== direction)
    throw invalidCursor('the cursor belongs to a different sort order');
  return { key: parsed.k, id: parsed.i };
}

function invalidCursor(message: string): ValidationError {
  return new ValidationError('invalid cursor', [{ path: ['cursor'], message }]);
}
