import { salesOrderInputSchema, salesOrderStatusSchema, shipmentInputSchema } from '@ballast/core';
import { z } from '@hono/zod-openapi';
import { idSchema, storeParamsSchema } from '../shared/params.ts';

// Request bodies reuse core's schemas, so the HTTP layer and the domain never disagree on what is valid.
// `.strict()` also makes fresh instances, which carry `.openapi()` (core's were built before it existed).

export const salesOrderCreateSchema = salesOrderInputSchema.strict().openapi('SalesOrderCreate', {
  description: 'Commits stock for each line at the location (default: the store’s default location).',
  example: { number: 'SO-1001', lines: [{ sku: 'MUG-BLUE', quantity: 2 }] },
});

export const shipmentSchema = shipmentInputSchema.strict().openapi('SalesOrderShipment', {
  description:
    'Lines to ship, named by `lineId` or by `sku`; omit `lines` (or send `{}`) to ship everything outstanding.',
  example: { lines: [{ sku: 'MUG-BLUE', quantity: 1 }] },
});

export const salesOrderStatus = salesOrderStatusSchema.clone().openapi('SalesOrderStatus');

export const salesOrderParamsSchema = storeParamsSchema.extend({
  orderId: idSchema.openapi({ param: { name: 'orderId', in: 'path' }, example: 1 }),
});

export const salesOrderListQuerySchema = z.object({
  status: salesOrderStatus.optional(),
  cursor: z.string().max(200).optional().openapi({ description: '`nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const allocationSchema = z
  .object({
    productId: z.number().int(),
    sku: z.string(),
    perUnit: z.number().int().openapi({ description: 'Units of this product one unit of the line takes' }),
  })
  .openapi('SalesOrderAllocation');

const lineSchema = z
  .object({
    id: z.number().int(),
    productId: z.number().int(),
    sku: z.string(),
    quantity: z.number().int(),
    shipped: z.number().int(),
    cancelled: z.number().int(),
    outstanding: z.number().int().openapi({ description: 'quantity - shipped - cancelled: still committed' }),
    allocations: z.array(allocationSchema).openapi({
      description: 'What one unit takes from stock: the product itself, or a kit’s components',
    }),
  })
  .openapi('SalesOrderLine');

export const salesOrderSummarySchema = z
  .object({
    id: z.number().int(),
    storeId: z.number().int(),
    number: z.string(),
    channelId: z.number().int().nullable(),
    locationId: z.number().int(),
    status: salesOrderStatus,
    createdAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
    updatedAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('SalesOrderSummary');

export const salesOrderSchema = salesOrderSummarySchema
  .extend({ lines: z.array(lineSchema) })
  .openapi('SalesOrder');

export const salesOrderPageSchema = z
  .object({
    items: z.array(salesOrderSummarySchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null at the end' }),
  })
  .openapi('SalesOrderPage');
