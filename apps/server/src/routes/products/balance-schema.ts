import { z } from '@hono/zod-openapi';
import { productKindSchema } from './product-schema.ts';

export const kitComponentInputSchema = z
  .object({
    productId: z.number().int(),
    sku: z.string(),
    available: z.number().int().nullable().openapi({ description: 'null = unknown' }),
    perKit: z.number().int().openapi({ description: 'Units of the component in one kit' }),
    yields: z.number().int().nullable().openapi({ description: 'floor(available / perKit)' }),
  })
  .openapi('KitComponentInput');

export const appliedRuleSchema = z
  .object({
    source: z.enum(['listing', 'product', 'channel', 'store', 'none']),
    id: z.number().int().optional().openapi({ description: 'The winning rule; absent for `none`' }),
    buffer: z.number().int(),
    percent: z.number().int(),
    maxQuantity: z.number().int().nullable(),
    endWhen: z.number().int().nullable(),
  })
  .openapi('AppliedRule');

export const balanceExplanationSchema = z
  .object({
    inputs: z.object({
      onHand: z.number().int().nullable(),
      committed: z.number().int().nullable(),
      available: z.number().int().nullable(),
      locations: z.array(z.number().int()).openapi({ description: 'The location ids counted' }),
      components: z.array(kitComponentInputSchema).optional(),
    }),
    rule: appliedRuleSchema,
    steps: z.array(z.string()).openapi({ example: ['available 12 > end-when 2', 'floor(12 × 50%) = 6'] }),
  })
  .openapi('BalanceExplanation');

export const syncableBalanceSchema = z
  .object({
    quantity: z.number().int().nullable().openapi({ description: 'null = unknown: the push is held' }),
    unknownReason: z.string().optional(),
    explanation: balanceExplanationSchema,
  })
  .openapi('SyncableBalance');

const stockFields = {
  onHand: z.number().int().nullable(),
  committed: z.number().int().nullable(),
  incoming: z.number().int().nullable(),
  available: z.number().int().nullable(),
  unknownReason: z.string().optional(),
};

export const productBalanceSchema = z
  .object({
    productId: z.number().int(),
    sku: z.string(),
    kind: productKindSchema,
    ...stockFields,
    components: z.array(kitComponentInputSchema).optional().openapi({ description: 'Kits only' }),
    perLocation: z.array(
      z.object({ locationId: z.number().int(), name: z.string(), ...stockFields }).openapi('LocationBalance'),
    ),
    channels: z.array(
      z
        .object({
          channelId: z.number().int(),
          name: z.string(),
          status: z.enum(['active', 'paused', 'disconnected']),
          listingId: z.number().int().nullable(),
          autoSyncOverride: z
            .boolean()
            .nullable()
            .openapi({
              description:
                'The listing’s own Auto Sync: true = always on, false = always off, null = follows the product ' +
                '(always null without a listing)',
            }),
          autoSync: z.boolean().openapi({
            description:
              'Whether the product is pushed to this channel: the listing’s override, else the product’s Auto Sync',
          }),
          syncable: syncableBalanceSchema,
        })
        .openapi('ChannelBalance'),
    ),
  })
  .openapi('ProductBalance');
