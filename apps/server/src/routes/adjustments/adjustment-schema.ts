import { adjustmentInputSchema } from '@ballast/core';
import { z } from '@hono/zod-openapi';

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
    before: z.number().int().openapi({ description: 'On hand just before the adjustment' }),
    after: z.number().int(),
    delta: z.number().int(),
  })
  .openapi('AdjustmentLine');

export const adjustmentSchema = z
  .object({
    id: z.number().int(),
    storeId: z.number().int(),
    reason: z.string(),
    note: z.string().nullable(),
    createdAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
    lines: z.array(lineSchema),
  })
  .openapi('Adjustment');
