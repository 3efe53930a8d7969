import { createHash } from 'node:crypto';

/**
 * A Standard Webhooks message id derived from what the message says, so a retry of the same batch carries
 * the same `webhook-id` and a receiver that deduplicates on it sees a redelivery, not a new message.
 */
export function messageIdFor(kind: string, parts: readonly string[]): string {
  const digest = createHash('sha256').update(kind).update('\n').update(parts.join('\n')).digest('base64url');
  return `msg_${digest.slice(0, 32)}`;
}
