import { randomUUID } from 'node:crypto';
import type { WebhookRequest } from '@ballast/connector-kit';
import type { SimOrder } from '@ballast/connector-kit/testing';
import { ORDER_CREATED_TOPIC } from '../api/protocol.ts';
import { wooWebhookSignature } from '../webhooks/webhook-signature.ts';

const USER_AGENT = 'WooCommerce/9.8.0 Hookshot (WordPress/6.8)';

/** How a simulated delivery differs from a plain `order.created`. */
export interface DeliveryOptions {
  readonly topic?: string;
  readonly webhookId?: number;
  /** Reuse one to play a redelivery. */
  readonly deliveryId?: string;
  readonly status?: string;
  readonly at?: Date;
  /** Sign with another secret (a webhook whose secret does not match the channel's config). */
  readonly secret?: string;
}

/** A v3 order body; a numeric order id is sent as a number, as WooCommerce does. */
export function orderBody(order: SimOrder, options: DeliveryOptions = {}): string {
  const at = options.at ?? new Date();
  const id = /^\d+$/.test(order.id) ? Number(order.id) : order.id;
  return JSON.stringify({
    id,
    parent_id: 0,
    status: options.status ?? 'processing',
    currency: 'EUR',
    date_created: at.toISOString().slice(0, 19),
    date_created_gmt: at.toISOString().slice(0, 19),
    line_items: order.lines.map((line, i) => ({
      id: i + 1,
      name: line.sku,
      product_id: 200 + i,
      variation_id: 0,
      quantity: line.quantity,
      sku: line.sku,
    })),
  });
}

/**
 * A signed delivery as WooCommerce sends it: the `X-WC-Webhook-*` headers and
 * `X-WC-Webhook-Signature` = base64(HMAC-SHA256(raw body, secret)).
 */
export function signedDelivery(
  siteUrl: string,
  secret: string,
  order: SimOrder,
  options: DeliveryOptions = {},
): WebhookRequest {
  const rawBody = orderBody(order, options);
  const topic = options.topic ?? ORDER_CREATED_TOPIC;
  const [resource = 'order', event = 'created'] = topic.split('.');
  return {
    headers: new Headers({
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      'x-wc-webhook-source': `${siteUrl}/`,
      'x-wc-webhook-topic': topic,
      'x-wc-webhook-resource': resource,
      'x-wc-webhook-event': event,
      'x-wc-webhook-signature': wooWebhookSignature(options.secret ?? secret, rawBody),
      'x-wc-webhook-id': String(options.webhookId ?? 1),
      'x-wc-webhook-delivery-id': options.deliveryId ?? randomUUID().replace(/-/g, ''),
    }),
    rawBody,
  };
}

/** The unsigned ping WooCommerce POSTs when a webhook is saved; it wants a 200 back. */
export function pingDelivery(webhookId: number): WebhookRequest {
  return {
    headers: new Headers({
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': USER_AGENT,
    }),
    rawBody: `webhook_id=${webhookId}`,
  };
}
