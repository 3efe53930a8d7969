import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { WebhookRequest, WebhookVerdict } from '../contract/order.ts';

/** The three Standard Webhooks headers. */
export interface StandardWebhookHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

export interface SignInput {
  /** `whsec_` + base64 key, as Standard Webhooks secrets are written. */
  readonly secret: string;
  /** Unique per message and the same on every redelivery, so the receiver can deduplicate. */
  readonly id: string;
  readonly timestamp: Date;
  readonly body: string;
}

/**
 * Signs a body the Standard Webhooks way (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body`), with the
 * official `standardwebhooks` package. Used by connectors that sign and by simulators that play channels.
 */
export function signStandardWebhook(input: SignInput): StandardWebhookHeaders {
  const signature = new Webhook(input.secret).sign(input.id, input.timestamp, input.body);
  return {
    'webhook-id': input.id,
    'webhook-timestamp': String(Math.floor(input.timestamp.getTime() / 1000)),
    'webhook-signature': signature,
  };
}

/**
 * Verifies a Standard Webhooks delivery: the signature over the raw body (constant-time compare), and a
 * timestamp within 5 minutes of now, so a captured delivery cannot be replayed later.
 */
export function verifyStandardWebhook(secret: string, request: WebhookRequest): WebhookVerdict {
  const headers = {
    'webhook-id': request.headers.get('webhook-id') ?? '',
    'webhook-timestamp': request.headers.get('webhook-timestamp') ?? '',
    'webhook-signature': request.headers.get('webhook-signature') ?? '',
  };
  try {
    new Webhook(secret).verify(request.rawBody, headers, { jsonParse: false });
    return { ok: true };
  } catch (error) {
    if (error instanceof WebhookVerificationError) return { ok: false, reason: error.message };
    throw error;
  }
}
