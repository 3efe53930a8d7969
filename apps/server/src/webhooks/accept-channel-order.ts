import type { ChannelOrder } from '@ballast/connector-kit';
import {
  BallastError,
  createSalesOrder,
  type Db,
  IdempotencyKeyReusedError,
  type SalesOrder,
} from '@ballast/core';
import { channelOrderKey, channelOrderNumber } from './channel-order-identity.ts';

export type AcceptedOrder =
  | { status: 'created' | 'duplicate'; order: SalesOrder }
  | { status: 'failed'; error: BallastError };

/**
 * Records a channel's order as a sales order in the master, once. The idempotency key is the channel's order
 * id, so a redelivery returns the order made the first time. An order the domain refuses (an unknown SKU,
 * a bad quantity) comes back `failed` rather than thrown: redelivering it would fail the same way, so the
 * caller records it for a person instead of making the channel retry.
 */
export async function acceptChannelOrder(
  db: Db,
  channel: { id: number; storeId: number; name: string },
  order: ChannelOrder,
): Promise<AcceptedOrder> {
  const idempotencyKey = channelOrderKey(channel.id, order.channelOrderId);
  const earlier = await firstResult(db, channel.storeId, idempotencyKey);
  if (earlier) return { status: 'duplicate', order: earlier };
  try {
    const created = await createSalesOrder(
      db,
      channel.storeId,
      {
        number: channelOrderNumber(channel, order.channelOrderId),
        channelId: channel.id,
        lines: order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
      },
      { idempotencyKey },
    );
    return { status: 'created', order: created };
  } catch (error) {
    if (error instanceof IdempotencyKeyReusedError) {
      // The same order id again with other lines: the first version stands (the master never double-commits).
      const first = await firstResult(db, channel.storeId, idempotencyKey);
      if (first) return { status: 'duplicate', order: first };
    }
    if (error instanceof BallastError) return { status: 'failed', error };
    throw error;
  }
}

/** The order a key already produced, from core's idempotency record. */
async function firstResult(db: Db, storeId: number, key: string): Promise<SalesOrder | undefined> {
  const row = await db
    .selectFrom('idempotencyKeys')
    .select('response')
    .where('storeId', '=', storeId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.response ? (JSON.parse(row.response) as SalesOrder) : undefined;
}
