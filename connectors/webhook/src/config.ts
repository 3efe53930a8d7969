import { secretSetting } from '@ballast/connector-kit';
import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** A Standard Webhooks secret: `whsec_` then the base64 key (at least 16 bytes). */
const secret = secretSetting(
  z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'must be whsec_ followed by a base64 key')
    .refine(
      (value) => Buffer.from(value.slice('whsec_'.length), 'base64').length >= 16,
      'the key must be at least 16 bytes',
    ),
);

/** The merchant's settings for the webhook connector. */
export const webhookConfigSchema = z.object({
  /** Where inventory batches are POSTed. */
  endpointUrl: httpUrl,
  /** Signs outgoing batches and reads (and verifies order webhooks unless `orderSigningSecret` is set). */
  signingSecret: secret,
  /** A separate secret for order webhooks coming from the merchant's system. */
  orderSigningSecret: secret.optional(),
  /** Items per request. */
  batchSize: z.number().int().min(1).max(1000).default(100),
  /** What the merchant's endpoint can take. */
  requestsPerSecond: z.number().positive().max(1000).default(10),
  /** Requests that may go at once after a quiet spell; default: one second's worth. */
  burst: z.number().int().min(1).max(1000).optional(),
  /** GET `?skus=A,B` answers what the merchant's system shows; enables drift repair. */
  readBackUrl: httpUrl.optional(),
  /** GET `?skus=A,B` answers which SKUs the merchant's system has; without it every SKU counts as listed. */
  lookupUrl: httpUrl.optional(),
  /** Per-request timeout. */
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  /** Send `expectedQuantity` and accept `stale` answers (the receiver must implement compare-and-set). */
  compareAndSet: z.boolean().default(false),
});

/** Config as the merchant writes it (defaults optional). */
export type WebhookConfigInput = z.input<typeof webhookConfigSchema>;
/** Config after parsing, as the connector uses it. */
export type WebhookConfig = z.output<typeof webhookConfigSchema>;
