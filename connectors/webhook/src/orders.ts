import {
  type OrderEvent,
  verifyStandardWebhook,
  type WebhookRequest,
  type WebhookVerdict,
} from '@ballast/connector-kit';
import { ORDER_CREATED, orderEventSchema } from './protocol.ts';

/** Checks an order webhook's Standard Webhooks signature and its 5-minute timestamp window. */
export function verifyOrderWebhook(secret: string, request: WebhookRequest): WebhookVerdict {
  return verifyStandardWebhook(secret, request);
}

/** Reads a verified `order.created` delivery; other event types are ignored, unreadable bodies invalid. */
export function parseOrderEvent(request: WebhookRequest): OrderEvent {
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody);
  } catch {
    return { kind: 'invalid', reason: 'the body is not JSON' };
  }
  const parsed = orderEventSchema.safeParse(json);
  if (!parsed.success)
    return { kind: 'invalid', reason: parsed.error.issues.map((i) => i.message).join('; ') };
  const { type, order } = parsed.data;
  if (type !== ORDER_CREATED)
    return { kind: 'ignored', reason: `event type ${type} is not ${ORDER_CREATED}` };
  if (!order) return { kind: 'invalid', reason: `${ORDER_CREATED} without an order` };
  const signedAt = Number(request.headers.get('webhook-timestamp')) * 1000;
  const deliveryId = request.headers.get('webhook-id');
  return {
    kind: 'order',
    ...(deliveryId ? { deliveryId } : {}),
    order: {
      channelOrderId: String(order.id),
      createdAt: new Date(order.createdAt ?? signedAt),
      lines: order.lines.map((line) => ({
        sku: line.sku,
        quantity: line.quantity,
        ...(line.id === undefined ? {} : { channelLineId: line.id }),
      })),
    },
  };
}
