import { getChannel } from '@ballast/core';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { deliveryStatuses, listDeliveries } from '../../webhooks/webhook-deliveries.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { channelParamsSchema, pageQuerySchema } from './channel-params.ts';
import { decodeIdCursor, pageOf } from './id-cursor.ts';

const deliveryStatusSchema = z.enum(deliveryStatuses).openapi('WebhookDeliveryStatus', {
  description:
    '`created`: a sales order was made. `duplicate`: a redelivery of an order already recorded. `failed`: the ' +
    'order could not be recorded (e.g. an unknown SKU) and needs a person. `ignored`: not an order. ' +
    '`invalid`: signed but unreadable.',
});

const deliverySchema = z
  .object({
    id: z.number().int(),
    channelId: z.number().int(),
    deliveryId: z.string().nullable().openapi({ description: 'The channel’s id for the delivery' }),
    channelOrderId: z.string().nullable(),
    status: deliveryStatusSchema,
    salesOrderId: z.number().int().nullable(),
    error: z.string().nullable(),
    order: z.unknown().openapi({ description: 'Failed deliveries: the order as the channel sent it' }),
    receivedAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('WebhookDelivery');

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/channels/{channelId}/webhook-deliveries',
  tags: ['Channels'],
  summary:
    'Order webhooks the channel sent, newest first (filter `status=failed` for orders that need a person)',
  request: {
    params: channelParamsSchema,
    query: pageQuerySchema.extend({ status: deliveryStatusSchema.optional() }),
  },
  responses: {
    200: {
      description: 'Deliveries',
      content: jsonContent(
        z
          .object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() })
          .openapi('WebhookDeliveryList'),
      ),
    },
    ...errorResponses,
  },
});

export function registerListWebhookDeliveries(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const params = c.req.valid('param');
    const storeId = storeIdOf(c, params.storeId);
    const { limit, cursor, status } = c.req.valid('query');
    const { db } = c.get('deps');
    await getChannel(db, storeId, params.channelId);
    const rows = await listDeliveries(db, storeId, params.channelId, {
      status,
      beforeId: cursor === undefined ? undefined : decodeIdCursor(cursor),
      limit: limit + 1,
    });
    return c.json(pageOf(rows, limit), 200);
  });
}
