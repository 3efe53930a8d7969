import { z } from 'zod';
import {
  idSchema,
  lineSkuSchema,
  lineTargetSchema,
  listQuerySchema,
  MAX_LINES,
  plainText,
  quantitySchema,
} from '../validation/order-fields.ts';

export const purchaseOrderInputSchema = z.object({
  number: plainText(100),
  supplier: plainText(200).optional(),
  /** Where the goods will arrive (default: the store's default location). */
  locationId: idSchema.optional(),
  lines: z
    .array(z.object({ sku: lineSkuSchema, quantity: quantitySchema }))
    .min(1)
    .max(MAX_LINES),
});
export type PurchaseOrderInput = z.input<typeof purchaseOrderInputSchema>;

export const receiptInputSchema = z.object({
  lines: z.array(lineTargetSchema).min(1).max(MAX_LINES),
});
export type ReceiptInput = z.input<typeof receiptInputSchema>;

export const purchaseOrderStatusSchema = z.enum(['open', 'partially_received', 'received', 'cancelled']);

export const purchaseOrderListSchema = listQuerySchema(purchaseOrderStatusSchema);
export type PurchaseOrderListQuery = z.input<typeof purchaseOrderListSchema>;
