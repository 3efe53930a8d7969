import { randomUUID } from 'node:crypto';
import type { WebhookRequest } from '@ballast/connector-kit';
import type { SimOrder } from '@ballast/connector-kit/testing';
import { ORDERS_CREATE } from '../webhooks/shopify-headers.ts';
import { shopifyHmac } from '../webhooks/verify-webhook.ts';

export interface OrderWebhookOptions {
  /** Default `orders/create`. */
  readonly topic?: string;
  /** When the order was created (and the delivery triggered); default now. */
  readonly at?: Date;
  /** Marks the order cancelled at this time. */
  readonly cancelledAt?: Date;
  /** `X-Shopify-Webhook-Id`; a redelivery reuses it. Default a fresh UUID. */
  readonly webhookId?: string;
  /** `prefixed` (`X-Shopify-Hmac-Sha256`) or the newer lower-case `shopify-hmac-sha256`. */
  readonly headerStyle?: 'prefixed' | 'unprefixed';
  /** Signs with another secret (a forged delivery). */
  readonly secret?: string;
  readonly apiVersion?: string;
}

/** Shopify's order JSON, trimmed to the fields a webhook consumer commonly reads. */
export function orderJson(order: SimOrder, at: Date, cancelledAt: Date | undefined) {
  const numeric = /^\d+$/.test(order.id);
  const id = numeric ? Number(order.id) : order.id;
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
    name: numeric ? `#${order.id}` : order.id,
    created_at: at.toISOString(),
    updated_at: at.toISOString(),
    cancelled_at: cancelledAt ? cancelledAt.toISOString() : null,
    currency: 'EUR',
    financial_status: 'paid',
    line_items: order.lines.map((line, i) => ({
      id: 9_000_000 + i,
      variant_id: 8_000_000 + i,
      sku: line.sku,
      quantity: line.quantity,
      title: `Item ${line.sku}`,
      price: '10.00',
    })),
  };
}

/** An order delivery exactly as Shopify sends it: the JSON body and its HMAC-signed headers. */
export function signedOrderDelivery(
  appSecret: string,
  shopDomain: string,
  order: SimOrder,
  options: OrderWebhookOptions = {},
): WebhookRequest {
  const at = options.at ?? new Date();
  const rawBody = JSON.stringify(orderJson(order, at, options.cancelledAt));
  const prefix = options.headerStyle === 'unprefixed' ? 'shopify-' : 'X-Shopify-';
  const headers = new Headers({ 'content-type': 'application/json' });
  const fields: Record<string, string> = {
    'Hmac-Sha256': shopifyHmac(options.secret ?? appSecret, rawBody),
    Topic: options.topic ?? ORDERS_CREATE,
    'Shop-Domain': shopDomain,
    'Webhook-Id': options.webhookId ?? randomUUID(),
    'Triggered-At': at.toISOString(),
    'Api-Version': options.apiVersion ?? '2026-04',
    'Event-Id': randomUUID(),
  };
  for (const [name, value] of Object.entries(fields)) {
    headers.set(
      options.headerStyle === 'unprefixed' ? `${prefix}${name.toLowerCase()}` : `${prefix}${name}`,
      value,
    );
  }
  return { headers, rawBody };
}
