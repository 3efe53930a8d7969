import { z } from 'zod';
import { MAX_FILTER_IDS, type ProductFilter, productFilterSchema } from '../products/product-filter.ts';

/** The products a bulk Auto Sync change applies to: explicit ids, or every product matching a filter. */
export type AutoSyncSelection = { ids: number[] } | { filter: ProductFilter };

/** Selection plus the new value, validated together so issues carry paths like `['filter', 'kind']`. */
export const bulkAutoSyncInputSchema = z
  .strictObject({
    ids: z.array(z.number().int().positive()).max(MAX_FILTER_IDS).optional(),
    filter: productFilterSchema.optional(),
    enabled: z.boolean({ error: 'must be true or false' }),
  })
  .superRefine((value, ctx) => {
    if ((value.ids === undefined) === (value.filter === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'give either ids or filter' });
    }
  });
