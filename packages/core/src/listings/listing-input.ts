import { z } from 'zod';

/**
 * A connector's reference to one channel item: a string or a flat object of JSON scalars (the same shape as
 * connector-kit's `ListingRef`; core does not depend on connector-kit). Stored as JSON text, returned as-is.
 */
export type ChannelRef = string | { [field: string]: string | number | boolean | null };

export const channelRefSchema: z.ZodType<ChannelRef> = z.union([
  z.string().min(1).max(2000),
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
]);

/** Stored quantities are 32-bit integers on PostgreSQL. */
export const channelQuantitySchema = z.number().int().min(-2_147_483_648).max(2_147_483_647);

export const listingItemSchema = z.object({
  // Lenient on purpose: the SKU comes from a channel; one we do not know is reported, not an error.
  sku: z.string().trim().min(1).max(1000),
  channelRef: channelRefSchema,
  /** What the channel shows for the item, when the lookup told us. */
  quantity: channelQuantitySchema.optional(),
});

export const listingItemsSchema = z.array(listingItemSchema).max(10_000);

export type ListingItem = z.input<typeof listingItemSchema>;
