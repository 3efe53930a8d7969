import { syncCauseTypes, syncStatuses } from '@ballast/core';
import { z } from '@hono/zod-openapi';
import { orNull } from '../shared/or-null.ts';

export const syncStatusSchema = z.enum(syncStatuses).openapi('SyncStatus');

export const syncCauseTypeSchema = z
  .enum(syncCauseTypes)
  .openapi('SyncCauseType', { description: 'What set a push in motion' });

const syncCauseSubjectSchema = z
  .object({
    id: z
      .number()
      .int()
      .openapi({
        description:
          'The thing’s own id, as its routes take it: the sales order’s (sales_order, channel_order), the ' +
          'purchase or work order’s, the adjustment’s, the upload’s, the feed’s (not the run’s)',
        example: 12,
      }),
    name: z.string().openapi({
      description:
        'What the merchant knows it by: the order’s number, the adjustment’s reason, the upload’s file name, ' +
        'the feed’s name',
      example: '#1001',
    }),
  })
  .openapi('SyncCauseSubject', {
    description: 'What a cause names, as the merchant knows it (a feed run’s cause names its feed)',
  });

export const syncHistoryEntrySchema = z
  .object({
    id: z.number().int(),
    channelId: z.number().int(),
    channelName: z.string(),
    productId: z.number().int(),
    sku: z.string(),
    productName: z.string(),
    listingId: z.number().int().nullable(),
    status: syncStatusSchema,
    quantity: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Sent; null = unknown, nothing was pushed' }),
    previousQuantity: z.number().int().nullable().openapi({ description: 'What the channel showed before' }),
    cause: z
      .object({
        type: syncCauseTypeSchema,
        ref: z.string().openapi({
          description: 'What the cause names within its type: an order’s id, a feed run’s id…',
          example: '1001',
        }),
        marks: z.number().int().openapi({ description: 'Changes coalesced into this push' }),
        firstMarkedAt: z.number().int(),
        subject: orNull(syncCauseSubjectSchema).openapi({
          description:
            'Resolved when read, not stored: null when the type names no thing (auto_sync, resync) or the ' +
            'thing no longer exists (a deleted feed)',
        }),
      })
      .openapi('SyncCause'),
    explanation: z.unknown().openapi({
      description:
        'How the quantity was computed, as stored when the attempt was recorded: a BalanceExplanation ' +
        '(inputs, the winning rule, steps)',
    }),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    attempt: z.number().int(),
    seq: z.number().int(),
    idempotencyKey: z.string().nullable(),
    workerId: z.string().nullable(),
    pendingHandle: z.string().nullable(),
    queuedAt: z.number().int(),
    startedAt: z.number().int().nullable(),
    finishedAt: z.number().int().nullable(),
    createdAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('SyncHistoryEntry');
