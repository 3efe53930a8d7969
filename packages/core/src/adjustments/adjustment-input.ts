import { z } from 'zod';
import { idSchema, lineSkuSchema, MAX_LINES, plainText } from '../validation/order-fields.ts';

/** Bound on a set-to value or delta: keeps on hand inside a 32-bit integer column. */
const MAX_ADJUSTMENT = 1_000_000_000;

const adjustmentLineSchema = z
  .object({
    sku: lineSkuSchema,
    /** Default: the store's default location. */
    locationId: idSchema.optional(),
    /** The counted on hand: the movement is the difference to the current on hand. */
    set: z.number().int().min(0).max(MAX_ADJUSTMENT).optional(),
    /** A change to on hand, positive or negative. */
    delta: z
      .number()
      .int()
      .min(-MAX_ADJUSTMENT)
      .max(MAX_ADJUSTMENT)
      .refine((d) => d !== 0, 'delta cannot be zero')
      .optional(),
  })
  .superRefine((line, ctx) => {
    if ((line.set === undefined) === (line.delta === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['set'], message: 'give exactly one of set or delta' });
    }
  });

export const adjustmentInputSchema = z.object({
  reason: plainText(200),
  note: plainText(2000).optional(),
  lines: z.array(adjustmentLineSchema).min(1).max(MAX_LINES),
});

/** One line: either `set` (count) or `delta` (change), never both. */
export type AdjustmentLineInput =
  | { sku: string; locationId?: number; set: number; delta?: undefined }
  | { sku: string; locationId?: number; delta: number; set?: undefined };

export interface AdjustmentInput {
  /** Why stock changed (e.g. "cycle count", "damaged"); required. */
  reason: string;
  note?: string;
  lines: AdjustmentLineInput[];
}
