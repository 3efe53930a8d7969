import type { Clock, OrderEvent, OrderLine, WebhookRequest } from '@ballast/connector-kit';
import { z } from 'zod';
import { ORDERS_CREATE, shopifyHeader } from './shopify-headers.ts';

const id = z.union([z.number().int(), z.string().min(1)]);

/** The fields of Shopify's order JSON that Ballast reads; everything else is ignored. */
export const shopifyOrderSchema = z.object({
  id,
  name: z.string().optional(),
  created_at: z.string().optional(),
  cancelled_at: z.string().nullish(),
  line_items: z.array(
    z.object({
      id: id.optional(),
      sku: z.string().nullish(),
      quantity: z.number().int().min(0),
      variant_id: id.nullish(),
    }),
  ),
});
export type ShopifyOrder = z.infer<typeof shopifyOrderSchema>;

/**
 * Reads a verified delivery. `orders/create` becomes an order keyed by its webhook id (Shopify redelivers
 * with the same `X-Shopify-Webhook-Id`, which the host deduplicates on); other topics, cancelled orders
 * and orders without a SKU line (custom items, tips) are ignored, not errors.
 */
export function parseShopifyOrderEvent(request: WebhookRequest, clock: Clock): OrderEvent {
  const topic = shopifyHeader(request.headers, 'topic');
  if (topic === undefined) return { kind: 'invalid', reason: 'no X-Shopify-Topic header' };
  if (topic !== ORDERS_CREATE) return { kind: 'ignored', reason: `topic ${topic} is not ${ORDERS_CREATE}` };
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody);
  } catch {
    return { kind: 'invalid', reason: 'the body is not JSON' };
  }
  const parsed = shopifyOrderSchema.safeParse(json);
  if (!parsed.success) {
    return {
      kind: 'invalid',
      reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    };
  }
  const order = parsed.data;
  if (order.cancelled_at) return { kind: 'ignored', reason: `order ${order.id} is already cancelled` };
  const lines = order.line_items.flatMap((line): OrderLine[] =>
    line.sku && line.quantity > 0
      ? [
          {
            sku: line.sku,
            quantity: line.quantity,
            ...(line.id === undefined ? {} : { channelLineId: String(line.id) }),
          },
        ]
      : [],
  );
  if (lines.length === 0) return { kind: 'ignored', reason: `order ${order.id} has no line with a SKU` };
  const deliveryId = shopifyHeader(request.headers, 'webhook-id');
  return {
    kind: 'order',
    ...(deliveryId ? { deliveryId } : {}),
    order: { channelOrderId: String(order.id), createdAt: createdAtOf(order, request.headers, clock), lines },
  };
}

/** The order's own timestamp, else when Shopify triggered the delivery, else now. */
function createdAtOf(order: ShopifyOrder, headers: Headers, clock: Clock): Date {
  for (const value of [order.created_at, shopifyHeader(headers, 'triggered-at')]) {
    const at = value === undefined ? Number.NaN : Date.parse(value);
    if (!Number.isNaN(at)) return new Date(at);
  }
  return new Date(clock.now());
}
