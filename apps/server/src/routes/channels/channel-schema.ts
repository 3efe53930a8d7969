import { z } from '@hono/zod-openapi';
import { capabilitiesSchema } from '../connectors/capabilities-schema.ts';
import { orNull } from '../shared/or-null.ts';

export const channelStatusSchema = z.enum(['active', 'paused', 'disconnected']).openapi('ChannelStatus');

const lastErrorSchema = z
  .object({
    code: z.string().nullable(),
    message: z.string().nullable(),
    status: z.enum(['failed', 'retrying']),
    productId: z.number().int(),
    at: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('ChannelLastError');

export const channelSchema = z
  .object({
    id: z.number().int(),
    storeId: z.number().int(),
    connectorId: z.string(),
    name: z.string(),
    status: channelStatusSchema,
    locationIds: z
      .array(z.number().int())
      .nullable()
      .openapi({ description: 'The locations the channel counts; null = every location' }),
    config: z
      .record(z.string(), z.unknown())
      .nullable()
      .openapi({
        description:
          'The stored values of the settings that are not secret (the connector’s `secretFields`), as set; a ' +
          'setting left unset is absent (its default applies). Secrets are never returned: ' +
          '`configuredFields` says which are set. Null when the channel has no config (disconnected) or its ' +
          'connector is not installed on this server.',
        example: { endpointUrl: 'https://erp.example.com/ballast', batchSize: 50 },
      }),
    configuredFields: z.array(z.string()).openapi({
      description: 'Config settings that have a value, secrets included (their values are never returned).',
      example: ['endpointUrl', 'signingSecret', 'batchSize'],
    }),
    capabilities: orNull(capabilitiesSchema).openapi({
      description: 'What this channel can do with its config; null when it cannot be used',
    }),
    webhookUrl: z.string().nullable().openapi({
      description: 'Where the channel posts order webhooks (null: it sends none)',
      example: 'https://ballast.example.com/webhooks/3',
    }),
    sync: z
      .object({
        pendingPushes: z.number().int().openapi({ description: 'Products waiting to be pushed' }),
        lastPushAt: z.number().int().nullable().openapi({ description: 'Last successful push (epoch ms)' }),
        lastError: orNull(lastErrorSchema).openapi({ description: 'The most recent failed attempt' }),
      })
      .openapi('ChannelSyncState'),
    createdAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('Channel');

export type ChannelView = z.infer<typeof channelSchema>;

export const channelListSchema = z
  .object({ items: z.array(channelSchema), nextCursor: z.string().nullable() })
  .openapi('ChannelList');

const channelRefSchema = z
  .union([z.string(), z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))])
  .openapi({ description: 'The connector’s reference to the channel item' });

export const channelListingSchema = z
  .object({
    id: z.number().int(),
    productId: z.number().int(),
    sku: z.string(),
    productName: z.string(),
    channelRef: orNull(channelRefSchema),
    autoSyncOverride: z.boolean().nullable().openapi({
      description: 'true = always pushed to this channel, false = never, null = follows the product',
    }),
    autoSync: z.boolean().openapi({ description: 'Effective Auto Sync for this product on this channel' }),
    productAutoSync: z.boolean().openapi({
      description: 'The product’s own Auto Sync, which the listing follows while `autoSyncOverride` is null',
    }),
    lastPushedQuantity: z.number().int().nullable(),
    lastPushedAt: z.number().int().nullable(),
    channelQuantity: z.number().int().nullable().openapi({ description: 'What the channel last reported' }),
    channelQuantityAt: z.number().int().nullable(),
    createdAt: z.number().int(),
  })
  .openapi('ChannelListing');

export const channelListingListSchema = z
  .object({ items: z.array(channelListingSchema), nextCursor: z.string().nullable() })
  .openapi('ChannelListingList');
