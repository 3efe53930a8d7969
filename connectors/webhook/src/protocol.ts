import { z } from 'zod';

/**
 * The wire protocol between Ballast and a merchant's receiver, shared by the connector and the simulator
 * so they cannot drift apart. README.md documents it for people writing receivers.
 */

const sku = z.string().min(1);
const quantity = z.number().int().min(0);

/** One item in an `inventory.set` request. */
export const inventoryItemSchema = z.object({
  sku,
  quantity,
  idempotencyKey: z.string().min(1),
  /** Only with compare-and-set on: apply only if the receiver shows exactly this now. */
  expectedQuantity: quantity.optional(),
});
export type InventoryItem = z.infer<typeof inventoryItemSchema>;

/** The body POSTed to the endpoint. */
export const inventorySetSchema = z.object({
  type: z.literal('inventory.set'),
  items: z.array(inventoryItemSchema).min(1),
});
export type InventorySet = z.infer<typeof inventorySetSchema>;

/** The receiver's verdict for one SKU. */
export const itemResultSchema = z.object({
  sku,
  status: z.enum(['ok', 'error', 'stale']),
  /** After `ok`: the quantity now shown. After `stale`: the quantity shown instead of the expected one. */
  quantity: quantity.optional(),
  code: z.string().optional(),
  message: z.string().optional(),
  /** After `error`: whether the same item may succeed later (default false). */
  retryable: z.boolean().optional(),
});
export type WireItemResult = z.infer<typeof itemResultSchema>;

/** A 2xx answer: empty, or JSON; a `results` array gives per-item verdicts, anything else means all ok. */
export const inventorySetResponseSchema = z
  .object({ results: z.array(itemResultSchema).optional() })
  .optional();
export type InventorySetResponse = z.infer<typeof inventorySetResponseSchema>;

/** The answer to a lookup or read-back GET: the SKUs the receiver has; absent ones it does not have. */
export const stockListSchema = z.object({
  items: z.array(z.object({ sku, quantity: quantity.optional() })),
});
export type StockList = z.infer<typeof stockListSchema>;

/** An order webhook from the merchant's system. */
export const orderEventSchema = z.object({
  type: z.string(),
  order: z
    .object({
      id: z.union([z.string().min(1), z.number().int()]),
      lines: z
        .array(z.object({ sku, quantity: z.number().int().positive(), id: z.string().optional() }))
        .min(1),
      /** ISO 8601; when absent the signed `webhook-timestamp` is used. */
      createdAt: z.iso.datetime({ offset: true }).optional(),
    })
    .optional(),
});
export type OrderEventBody = z.infer<typeof orderEventSchema>;

export const ORDER_CREATED = 'order.created';
export const INVENTORY_SET = 'inventory.set';
/** SKUs per lookup or read-back GET, so the URL stays short. */
export const SKUS_PER_GET = 100;
