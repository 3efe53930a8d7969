import { z } from 'zod';

/**
 * A WooCommerce item: a simple product `{ productId }`, or a variation `{ productId, variationId }` where
 * `productId` is its variable parent (variations are written through their parent's endpoint).
 */
export const wooListingRefSchema = z.strictObject({
  productId: z.number().int().positive(),
  variationId: z.number().int().positive().optional(),
});
export type WooListingRef = z.infer<typeof wooListingRefSchema>;

/** The id WooCommerce knows the item by in its own endpoint (the variation's for a variation). */
export function itemIdOf(ref: WooListingRef): number {
  return ref.variationId ?? ref.productId;
}
