import { z } from 'zod';
import { assertRowId } from '../channels/row-id.ts';
import type { Db } from '../db/connect.ts';
import { NotFoundError } from '../errors.ts';
import { decodeCursor, type Page, toPage } from '../shared/keyset-cursor.ts';
import { idSchema, lineSkuSchema } from '../validation/order-fields.ts';
import { parseInput } from '../validation/parse-input.ts';
import { type Adjustment, adjustmentColumns, withLines } from './adjustment.ts';

const millis = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const adjustmentListQuerySchema = z
  .strictObject({
    /** Only adjustments with a line on this product. */
    productId: idSchema.optional(),
    /** Only adjustments with a line on the product of this SKU (none when no product has it, or with `productId` when they name different products). */
    sku: lineSkuSchema.optional(),
    /** Epoch ms, inclusive. */
    from: millis.optional(),
    /** Epoch ms, exclusive. */
    to: millis.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).nullish(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    path: ['to'],
    message: 'must be after from',
  });
export type AdjustmentListQuery = z.input<typeof adjustmentListQuerySchema>;

const adjustmentsOf = (db: Db, storeId: number) =>
  db.selectFrom('adjustments as a').select(adjustmentColumns).where('a.storeId', '=', storeId);

/**
 * A store's adjustments with their lines, newest first, one keyset page at a time (pass `nextCursor` back as
 * `cursor`). The product filters keep whole adjustments: every line of one that touched the product.
 *
 * @example
 * const page = await listAdjustments(db, storeId, { sku: 'MUG', from: Date.parse('2024-06-01'), limit: 20 });
 */
export async function listAdjustments(
  db: Db,
  storeId: number,
  query: AdjustmentListQuery = {},
): Promise<Page<Adjustment>> {
  const q = parseInput(adjustmentListQuerySchema, query, 'adjustment query');
  let rows = adjustmentsOf(db, storeId);
  if (q.productId !== undefined || q.sku !== undefined) {
    const { productId, sku } = q;
    rows = rows.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('adjustmentLines as l')
          .innerJoin('products as p', 'p.id', 'l.productId')
          .select('l.id')
          .whereRef('l.adjustmentId', '=', 'a.id')
          .where('l.storeId', '=', storeId)
          .$if(productId !== undefined, (s) => s.where('l.productId', '=', productId!))
          .$if(sku !== undefined, (s) => s.where('p.sku', '=', sku!)),
      ),
    );
  }
  if (q.from !== undefined) rows = rows.where('a.createdAt', '>=', q.from);
  if (q.to !== undefined) rows = rows.where('a.createdAt', '<', q.to);
  if (q.cursor) rows = rows.where('a.id', '<', decodeCursor(q.cursor));
  const page = toPage(
    await rows
      .orderBy('a.id', 'desc')
      .limit(q.limit + 1)
      .execute(),
    q.limit,
  );
  return { items: await withLines(db, storeId, page.items), nextCursor: page.nextCursor };
}

/** One adjustment of the store with its lines; another store's id is not found. */
export async function getAdjustment(db: Db, storeId: number, adjustmentId: number): Promise<Adjustment> {
  assertRowId(adjustmentId, 'adjustmentId');
  const row = await adjustmentsOf(db, storeId).where('a.id', '=', adjustmentId).executeTakeFirst();
  if (!row) throw new NotFoundError('adjustment', ['adjustmentId']);
  const [adjustment] = await withLines(db, storeId, [row]);
  return adjustment!;
}
