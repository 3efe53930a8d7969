import { z } from '@hono/zod-openapi';
import { productKindSchema } from './product-schema.ts';

export const channelQuantitySchema = z
  .object({
    channelId: z.number().int(),
    quantity: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The syncable balance Ballast pushes; null = unknown (push held)' }),
    unknownReason: z.string().optional(),
    autoSyncOverride: z
      .boolean()
      .nullable()
      .openapi({
        description:
          'The listing’s own Auto Sync on this channel: true = always on, false = always off, null = follows the ' +
          'product (always null without a listing)',
      }),
    autoSync: z.boolean().openapi({
      description:
        'Whether the product is pushed to this channel: the listing’s override, else the product’s Auto Sync',
    }),
  })
  .openapi('ChannelQuantity');

export const productListItemSchema = z
  .object({
    id: z.number().int(),
    sku: z.string(),
    name: z.string(),
    kind: productKindSchema,
    autoSync: z.boolean(),
    onHand: z.number().int().nullable().openapi({ description: 'Over every location; null for kits' }),
    committed: z.number().int().nullable(),
    available: z.number().int().nullable().openapi({ description: 'on hand − committed; null for kits' }),
    createdAt: z.number().int(),
    channels: z.array(channelQuantitySchema).openapi({
      description: 'The syncable balance on each active channel, and whether it is pushed there',
    }),
  })
  .openapi('ProductListItem');

export const productListSchema = z
  .object({
    items: z.array(productListItemSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page' }),
    total: z.number().int().optional().openapi({ description: 'With `includeTotal=true`' }),
  })
  .openapi('ProductList');
