import type { WebhookRequest, WebhookVerdict } from '@ballast/connector-kit';
import { pingWebhookId } from './ping.ts';
import { signatureMatches } from './webhook-signature.ts';

/**
 * Checks a WooCommerce delivery: `X-WC-Webhook-Signature` must be the base64 HMAC-SHA256 of the raw body
 * under the webhook secret (compared in constant time). WooCommerce signs no timestamp, so there is no
 * freshness window; redeliveries are told apart by `X-WC-Webhook-Delivery-ID`.
 *
 * The creation ping is the one unsigned delivery accepted: WooCommerce refuses to save a webhook whose
 * URL does not answer its ping with 200, so the verdict is `ok` and `parseOrderEvent` then says
 * `ignored`; the host answers 200 and records nothing else (the server's `/webhooks/{channelId}` route
 * does exactly that). Anyone can send such a ping, but it can only ever produce that empty 200.
 *
 * @example
 * ```ts
 * const verdict = client.verifyWebhook({ headers: req.headers, rawBody });
 * if (!verdict.ok) return new Response(null, { status: 401 });
 * const event = client.parseOrderEvent({ headers: req.headers, rawBody }); // ping -> { kind: 'ignored' }
 * ```
 */
export function verifyWooWebhook(secret: string, request: WebhookRequest): WebhookVerdict {
  if (pingWebhookId(request) !== undefined) return { ok: true };
  const signature = request.headers.get('x-wc-webhook-signature');
  if (!signature) return { ok: false, reason: 'no X-WC-Webhook-Signature header' };
  if (!signatureMatches(secret, request.rawBody, signature)) {
    return { ok: false, reason: 'X-WC-Webhook-Signature does not match the body (wrong webhook secret?)' };
  }
  return { ok: true };
}
