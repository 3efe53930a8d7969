import { syncCauseTypes, syncStatuses } from '@ballast/core';
import { z } from '@hono/zod-openapi';

export const syncStatusSchema = z.enum(syncStatuses).openapi('SyncStatus');

export const syncCauseTypeSchema = z
  .enum(syncCauseTypes)
  .openapi('SyncCauseType', { description: 'What set a push in motion' });

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
