import { purchaseOrderInputSchema, purchaseOrderStatusSchema, receiptInputSchema } from '@ballast/core';
import { z } from '@hono/zod-openapi';
import { idSchema, storeParamsSchema } from '../shared/params.ts';

// Request bodies reuse core's schemas, so the HTTP layer and the domain never disagree on what is valid.
// `.strict()` also makes fresh instances, which carry `.openapi()` (core's were built before it existed).

export const purchaseOrderCreateSchema = purchaseOrderInputSchema.strict().openapi('PurchaseOrderCreate', {
  description: 'Each line counts as incoming at the location (default: the store’s default location).',
  example: { number: 'PO-7', supplier: 'Acme', lines: [{ sku: 'MUG-BLUE', quantity: 48 }] },
});

export const receiptSchema = receiptInputSchema.strict().openapi('PurchaseOrderReceipt', {
  description:
    'Goods received, by `lineId` or `sku`. Partial receipts are allowed; an over-receipt puts the whole ' +
    'quantity on hand and drops incoming only by what was outstanding.',
  example: { lines: [{ sku: 'MUG-BLUE', quantity: 24 }] },
});

export const purchaseOrderStatus = purchaseOrderStatusSchema.clone().openapi('PurchaseOrderStatus');

export const purchaseOrderParamsSchema = storeParamsSchema.extend({
  orderId: idSchema.openapi({ param: { name: 'orderId', in: 'path' }, example: 1 }),
});

export const purchaseOrderListQuerySchema = z.object({
  status: purchaseOrderStatus.optional(),
  cursor: z.string().max(200).optional().openapi({ description: '`nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const lineSchema = z
  .object({
    id: z.number().int(),
    productId: z.number().int(),
    sku: z.string(),
    quantity: z.number().int(),
    received: z.number().int().openapi({ description: 'Everything received so far; may exceed quantity' }),
    outstanding: z.number().int().openapi({ description: 'Still counted as incoming' }),
  })
  .openapi('PurchaseOrderLine');

export const purchaseOrderSummarySchema = z
  .object({
    id: z.number().int(),
    storeId: z.number().int(),
    number: z.string(),
    supplier: z.string().nullable(),
    locationId: z.number().int(),
    status: purchaseOrderStatus,
    createdAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
    updatedAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('PurchaseOrderSummary');

export const purchaseOrderSchema = purchaseOrderSummarySchema
  .extend({ lines: z.array(lineSchema) })
  .openapi('PurchaseOrder');

export const purchaseOrderPageSchema = z
  .object({
    items: z.array(purchaseOrderSummarySchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null at the end' }),
  })
  .openapi('PurchaseOrderPage');
