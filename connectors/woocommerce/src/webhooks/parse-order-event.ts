import type { Clock, Logger, OrderEvent, OrderLine, WebhookRequest } from '@ballast/connector-kit';
import { ORDER_CREATED_TOPIC, orderSchema, type WooOrder } from '../api/protocol.ts';
import { pingWebhookId } from './ping.ts';

/**
 * Reads a verified delivery. The creation ping and other topics are `ignored` (answered 200, so
 * WooCommerce does not count a failure: more than 5 in a row disable the webhook). An `order.created`
 * body becomes an order whose lines are `line_items[].sku` / `quantity`; lines without a SKU cannot be
 * matched to the master and are left out (logged). A body we cannot read is `invalid`.
 */
export function parseWooOrderEvent(
  request: WebhookRequest,
  context: { readonly logger: Logger; readonly clock: Clock },
): OrderEvent {
  const webhookId = pingWebhookId(request);
  if (webhookId !== undefined) {
    return { kind: 'ignored', reason: `creation ping of WooCommerce webhook ${webhookId}` };
  }
  const topic = request.headers.get('x-wc-webhook-topic');
  if (topic !== null && topic !== ORDER_CREATED_TOPIC) {
    return { kind: 'ignored', reason: `topic ${topic} is not ${ORDER_CREATED_TOPIC}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody);
  } catch {
    return { kind: 'invalid', reason: 'the body is not JSON' };
  }
  const parsed = orderSchema.safeParse(json);
  if (!parsed.success) {
    return {
      kind: 'invalid',
      reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    };
  }
  const order = parsed.data;
  const channelOrderId = String(order.id);
  const lines: OrderLine[] = [];
  let withoutSku = 0;
  for (const item of order.line_items) {
    const sku = item.sku?.trim() ?? '';
    if (sku === '') {
      withoutSku += 1;
      continue;
    }
    if (!Number.isInteger(item.quantity) || item.quantity <= 0) {
      return { kind: 'invalid', reason: `line ${sku} has quantity ${item.quantity}, not a whole number > 0` };
    }
    lines.push({
      sku,
      quantity: item.quantity,
      ...(item.id === undefined ? {} : { channelLineId: String(item.id) }),
    });
  }
  if (withoutSku > 0) {
    context.logger.warn('woocommerce order lines without a SKU were left out', {
      channelOrderId,
      lines: withoutSku,
    });
  }
  if (lines.length === 0) {
    return { kind: 'ignored', reason: `order ${channelOrderId} has no line with a SKU` };
  }
  const deliveryId = request.headers.get('x-wc-webhook-delivery-id');
  return {
    kind: 'order',
    ...(deliveryId ? { deliveryId } : {}),
    order: { channelOrderId, createdAt: createdAtOf(order, context.clock), lines },
  };
}

/** `date_created_gmt` is UTC written without a zone; without it, the time the delivery is read. */
function createdAtOf(order: WooOrder, clock: Clock): Date {
  const raw = order.date_created_gmt;
  if (raw) {
    const at = Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(raw) ? raw : `${raw}Z`);
    if (!Number.isNaN(at)) return new Date(at);
  }
  return new Date(clock.now());
}
