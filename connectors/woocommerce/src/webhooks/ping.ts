import type { WebhookRequest } from '@ballast/connector-kit';

/** The body WooCommerce POSTs, unsigned, when a webhook is saved: `webhook_id=12`. */
const PING_BODY = /^webhook_id=(\d+)$/;

/**
 * The webhook id of a creation ping, or `undefined` for any other delivery. A ping carries no signature
 * header; a body that looks like one but is signed is checked like any delivery.
 */
export function pingWebhookId(request: WebhookRequest): string | undefined {
  if (request.headers.has('x-wc-webhook-signature')) return undefined;
  return PING_BODY.exec(request.rawBody.trim())?.[1];
}
