import { type Db, dialectOf } from '@ballast/core';
import { type Generated, type Kysely, sql } from 'kysely';
import { registerServerMigration } from '../db/server-migrations.ts';

/**
 * What became of one verified order webhook: `created` (a sales order), `duplicate` (a redelivery of an order
 * already recorded), `failed` (the order could not be recorded, e.g. an unknown SKU: someone must act),
 * `ignored` (not an order), `invalid` (signed but unreadable).
 */
export const deliveryStatuses = ['created', 'duplicate', 'failed', 'ignored', 'invalid'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

interface WebhookDeliveriesTable {
  id: Generated<number>;
  storeId: number;
  channelId: number;
  deliveryId: string | null;
  channelOrderId: string | null;
  status: DeliveryStatus;
  salesOrderId: number | null;
  error: string | null;
  /** JSON of the order as the channel sent it (id, lines), kept for failed deliveries so nothing is lost. */
  orderPayload: string | null;
  receivedAt: number;
}

export interface WebhookDelivery {
  id: number;
  channelId: number;
  deliveryId: string | null;
  channelOrderId: string | null;
  status: DeliveryStatus;
  salesOrderId: number | null;
  error: string | null;
  order: unknown;
  receivedAt: number;
}

registerServerMigration('0003-webhook-deliveries', {
  async up(db: Kysely<unknown>) {
    const pg = dialectOf(db) === 'postgres';
    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', pg ? sql`bigserial` : sql`integer`, (c) =>
        pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('store_id', 'bigint', (c) => c.notNull().references('stores.id').onDelete('cascade'))
      .addColumn('channel_id', 'bigint', (c) => c.notNull().references('channels.id').onDelete('cascade'))
      .addColumn('delivery_id', 'text')
      .addColumn('channel_order_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('sales_order_id', 'bigint')
      .addColumn('error', 'text')
      .addColumn('order_payload', 'text')
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_channel')
      .on('webhook_deliveries')
      .columns(['channel_id', 'id'])
      .execute();
  },
});

const deliveries = (db: Db) => db.withTables<{ webhookDeliveries: WebhookDeliveriesTable }>();

export async function recordDelivery(
  db: Db,
  delivery: Omit<WebhookDeliveriesTable, 'id' | 'receivedAt'>,
): Promise<void> {
  await deliveries(db)
    .insertInto('webhookDeliveries')
    .values({ ...delivery, receivedAt: Date.now() })
    .execute();
}

/** A channel's deliveries, newest first, `limit` rows older than `beforeId`. */
export async function listDeliveries(
  db: Db,
  storeId: number,
  channelId: number,
  query: { status?: DeliveryStatus | undefined; beforeId?: number | undefined; limit: number },
): Promise<WebhookDelivery[]> {
  let rows = deliveries(db)
    .selectFrom('webhookDeliveries')
    .select([
      'id',
      'channelId',
      'deliveryId',
      'channelOrderId',
      'status',
      'salesOrderId',
      'error',
      'orderPayload',
      'receivedAt',
    ])
    .where('storeId', '=', storeId)
    .where('channelId', '=', channelId);
  if (query.status !== undefined) rows = rows.where('status', '=', query.status);
  if (query.beforeId !== undefined) rows = rows.where('id', '<', query.beforeId);
  const found = await rows.orderBy('id', 'desc').limit(query.limit).execute();
  return found.map(({ orderPayload, ...row }) => ({
    ...row,
    order: orderPayload === null ? null : (JSON.parse(orderPayload) as unknown),
  }));
}
