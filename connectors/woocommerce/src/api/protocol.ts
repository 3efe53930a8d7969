import { z } from 'zod';

/**
 * The slice of the WooCommerce REST v3 wire format the connector reads and writes, shared with the
 * simulator so the two cannot drift apart. Responses are parsed loosely (`z.looseObject`): a product carries
 * dozens of fields we do not need, and plugins add more.
 */

/** Where the REST API lives under the site's home address. */
export const WOO_API_BASE = '/wp-json/wc/v3';

/** WooCommerce ids are integers; PHP echoes some back as numeric strings. */
const id = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

/**
 * A product or variation as the API returns it. `manage_stock` is `"parent"` on a variation whose stock
 * the parent product manages; `stock_quantity` is `null` while stock is not managed.
 */
export const productSchema = z.looseObject({
  id,
  /** `simple`, `variable`, `grouped`, `external`, `variation`, or a plugin's type (`subscription`...). */
  type: z.string().optional(),
  /** The variable product of a variation; 0 otherwise. */
  parent_id: id.optional(),
  sku: z.string().nullable().optional(),
  manage_stock: z.union([z.boolean(), z.literal('parent')]).optional(),
  stock_quantity: z.number().nullable().optional(),
});
export type Product = z.infer<typeof productSchema>;

export const productListSchema = z.array(productSchema);

/** A WP REST error body: `{ code, message, data: { status } }`. */
export const wooErrorSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  data: z.looseObject({ status: z.number().int().optional() }).nullable().optional(),
});
export type WooError = z.infer<typeof wooErrorSchema>;

/** One stock write in a batch: both fields always, since `stock_quantity` alone is silently ignored. */
export const stockUpdateSchema = z.strictObject({
  id: z.number().int().positive(),
  manage_stock: z.literal(true),
  stock_quantity: z.number().int().min(0),
});
export type StockUpdate = z.infer<typeof stockUpdateSchema>;

/** The batch body the connector sends (`create` and `delete` are never used). */
export const stockBatchSchema = z.strictObject({ update: z.array(stockUpdateSchema).min(1) });
export type StockBatch = z.infer<typeof stockBatchSchema>;

/** A batch item that failed: the requested id and the error the single update would have answered. */
export const batchItemErrorSchema = z.looseObject({ id: id.optional(), error: wooErrorSchema });
export type BatchItemError = z.infer<typeof batchItemErrorSchema>;

/** The batch answer: item by item, in request order, each a product or an error. */
export const batchResponseSchema = z.looseObject({
  update: z.array(z.union([batchItemErrorSchema, productSchema])).optional(),
});
export type BatchResponse = z.infer<typeof batchResponseSchema>;

/** Products per list page: WordPress refuses `per_page` above 100. */
export const MAX_PER_PAGE = 100;

/** The `order.created` webhook topic. */
export const ORDER_CREATED_TOPIC = 'order.created';

/** The part of a v3 order the connector reads from an `order.created` delivery. */
export const orderSchema = z.looseObject({
  id: z.union([z.number().int().nonnegative(), z.string().min(1)]),
  status: z.string().optional(),
  /** Site-independent creation time, ISO 8601 without a zone (`2026-03-01T10:00:00`). */
  date_created_gmt: z.string().nullable().optional(),
  line_items: z.array(
    z.looseObject({
      id: z.number().int().optional(),
      sku: z.string().nullable().optional(),
      quantity: z.number(),
      product_id: z.number().int().optional(),
      variation_id: z.number().int().optional(),
    }),
  ),
});
export type WooOrder = z.infer<typeof orderSchema>;
