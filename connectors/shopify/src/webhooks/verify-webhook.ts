import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookRequest, WebhookVerdict } from '@ballast/connector-kit';
import { shopifyHeader } from './shopify-headers.ts';

/** Base64 HMAC-SHA256 of the raw body keyed with the app secret: Shopify's webhook signature. */
export function shopifyHmac(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64');
}

/**
 * Checks `X-Shopify-Hmac-Sha256` against the raw body, in constant time. A public app shares one secret
 * across every shop it is installed on, so a delivery naming another shop (`X-Shopify-Shop-Domain`) is
 * refused too: it is genuine, but not this channel's.
 */
export function verifyShopifyWebhook(
  secret: string,
  shopDomain: string,
  request: WebhookRequest,
): WebhookVerdict {
  const signature = shopifyHeader(request.headers, 'hmac-sha256');
  if (!signature) return { ok: false, reason: 'no X-Shopify-Hmac-Sha256 header' };
  const expected = createHmac('sha256', secret).update(request.rawBody, 'utf8').digest();
  const given = Buffer.from(signature.trim(), 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'the HMAC does not match the body' };
  }
  const shop = shopifyHeader(request.headers, 'shop-domain');
  if (shop !== undefined && shop.trim().toLowerCase() !== shopDomain) {
    return { ok: false, reason: `the delivery is for shop ${shop}, not ${shopDomain}` };
  }
  return { ok: true };
}
