import type { ProductFilter } from '@ballast/core';
import { z } from '@hono/zod-openapi';
import { idSchema } from '../shared/params.ts';
import { queryBooleanSchema } from './product-params.ts';
import { productKindSchema } from './product-schema.ts';

/** The product filter as query parameters; the list and the count take the same ones. */
export const productFilterQuerySchema = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Case-insensitive “contains” on SKU or name', example: 'mug' }),
  autoSync: queryBooleanSchema.optional().openapi({ description: 'The product’s own Auto Sync flag' }),
  kind: productKindSchema.optional(),
  channelId: idSchema.optional().openapi({ description: 'Has a listing on this channel' }),
  syncStatus: z
    .enum(['failed', 'pending', 'ok'])
    .optional()
    .openapi({
      description:
        '`pending`: a push is owed; `failed`: the latest push on some channel failed; `ok`: neither. With ' +
        '`channelId`, only that channel counts.',
    }),
});

export type ProductFilterQuery = z.output<typeof productFilterQuerySchema>;

/** The core filter for validated query parameters (absent parameters do not narrow). */
export function toProductFilter(query: ProductFilterQuery): ProductFilter {
  const { q, autoSync, kind, channelId, syncStatus } = query;
  return {
    ...(q !== undefined && { q }),
    ...(autoSync !== undefined && { autoSync }),
    ...(kind !== undefined && { kind }),
    ...(channelId !== undefined && { channelId }),
    ...(syncStatus !== undefined && { syncStatus }),
  };
}
