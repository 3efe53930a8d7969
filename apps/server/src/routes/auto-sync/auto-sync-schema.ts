import { MAX_FILTER_IDS } from '@ballast/core';
import { z } from '@hono/zod-openapi';
import { productKindSchema } from '../products/product-schema.ts';

const idListSchema = z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).max(MAX_FILTER_IDS);

/** The product list's filter in a JSON body. Unknown fields are refused: a typo must never widen a bulk action. */
export const productFilterBodySchema = z
  .object({
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .openapi({ description: 'Case-insensitive “contains” on SKU or name' }),
    autoSync: z.boolean().optional(),
    kind: productKindSchema.optional(),
    channelId: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: 'Has a listing on this channel' }),
    syncStatus: z.enum(['failed', 'pending', 'ok']).optional(),
    ids: idListSchema.optional().openapi({ description: 'Only these products' }),
  })
  .strict()
  .openapi('ProductFilter', { description: 'Every field narrows the selection; `{}` selects every product' });

/** Explicit ids, or every product matching a filter (“select all N matching”). */
export const productSelectionSchema = z
  .object({
    ids: idListSchema
      .min(1)
      .optional()
      .openapi({ description: 'Products of this store; give ids or filter' }),
    filter: productFilterBodySchema.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.ids === undefined) === (value.filter === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'give either ids or filter' });
    }
  });

export type ProductSelection = z.output<typeof productSelectionSchema>;

/** Core's selection type: exactly one of the two. */
export function toAutoSyncSelection(
  selection: ProductSelection,
): { ids: number[] } | { filter: z.output<typeof productFilterBodySchema> } {
  return selection.ids !== undefined ? { ids: selection.ids } : { filter: selection.filter ?? {} };
}

export const autoSyncChangeSchema = z
  .object({
    updated: z.number().int().openapi({ description: 'Products whose flag changed' }),
    marked: z.number().int().openapi({ description: '(product, channel) pairs queued to push at once' }),
    unmarked: z.number().int().openapi({ description: 'Pending pushes dropped because Auto Sync went off' }),
  })
  .openapi('AutoSyncChange');

export const enabledSchema = z.boolean().openapi({ description: 'true = on, false = off' });
