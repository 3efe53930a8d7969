import { adjustmentInputSchema } from '@ballast/core';
import { z } from '@hono/zod-openapi';
import { instantParamSchema } from '../shared/instant-param.ts';
import { idSchema, storeParamsSchema } from '../shared/params.ts';

// The request body reuses core's schema, so the HTTP layer and the domain never disagree on what is valid.
// `.strict()` also makes a fresh instance, which carries `.openapi()` (core's was built before it existed).

export const adjustmentCreateSchema = adjustmentInputSchema.strict().openapi('AdjustmentCreate', {
  description:
    'Each line either sets the counted on hand (`set`) or changes it (`delta`), never both; ' +
    '`locationId` defaults to the store’s default location. A SKU and location may appear once.',
  example: {
    reason: 'cycle count',
    lines: [
      { sku: 'MUG-BLUE', set: 12 },
      { sku: 'CUP-RED', delta: -1 },
    ],
  },
});

const lineSchema = z
  .object({
    sku: z.string(),
    productId: z.number().int(),
    locationId: z.number().int(),
    mode: z.enum(['set', 'delta']).openapi({
      description: '`set`: the line counted on hand to `quantity`; `delta`: it changed on hand by `quantity`',
    }),
    quantity: z.number().int().openapi({ description: 'What the line asked for: the count, or the change' }),
    before: z.number().int().openapi({ description: 'On hand just before the adjustment' }),
    after: z.number().int().openapi({ description: 'On hand just after it' }),
    delta: z.number().int().openapi({ description: 'What the line moved on hand by (after - before)' }),
  })
  .openapi('AdjustmentLine');

export const madeBySchema = z
  .object({
    kind: z.enum(['user', 'token', 'system']).openapi({
      description: '`system`: the CLI, the demo or a script calling core directly',
    }),
    id: z.string().nullable().openapi({ description: 'The user’s or API token’s id; null for the system' }),
    name: z
      .string()
      .nullable()
      .openapi({ description: 'The user’s email or the token’s name at the time; null when unknown' }),
  })
  .openapi('MadeBy');

export const adjustmentSchema = z
  .object({
    id: z.number().int(),
    storeId: z.number().int(),
    reason: z.string(),
    note: z.string().nullable(),
    madeBy: madeBySchema,
    createdAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
    lines: z.array(lineSchema),
  })
  .openapi('Adjustment');

export const adjustmentParamsSchema = storeParamsSchema.extend({
  adjustmentId: idSchema.openapi({ param: { name: 'adjustmentId', in: 'path' }, example: 1 }),
});

export const adjustmentListQuerySchema = z.object({
  productId: idSchema.optional().openapi({ description: 'Only adjustments with a line on this product' }),
  sku: z
    .string()
    .optional()
    .openapi({ description: 'Only adjustments with a line on the product of this SKU' }),
  from: instantParamSchema.optional().openapi({ description: 'Inclusive: ISO 8601 or epoch ms' }),
  to: instantParamSchema.optional().openapi({ description: 'Exclusive: ISO 8601 or epoch ms' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().openapi({ description: '`nextCursor` of the previous page' }),
});

export const adjustmentPageSchema = z
  .object({
    items: z.array(adjustmentSchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for older adjustments; null at the end' }),
  })
  .openapi('AdjustmentPage');
