import { createHash } from 'node:crypto';

/** Sales order numbers and idempotency keys are bounded; longer channel ids are shortened by a hash. */
const MAX_NUMBER = 100;
const MAX_KEY = 255;

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);
const clean = (text: string) => text.replaceAll('\u0000', '').trim();

/**
 * The master's number for a channel order: `<channel name>-<channel order id>`, so staff recognise it, or
 * `ch<channel id>-...` when the name would make it too long.
 */
export function channelOrderNumber(channel: { id: number; name: string }, channelOrderId: string): string {
  const orderId = clean(channelOrderId);
  for (const prefix of [clean(channel.name), `ch${channel.id}`]) {
    const number = `${prefix}-${orderId}`;
    if (number.length <= MAX_NUMBER) return number;
  }
  return `ch${channel.id}-${digest(orderId)}`;
}

/**
 * The idempotency key of a channel order: the channel and the channel's own order id. Every delivery of one
 * order (a redelivery, or the channel sending it twice under new delivery ids) maps to one sales order.
 */
export function channelOrderKey(channelId: number, channelOrderId: string): string {
  const key = `webhook:channel:${channelId}:order:${clean(channelOrderId)}`;
  return key.length <= MAX_KEY ? key : `webhook:channel:${channelId}:order-sha:${digest(channelOrderId)}`;
}
