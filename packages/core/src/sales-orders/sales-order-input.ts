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

export const salesOrderInputSchema = z.object({
  number: plainText(100),
  /** The channel the order came from; its movements are then caused by a `channel_order`. */
  channelId: idSchema.optional(),
  /** Where the stock is committed and shipped from (default: the store's default location). */
  locationId: idSchema.optional(),
  lines: z
    .array(z.object({ sku: lineSkuSchema, quantity: quantitySchema }))
    .min(1)
    .max(MAX_LINES),
});
export type SalesOrderInput = z.input<typeof salesOrderInputSchema>;

export const shipmentInputSchema = z.object({
  /** Lines and quantities to ship; omitted = everything still outstanding. */
  lines: z.array(lineTargetSchema).min(1).max(MAX_LINES).optional(),
});
export type ShipmentInput = z.input<typeof shipmentInputSchema>;

export const salesOrderStatusSchema = z.enum(['open', 'partially_shipped', 'shipped', 'cancelled']);

export const salesOrderListSchema = listQuerySchema(salesOrderStatusSchema);
export type SalesOrderListQuery = z.input<typeof salesOrderListSchema>;
