import { createHmac, timingSafeEqual } from 'node:crypto';

/** `X-WC-Webhook-Signature`: base64 HMAC-SHA256 of the raw body, keyed with the webhook's secret. */
export function wooWebhookSignature(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64');
}

/** Compares a received signature with the expected one in constant time (over the decoded bytes). */
export function signatureMatches(secret: string, rawBody: string, received: string): boolean {
  const expected = Buffer.from(wooWebhookSignature(secret, rawBody), 'base64');
  const given = Buffer.from(received.trim(), 'base64');
  // Lengths are public (always 32 bytes for SHA-256): comparing them first leaks nothing.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
