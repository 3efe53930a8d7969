import { z } from 'zod';
import { skuSchema } from '../products/product-input.ts';

/** Most lines one document (order, receipt, adjustment) may carry: bounds one transaction's work. */
export const MAX_LINES = 1000;

/** Largest quantity one line may move; keeps products of quantities far inside a 32-bit integer column. */
export const MAX_LINE_QUANTITY = 1_000_000;

// PostgreSQL refuses NUL in text; reject it here so it becomes a field error, not a driver error.
const noNul = (text: string) => !text.includes('\u0000');

/** Trimmed, non-empty single-field text without NUL characters. */
export const plainText = (max: number) =>
  z.string().trim().min(1, 'required').max(max).refine(noNul, 'cannot contain NUL characters');

/** A SKU as typed on a document line (skuSchema refuses NUL itself). */
export const lineSkuSchema = skuSchema;

/** A row id given by a caller. */
export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A positive whole number of units on one line. */
export const quantitySchema = z.number().int().positive().max(MAX_LINE_QUANTITY);

/** Names one line of an existing order, by its id or by its SKU (when the SKU is on one line only). */
export const lineTargetSchema = z
  .object({ lineId: idSchema.optional(), sku: lineSkuSchema.optional(), quantity: quantitySchema })
  .refine((line) => line.lineId !== undefined || line.sku !== undefined, {
    message: 'give lineId or sku',
    path: ['lineId'],
  });
export type LineTarget = z.output<typeof lineTargetSchema>;

/** Query of a keyset-paginated list of documents. */
export const listQuerySchema = <S extends z.ZodType>(status: S) =>
  z.object({
    status: status.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  });
