import { z } from 'zod';

export const INVENTORY_ITEM_GID = /^gid:\/\/shopify\/InventoryItem\/\d+$/;
export const LOCATION_GID = /^gid:\/\/shopify\/Location\/\d+$/;

/** Where one SKU's quantity lives on Shopify: an inventory item at one location. */
export const shopifyListingRefSchema = z.object({
  inventoryItemId: z.string().regex(INVENTORY_ITEM_GID),
  locationId: z.string().regex(LOCATION_GID),
});

export type ShopifyListingRef = z.infer<typeof shopifyListingRefSchema>;
