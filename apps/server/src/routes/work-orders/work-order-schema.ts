import { workOrderInputSchema, workOrderStatusSchema } from '@ballast/core';
import { z } from '@hono/zod-openapi';
import { idSchema, storeParamsSchema } from '../shared/params.ts';

// The request body reuses core's schema, so the HTTP layer and the domain never disagree on what is valid.
// `.strict()` also makes a fresh instance, which carries `.openapi()` (core's was built before it existed).

export const workOrderCreateSchema = workOrderInputSchema.strict().openapi('WorkOrderCreate', {
  description:
    'Builds `quantity` of an assembly. Its bill of materials is copied into the order and committed at ' +
    'the location (default: the store’s default location).',
  example: { number: 'WO-1', sku: 'GIFT-BOX', quantity: 10 },
});

export const workOrderStatus = workOrderStatusSchema.clone().openapi('WorkOrderStatus');

export const workOrderParamsSchema = storeParamsSchema.extend({
  workOrderId: idSchema.openapi({ param: { name: 'workOrderId', in: 'path' }, example: 1 }),
});

export const workOrderListQuerySchema = z.object({
  status: workOrderStatus.optional(),
  cursor: z.string().max(200).optional().openapi({ description: '`nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const componentSchema = z
  .object({
    productId: z.number().int(),
    sku: z.string(),
    required: z.number().int().openapi({ description: 'Units the whole work order consumes' }),
  })
  .openapi('WorkOrderComponent');

export const workOrderSummarySchema = z
  .object({
    id: z.number().int(),
    storeId: z.number().int(),
    number: z.string(),
    productId: z.number().int(),
    sku: z.string().openapi({ description: 'The assembly being built' }),
    quantity: z.number().int(),
    locationId: z.number().int(),
    status: workOrderStatus,
    createdAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
    updatedAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('WorkOrderSummary');

export const workOrderSchema = workOrderSummarySchema
  .extend({ components: z.array(componentSchema) })
  .openapi('WorkOrder');

export const workOrderPageSchema = z
  .object({
    items: z.array(workOrderSummarySchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null at the end' }),
  })
  .openapi('WorkOrderPage');
