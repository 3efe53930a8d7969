import { z } from '@hono/zod-openapi';

export const previewRowSchema = z
  .object({
    productId: z.number().int(),
    sku: z.string(),
    channelId: z.number().int(),
    channelName: z.string(),
    listingId: z.number().int().nullable().openapi({ description: 'null: not linked to a channel item yet' }),
    channelQuantity: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'What the channel last reported; null = not known' }),
    pushQuantity: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The syncable balance Ballast will push; null = unknown, the push is held' }),
    unknownReason: z.string().optional(),
    changes: z
      .boolean()
      .nullable()
      .openapi({
        description:
          'Whether the channel’s quantity will be overwritten with a different value; null = the channel’s ' +
          'quantity is not known',
      }),
  })
  .openapi('AutoSyncPreviewRow');

export const previewSchema = z
  .object({
    products: z.number().int().openapi({
      description: 'Products of the selection whose Auto Sync is off (the ones that would change)',
    }),
    previewedProducts: z.number().int().openapi({ description: 'How many of them `rows` covers' }),
    channels: z.number().int().openapi({ description: 'Active channels' }),
    rows: z.array(previewRowSchema).openapi({ description: 'One per previewed product and active channel' }),
    changing: z.number().int().openapi({ description: 'Rows whose channel quantity will change' }),
    unchanged: z.number().int(),
    unknown: z.number().int().openapi({ description: 'Rows whose channel quantity is not known' }),
    held: z.number().int().openapi({ description: 'Rows whose push is held (balance unknown)' }),
  })
  .openapi('AutoSyncPreview');

export type AutoSyncPreview = z.infer<typeof previewSchema>;
export type PreviewRow = z.infer<typeof previewRowSchema>;
