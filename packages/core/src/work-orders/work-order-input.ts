import { z } from 'zod';
import {
  idSchema,
  lineSkuSchema,
  listQuerySchema,
  plainText,
  quantitySchema,
} from '../validation/order-fields.ts';

export const workOrderInputSchema = z.object({
  number: plainText(100),
  /** The assembly to build. */
  sku: lineSkuSchema,
  quantity: quantitySchema,
  /** Where components are taken from and the finished product goes (default: the store's default location). */
  locationId: idSchema.optional(),
});
export type WorkOrderInput = z.input<typeof workOrderInputSchema>;

export const workOrderStatusSchema = z.enum(['in_progress', 'completed', 'cancelled']);

export const workOrderListSchema = listQuerySchema(workOrderStatusSchema);
export type WorkOrderListQuery = z.input<typeof workOrderListSchema>;
